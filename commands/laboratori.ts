import { z } from 'zod';
import { defineCommand, defineSubcommand, type Context } from '../src/bus/types.js';
import { recordVote } from '../src/capabilities/labs/feedback.js';
import { calendarButton, leaveButton, listEntry } from '../src/capabilities/labs/render.js';
import { participantOf } from '../src/capabilities/labs/service.js';
import { AppError } from '../src/errors.js';
import { itLabs as t } from '../src/capabilities/labs/texts.js';
import { literal } from '../src/platform/markup.js';
import type { Block, OutMessage } from '../src/platform/port.js';
import { adminForms, adminSubcommands, labId } from './laboratori-admin.js';

// /laboratori: the upcoming workshop sessions open to the person, sign-up and withdrawal by
// command or button, the calendar file. Coordinators' subcommands live in laboratori-admin.ts.

const MAX_LISTED = 10;

function parseId(value: string): number {
  const parsed = labId.safeParse(value);
  if (!parsed.success) throw new AppError('invalid_input', t.refuse.badId);
  return parsed.data;
}

/** In a group where the answer is public (Telegram), say whom it is for. */
function forWhom(ctx: Context, text: string): string {
  const ephemeral = ctx.services.platforms.capabilities(ctx.chat.platform)?.ephemeral ?? false;
  return ctx.chat.kind === 'group' && !ephemeral ? `${literal(ctx.actor.name)}: ${text}` : text;
}

async function signUp(ctx: Context, id: number): Promise<void> {
  const res = await ctx.services.labs.join(ctx.tx, ctx.now, id, participantOf(ctx.actor));
  const lab = res.lab;
  const inPrivate = ctx.chat.kind === 'private';
  let message: OutMessage;
  switch (res.outcome) {
    case 'confirmed': {
      const text = forWhom(ctx, t.signup.confirmed(lab.title, lab.startsAt, lab.endsAt));
      const blocks: Block[] = [
        { type: 'text', text },
        { type: 'context', text: inPrivate ? t.signup.calendarHint : t.signup.calendarButtonHint },
        { type: 'buttons', buttons: inPrivate ? [leaveButton(id)] : [leaveButton(id), calendarButton(id)] },
      ];
      // The calendar file comes with the confirmation in a private chat; in a channel, on request.
      message = { text: t.signup.confirmedText(lab.title), blocks, ...(inPrivate ? { attachment: ctx.services.labs.calendarFile(lab, ctx.now) } : {}) };
      break;
    }
    case 'waiting':
    case 'already-waiting': {
      const text = forWhom(ctx, res.outcome === 'waiting' ? t.signup.waiting(lab.title, res.position!) : t.signup.alreadyWaiting(lab.title, res.position!));
      message = {
        text,
        blocks: [
          { type: 'text', text },
          { type: 'buttons', buttons: [leaveButton(id)] },
        ],
      };
      break;
    }
    case 'already-confirmed': {
      const text = forWhom(ctx, t.signup.alreadyConfirmed(lab.title));
      message = {
        text,
        blocks: [
          { type: 'text', text },
          { type: 'buttons', buttons: [leaveButton(id), calendarButton(id)] },
        ],
      };
      break;
    }
  }
  await ctx.reply(message);
}

async function withdraw(ctx: Context, id: number): Promise<void> {
  const res = await ctx.services.labs.leave(ctx.tx, ctx.now, id, ctx.actor.personId);
  const text =
    res.outcome === 'withdrawn'
      ? t.signup.withdrawn(res.lab.title)
      : res.outcome === 'left-waiting'
        ? t.signup.leftWaiting(res.lab.title)
        : t.signup.notSignedUp(res.lab.title);
  await ctx.reply(forWhom(ctx, text));
}

const idArgs = z.tuple([labId], z.string());

const iscrivimi = defineSubcommand({
  description: 'Ti iscrive a un laboratorio (o alla sua lista d’attesa)',
  usage: '/laboratori iscrivimi N',
  args: idArgs,
  handler: (ctx, [id]) => signUp(ctx, id),
});

const ritirami = defineSubcommand({
  description: 'Annulla la tua iscrizione a un laboratorio',
  usage: '/laboratori ritirami N',
  args: idArgs,
  handler: (ctx, [id]) => withdraw(ctx, id),
});

export default defineCommand({
  name: 'laboratori',
  aliases: ['lab', 'laboratorio'],
  description: 'Laboratori in programma per la tua rete; /laboratori TEMA filtra per tema',
  usage: '/laboratori [TEMA]',
  subcommands: { iscrivimi, ritirami, ...adminSubcommands },
  async handler(ctx, tokens) {
    const theme = (tokens as string[]).join(' ').trim() || undefined;
    const scope =
      ctx.chat.kind === 'group' && ctx.chat.network
        ? { networkIds: [ctx.chat.network.id] }
        : ctx.actor.coordinator
          ? null
          : { networkIds: ctx.actor.memberships.map((m) => m.networkId) };
    const rows = await ctx.services.labs.upcoming(ctx.tx, ctx.now, scope, ctx.actor.personId, theme);
    if (rows.length === 0) return ctx.reply(theme ? t.list.noneTheme(theme) : t.list.none);
    const title = theme ? t.list.titleTheme(theme) : t.list.title;
    const blocks: Block[] = [{ type: 'header', text: title }];
    for (const [i, r] of rows.slice(0, MAX_LISTED).entries()) {
      if (i > 0) blocks.push({ type: 'divider' });
      blocks.push(...listEntry(r.lab, r.seats, r.mine));
    }
    blocks.push({ type: 'context', text: rows.length > MAX_LISTED ? `${t.list.hint} ${t.list.more(rows.length - MAX_LISTED)}` : t.list.hint });
    await ctx.reply({ text: title, blocks });
  },
  actions: {
    join: (ctx, value) => signUp(ctx, parseId(value)),
    leave: (ctx, value) => withdraw(ctx, parseId(value)),
    async ics(ctx, value) {
      const lab = await ctx.services.labs.get(ctx.tx, parseId(value));
      await ctx.reply({ text: t.signup.calendarFile(lab.title), attachment: ctx.services.labs.calendarFile(lab, ctx.now) });
    },
    voto: (ctx, value) => recordVote(ctx, value),
  },
  forms: adminForms,
});
