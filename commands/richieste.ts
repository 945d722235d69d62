import { z } from 'zod';
import { defineCommand, defineSubcommand, type Context } from '../src/bus/types.js';
import { authorOf, ensureCoordinator, idSchema, parseId, reachOf } from '../src/capabilities/richieste/chat.js';
import { listRequests, parseFilter } from '../src/capabilities/richieste/listing.js';
import { beginMeeting } from '../src/capabilities/richieste/chat-meetings.js';
import { requestForMeeting } from '../src/capabilities/richieste/meetings.js';
import type { RequestRecord } from '../src/capabilities/richieste/model.js';
import { networkRef } from '../src/capabilities/richieste/repository.js';
import { complete, close, networkAnswer, start, take } from '../src/capabilities/richieste/requests.js';
import { itRichieste as t } from '../src/capabilities/richieste/texts.js';
import { coordinatorButtons, listEntry, networkView, requestDetail } from '../src/capabilities/richieste/views.js';
import type { Block, OutMessage } from '../src/platform/port.js';

// /richieste: coordinators see the open requests, oldest first, and filter them (/richieste
// formazione, /richieste BG01, /richieste mie, /richieste nuove); referents see their networks'
// requests and their states; /richieste N shows one in full. Coordinators move a request on with
// the buttons or the subcommands (prendi, avvia, concludi, chiudi); the network answers «Sì,
// risolto» / «Non ancora» when it is done.

const MAX_LISTED = 15;
const requestId = idSchema(t.refuse.badRequestId);
const id = (value: string) => parseId(value, t.refuse.badRequestId);

/** An answer with the buttons for what can be done next. */
function withNext(text: string, r: RequestRecord): OutMessage {
  return {
    text,
    blocks: [
      { type: 'text', text },
      { type: 'buttons', buttons: coordinatorButtons(r) },
    ],
  };
}

async function takeInCharge(ctx: Context, requestNumber: number): Promise<void> {
  ensureCoordinator(ctx);
  const res = await take(ctx.tx, ctx.now, requestNumber, authorOf(ctx), reachOf(ctx));
  switch (res.outcome) {
    case 'taken':
      return ctx.reply(withNext(t.answers.taken(requestNumber), res.request));
    case 'already-mine':
      return ctx.reply(withNext(t.answers.alreadyMine(requestNumber), res.request));
    case 'taken-by-other':
      return ctx.reply(t.answers.takenByOther(requestNumber, res.by));
    case 'not-open':
      return ctx.reply(t.answers.notOpen(requestNumber, res.request.state));
  }
}

async function moveOn(ctx: Context, requestNumber: number, note: string): Promise<void> {
  ensureCoordinator(ctx);
  const res = await start(ctx.tx, ctx.now, requestNumber, authorOf(ctx), note, reachOf(ctx));
  await ctx.reply(withNext(res.changed ? t.answers.started(requestNumber) : t.answers.alreadyStarted(requestNumber), res.request));
}

async function markDone(ctx: Context, requestNumber: number, note: string): Promise<void> {
  ensureCoordinator(ctx);
  const res = await complete(ctx.tx, ctx.now, requestNumber, authorOf(ctx), note, reachOf(ctx));
  await ctx.reply(res.changed ? t.answers.done(requestNumber) : t.answers.alreadyDone(requestNumber));
}

async function answerAsNetwork(ctx: Context, requestNumber: number, solved: boolean): Promise<void> {
  const res = await networkAnswer(ctx.tx, ctx.now, requestNumber, authorOf(ctx), solved, reachOf(ctx));
  switch (res.outcome) {
    case 'confirmed':
      return ctx.reply(t.answers.confirmed(requestNumber));
    case 'reopened':
      return ctx.reply(t.answers.reopened(requestNumber));
    case 'already-confirmed':
      return ctx.reply(t.answers.alreadyConfirmed(requestNumber, res.by));
    case 'already-reopened':
      return ctx.reply(t.answers.alreadyReopened(requestNumber, res.by));
    case 'not-done':
      return ctx.reply(t.answers.notDone(requestNumber, res.request.state));
  }
}

const withNote = z.tuple([requestId], z.string());

const prendi = defineSubcommand({
  description: 'Prendi in carico una richiesta di supporto',
  usage: '/richieste prendi N',
  access: 'coordinatore',
  args: z.tuple([requestId]),
  handler: (ctx, [n]) => takeInCharge(ctx, n),
});

const avvia = defineSubcommand({
  description: 'Segna una richiesta come in corso',
  usage: '/richieste avvia N [nota]',
  access: 'coordinatore',
  args: withNote,
  handler: (ctx, [n, ...note]) => moveOn(ctx, n, note.join(' ')),
});

const concludi = defineSubcommand({
  description: 'Segna una richiesta come svolta (la rete conferma se è risolta)',
  usage: '/richieste concludi N [nota]',
  access: 'coordinatore',
  args: withNote,
  handler: (ctx, [n, ...note]) => markDone(ctx, n, note.join(' ')),
});

const chiudi = defineSubcommand({
  description: 'Chiude una richiesta con il motivo',
  usage: '/richieste chiudi N MOTIVO',
  access: 'coordinatore',
  args: withNote,
  async handler(ctx, [n, ...reason]) {
    await close(ctx.tx, ctx.now, n, authorOf(ctx), reason.join(' '), reachOf(ctx));
    await ctx.reply(t.answers.closed(n));
  },
});

export default defineCommand({
  name: 'richieste',
  description: 'Richieste di supporto ad ANCI: aperte, per tipo, rete o stato; quelle della tua rete',
  usage: '/richieste [tipo | CODICE | stato | mie | N]',
  access: 'referente',
  subcommands: { prendi, avvia, concludi, chiudi },
  async handler(ctx, tokens) {
    const parsed = await parseFilter(ctx.tx, (tokens as string[]).join(' '), ctx.actor);
    if ('detail' in parsed) return ctx.reply(await requestDetail(ctx.tx, parsed.detail, ctx.actor));
    const { filter } = parsed;
    const { rows, total } = await listRequests(ctx.tx, filter, ctx.actor, MAX_LISTED);
    const title = filter.labels.length ? t.list.titleFiltered(filter.labels) : ctx.actor.coordinator ? t.list.titleCoordinators : t.list.titleReferents;
    const blocks: Block[] = [{ type: 'header', text: title }];
    if (rows.length === 0) blocks.push({ type: 'text', text: filter.labels.length ? t.list.noneFiltered(filter.labels) : t.list.none });
    else blocks.push({ type: 'text', text: rows.map((r) => listEntry(r, ctx.now)).join('\n\n') });
    if (total > rows.length) blocks.push({ type: 'context', text: t.list.more(total - rows.length) });
    blocks.push({ type: 'context', text: ctx.actor.coordinator ? t.list.hintCoordinators : t.list.hintReferents });
    await ctx.reply({ text: title, blocks });
  },
  actions: {
    prendo: (ctx, value) => takeInCharge(ctx, id(value)),
    avvia: (ctx, value) => moveOn(ctx, id(value), ''),
    svolta: (ctx, value) => markDone(ctx, id(value), ''),
    risolto: (ctx, value) => answerAsNetwork(ctx, id(value), true),
    nonancora: (ctx, value) => answerAsNetwork(ctx, id(value), false),
    async rete(ctx, value) {
      ensureCoordinator(ctx);
      const networkId = parseId(value, t.refuse.badRequestId);
      await ctx.reply(await networkView(ctx.tx, networkId, ctx.now));
    },
    /** «Fissa un incontro» on a request of presence at the cabina di regia or of deeper study. */
    async incontro(ctx, value) {
      ensureCoordinator(ctx);
      const r = await requestForMeeting(ctx.tx, id(value));
      const network = await networkRef(ctx.tx, r.networkId);
      await beginMeeting(ctx, { ...network, requestId: r.id });
    },
  },
});
