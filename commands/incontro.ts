import { z } from 'zod';
import { defineCommand, defineSubcommand, type Context } from '../src/bus/types.js';
import { authorOf, ensureCoordinator, formValue, idSchema, loadDraft, parseId, prefilled, reachOf, submitOrKeep } from '../src/capabilities/richieste/chat.js';
import {
  beginMeeting,
  beginNote,
  meetingFormSpec,
  noteFormSpec,
  parseMeetingContext,
  parseMeetingForm,
  setUpMeeting,
  writeNote,
} from '../src/capabilities/richieste/chat-meetings.js';
import { meetingCalendar } from '../src/capabilities/richieste/meeting-notices.js';
import { meetingDetail, upcomingFor } from '../src/capabilities/richieste/meeting-views.js';
import { answerInvite, cancelMeeting, closeRequestAfterMeeting, linkedRequest, requestForMeeting } from '../src/capabilities/richieste/meetings.js';
import { findMeeting, networkRef } from '../src/capabilities/richieste/repository.js';
import { itRichieste } from '../src/capabilities/richieste/texts.js';
import { ensureMaySeeMeeting } from '../src/capabilities/richieste/meeting-views.js';
import { networkByCode } from '../src/capabilities/networks/directory.js';
import { AppError } from '../src/errors.js';

// /incontro: one meeting between ANCI Lombardia and a network. Coordinators set one up (/incontro
// nuovo CODICE: a Slack modal, or a guided conversation in the private chat), cancel it, and write
// the note afterwards; the network's referents answer the invitation with «Ci sarò» / «Non posso».

const t = itRichieste.meeting;
const meetingId = idSchema(itRichieste.refuse.badMeetingId);
const id = (value: string) => parseId(value, itRichieste.refuse.badMeetingId);
const MEETING_DRAFT = 'incontro';
const NOTE_DRAFT = 'nota';
const RETRY_ACTION = 'incontro.correggi';

const code = z
  .string({ message: 'Indica il codice della rete, per esempio /incontro nuovo BG01.' })
  .regex(/^[A-Za-z0-9_-]{2,20}$/, 'Il codice della rete è fatto di lettere e cifre (es. BG01).');

async function answer(ctx: Context, meeting: number, yes: boolean): Promise<void> {
  const res = await answerInvite(ctx.tx, ctx.now, meeting, authorOf(ctx), yes, reachOf(ctx));
  if (res.outcome === 'same') return ctx.reply(yes ? t.answer.sameYes(meeting) : t.answer.sameNo(meeting));
  await ctx.reply(yes ? t.answer.yes(meeting) : t.answer.no(meeting));
}

const nuovo = defineSubcommand({
  description: 'Fissa un incontro con una rete (invita i referenti)',
  usage: '/incontro nuovo CODICE',
  access: 'coordinatore',
  args: z.tuple([code]),
  async handler(ctx, [networkCode]) {
    const n = await networkByCode(ctx.tx, networkCode);
    await beginMeeting(ctx, { id: n.id, code: n.code, name: n.name, requestId: null });
  },
});

const nota = defineSubcommand({
  description: 'Scrivi la nota di un incontro (decisioni, prossimi passi)',
  usage: '/incontro nota N',
  access: 'coordinatore',
  args: z.tuple([meetingId]),
  async handler(ctx, [n]) {
    const meeting = await findMeeting(ctx.tx, n);
    await beginNote(ctx, meeting, await networkRef(ctx.tx, meeting.networkId));
  },
});

const annulla = defineSubcommand({
  description: 'Annulla un incontro (avvisa i referenti)',
  usage: '/incontro annulla N [motivo]',
  access: 'coordinatore',
  args: z.tuple([meetingId], z.string()),
  async handler(ctx, [n, ...reason]) {
    const res = await cancelMeeting(ctx.tx, ctx.now, n, authorOf(ctx), reason.join(' '), reachOf(ctx));
    await ctx.reply(t.cancel.done(n, res.told));
  },
});

export default defineCommand({
  name: 'incontro',
  description: 'Un incontro di ANCI con una rete: dettagli, nuovo, nota, annulla',
  usage: '/incontro N',
  access: 'referente',
  args: z.array(meetingId).max(1, itRichieste.refuse.badMeetingId),
  subcommands: { nuovo, nota, annulla },
  async handler(ctx, [n]) {
    if (n === undefined) return ctx.reply(await upcomingFor(ctx.tx, ctx.now, ctx.actor, null));
    await ctx.reply(await meetingDetail(ctx.tx, ctx.now, n, ctx.actor));
  },
  forms: {
    /** The Slack modal of a new meeting (context: "<network id>:<request id or empty>"). */
    async nuovo(ctx, values, context) {
      ensureCoordinator(ctx, t.refuse.coordinatorsOnly);
      const { networkId, requestId } = parseMeetingContext(context);
      const network = await networkRef(ctx.tx, networkId);
      const typed = Object.fromEntries(['date', 'start', 'end', 'where', 'anci', 'agenda'].map((k) => [k, formValue(values, k)]));
      await submitOrKeep(
        ctx,
        { form: MEETING_DRAFT, values: typed, context, retry: { action: RETRY_ACTION, value: `i:${context}` } },
        () => parseMeetingForm(typed, ctx.now),
        async (input) => ctx.reply(await setUpMeeting(ctx, { ...network, requestId }, input)),
      );
    },
    async nota(ctx, values, context) {
      ensureCoordinator(ctx, t.refuse.coordinatorsOnly);
      const meeting = id(context);
      const typed = { decisions: formValue(values, 'decisions'), next: formValue(values, 'next') };
      await submitOrKeep(
        ctx,
        { form: NOTE_DRAFT, values: typed, context, retry: { action: RETRY_ACTION, value: `n:${meeting}` } },
        () => {
          if (!typed.decisions) throw new AppError('invalid_input', t.refuse.noteEmpty);
          return { decisions: typed.decisions, nextSteps: typed.next };
        },
        async (note) => ctx.reply(await writeNote(ctx, meeting, note)),
      );
    },
  },
  actions: {
    si: (ctx, value) => answer(ctx, id(value), true),
    no: (ctx, value) => answer(ctx, id(value), false),
    async ics(ctx, value) {
      const meeting = await findMeeting(ctx.tx, id(value));
      ensureMaySeeMeeting(ctx.actor, meeting);
      const network = await networkRef(ctx.tx, meeting.networkId);
      const attachment = meetingCalendar(meeting, network, await linkedRequest(ctx.tx, meeting), ctx.now);
      await ctx.reply({ text: t.answer.calendarFile(meeting.id), attachment });
    },
    /** «Scrivi la nota» after the meeting. */
    async nota(ctx, value) {
      const meeting = await findMeeting(ctx.tx, id(value));
      await beginNote(ctx, meeting, await networkRef(ctx.tx, meeting.networkId));
    },
    /** «Chiudi la richiesta» under the note. */
    async chiudi(ctx, value) {
      ensureCoordinator(ctx, t.refuse.coordinatorsOnly);
      const request = await closeRequestAfterMeeting(ctx.tx, ctx.now, id(value), authorOf(ctx), reachOf(ctx));
      await ctx.reply(itRichieste.answers.closed(request.id));
    },
    /** «Correggi» under a refused modal: reopens it with what was typed. */
    async correggi(ctx, value) {
      ensureCoordinator(ctx, t.refuse.coordinatorsOnly);
      if (value.startsWith('n:')) {
        const meeting = await findMeeting(ctx.tx, id(value.slice(2)));
        const draft = await loadDraft(ctx, NOTE_DRAFT);
        const form = noteFormSpec(meeting, await networkRef(ctx.tx, meeting.networkId));
        if (await ctx.openForm(draft ? prefilled(form, draft.values) : form)) return;
        return;
      }
      const { networkId, requestId } = parseMeetingContext(value.slice(2));
      if (requestId !== null) await requestForMeeting(ctx.tx, requestId);
      const network = await networkRef(ctx.tx, networkId);
      const draft = await loadDraft(ctx, MEETING_DRAFT);
      const form = meetingFormSpec({ ...network, requestId }, ctx.actor.name);
      await ctx.openForm(draft ? prefilled(form, draft.values) : form);
    },
  },
});
