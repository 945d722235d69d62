import { z } from 'zod';
import { defineCommand, defineSubcommand } from '../src/bus/types.js';
import { AppError } from '../src/errors.js';
import { coreTexts } from '../src/i18n/core-texts.js';
import { romeDay } from '../src/capabilities/networks/calendar.js';
import { pauseCommand, resumeCommand } from '../src/capabilities/networks/chat-pause.js';
import { itCalendar as calendarTexts } from '../src/capabilities/networks/texts.js';
import { audit } from '../src/audit.js';
import { erasePerson } from '../src/capabilities/networks/erase.js';
import { assignReferent, findPerson, linkChannel, networkByCode, networkSummary, removeFromNetwork } from '../src/capabilities/networks/directory.js';

const code = z
  .string({ message: 'Indica il codice della rete (es. BG01).' })
  .regex(/^[A-Za-z0-9_-]{2,20}$/, 'Il codice della rete è fatto di lettere e cifre (es. BG01).');

const collega = defineSubcommand({
  description: 'Collega questo canale a una rete',
  usage: '/rete collega CODICE',
  access: 'coordinatore',
  where: 'group',
  args: z.tuple([code]),
  async handler(ctx, [networkCode]) {
    const network = await networkByCode(ctx.tx, networkCode);
    const { previous, changed } = await linkChannel(ctx.tx, ctx.chat, network.id);
    if (!changed) return ctx.reply(coreTexts.network.alreadyLinked(network.code));
    const lines = [coreTexts.network.linked(network.code, network.name)];
    if (previous) lines.push(coreTexts.network.linkedElsewhere(previous));
    await ctx.reply(lines.join('\n'), { visibility: 'public' });
  },
});

const referente = defineSubcommand({
  description: 'Nomina una persona referente di una rete',
  usage: '/rete referente CODICE @persona',
  access: 'coordinatore',
  args: z.tuple([code], z.string()).refine((t) => t.length >= 2, 'Indica la persona dopo il codice della rete (es. @maria).'),
  async handler(ctx, [networkCode, ...who]) {
    const network = await networkByCode(ctx.tx, networkCode);
    const typed = who.join(' ');
    const person = await findPerson(ctx.tx, ctx.actor.account.platform, typed);
    if (!person) throw new AppError('not_found', coreTexts.network.personNotFound(typed));
    const added = await assignReferent(ctx.tx, person.id, network.id);
    if (added)
      await audit(ctx.tx, {
        at: ctx.now,
        actorPersonId: ctx.actor.personId,
        action: 'role',
        subjectPersonId: person.id,
        detail: `referente di ${network.code}`,
      });
    await ctx.reply(added ? coreTexts.network.referentAssigned(person.name, network.code) : coreTexts.network.referentAlready(person.name, network.code));
  },
});

const words = z.array(z.string()).max(6, 'Troppe parole: indica solo il codice della rete e le date.');

const pausa = defineSubcommand({
  description: calendarTexts.pause.description,
  usage: calendarTexts.pause.usage,
  access: 'referente',
  args: words,
  handler: pauseCommand,
});

const riprendi = defineSubcommand({
  description: calendarTexts.pause.resumeDescription,
  usage: calendarTexts.pause.resumeUsage,
  access: 'referente',
  args: words,
  handler: resumeCommand,
});

const rimuovi = defineSubcommand({
  description: 'Toglie il ruolo di una persona in una rete (un referente torna partecipante)',
  usage: '/rete rimuovi CODICE @persona',
  access: 'coordinatore',
  args: z.tuple([code], z.string()).refine((t) => t.length >= 2, 'Indica la persona dopo il codice della rete (es. @maria).'),
  async handler(ctx, [networkCode, ...who]) {
    const network = await networkByCode(ctx.tx, networkCode);
    const typed = who.join(' ');
    const person = await findPerson(ctx.tx, ctx.actor.account.platform, typed);
    if (!person) throw new AppError('not_found', coreTexts.network.personNotFound(typed));
    const outcome = await removeFromNetwork(ctx.tx, person.id, network.id);
    if (outcome !== 'absent') {
      const detail = outcome === 'demoted' ? `non più referente di ${network.code}` : `tolto dalla rete ${network.code}`;
      await audit(ctx.tx, { at: ctx.now, actorPersonId: ctx.actor.personId, action: 'role', subjectPersonId: person.id, detail });
    }
    const n = coreTexts.network;
    await ctx.reply(
      outcome === 'demoted'
        ? n.referentRemoved(person.name, network.code)
        : outcome === 'removed'
          ? n.memberRemoved(person.name, network.code)
          : n.notInNetwork(person.name, network.code),
    );
  },
});

const cancella = defineSubcommand({
  description: 'Cancella i dati di una persona (diritto alla cancellazione), dopo una conferma',
  usage: '/rete cancella @persona',
  access: 'coordinatore',
  args: z.array(z.string()).min(1, 'Indica la persona da cancellare (es. @maria).'),
  async handler(ctx, who) {
    const typed = who.join(' ');
    const person = await findPerson(ctx.tx, ctx.actor.account.platform, typed);
    if (!person || person.erasedAt) throw new AppError('not_found', coreTexts.network.personNotFound(typed));
    if (person.id === ctx.actor.personId) throw new AppError('invalid_input', coreTexts.erase.notYourself);
    const question = coreTexts.erase.confirm(person.name);
    await ctx.reply({
      text: question,
      blocks: [
        { type: 'text', text: question },
        { type: 'buttons', buttons: [{ label: coreTexts.erase.button, action: 'rete.cancella', value: String(person.id), style: 'danger' }] },
      ],
    });
  },
});

export default defineCommand({
  name: 'rete',
  description: 'Mostra la rete di questo canale',
  usage: '/rete',
  subcommands: { collega, referente, rimuovi, cancella, pausa, riprendi },
  actions: {
    /** The confirmation of /rete cancella: coordinators only; pressing twice erases once. */
    async cancella(ctx, value) {
      if (!ctx.actor.coordinator) throw new AppError('forbidden', coreTexts.error.coordinatorsOnly);
      const person = /^\d{1,9}$/.test(value) ? await ctx.tx.person.findUnique({ where: { id: Number(value) } }) : null;
      if (!person) throw new AppError('not_found', coreTexts.error.buttonGone);
      if (person.erasedAt) return ctx.reply(coreTexts.erase.already);
      const report = await erasePerson(ctx.tx, person.id, ctx.now);
      await audit(ctx.tx, {
        at: ctx.now,
        actorPersonId: ctx.actor.personId,
        action: 'erase',
        subjectPersonId: person.id,
        detail: `dati cancellati della persona n. ${person.id}`,
      });
      await ctx.reply(coreTexts.erase.done(person.name, report));
    },
  },
  async handler(ctx) {
    if (!ctx.chat.network) {
      if (ctx.chat.kind === 'private') {
        const list = ctx.actor.memberships.map((m) => `${m.name} (${m.code}${m.role === 'referente' ? ', referente' : ''})`).join(', ');
        return ctx.reply(coreTexts.network.privateChatNoNetwork(list));
      }
      return ctx.reply(coreTexts.network.channelNotLinked);
    }
    const s = await networkSummary(ctx.tx, ctx.chat.network.id, romeDay(ctx.now));
    const body = [
      coreTexts.network.themes(s.themes),
      coreTexts.network.referents(s.referents),
      coreTexts.network.counts(s.members, s.partners, s.channels),
      ...(s.pause ? [calendarTexts.pause.shown(s.pause.from, s.pause.to)] : []),
    ].join('\n');
    await ctx.reply({
      text: `${s.name} (${s.code})`,
      blocks: [
        { type: 'text', text: coreTexts.network.show(s.code, s.name, s.area) },
        { type: 'text', text: body },
      ],
    });
  },
});
