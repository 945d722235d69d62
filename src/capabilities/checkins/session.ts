// Starting, resuming, taking over and editing a check-in (/checkin, the prompt's «Inizia» button,
// the «Modifica le risposte» button). The conversation lives in the referent's private chat.
import { addressOfActor, type Context, type Membership } from '../../bus/types.js';
import { formStateSchema, newForm, type FormState } from '../../conversation/form.js';
import { AppError } from '../../errors.js';
import { itCheckins as t, type NetworkRef } from './texts.js';
import { enqueue } from '../../outbox/enqueue.js';
import { sameAddress, type Address, type OutMessage } from '../../platform/port.js';
import { CHECKIN_FLOW, personName, subjectOf, type CheckinSubject } from './flow.js';
import { fieldsFor } from './indicators.js';
import { editOffer } from './notices.js';
import { claimRound, currentRound, holderOf, isOpen, lockRound, type Round } from './rounds.js';
import { storedAnswers } from './submissions.js';

/** Where the conversation happens, and how to answer the person there. */
export interface Where {
  address: Address;
  say(message: OutMessage | string): Promise<void>;
}

export function privately(ctx: Context): Where {
  if (ctx.chat.kind === 'private') return { address: ctx.chat, say: (m) => ctx.reply(m) };
  return { address: addressOfActor(ctx.actor), say: (m) => ctx.replyPrivately(m) };
}

export function referentNetworks(ctx: Context): Membership[] {
  return ctx.actor.memberships.filter((m) => m.role === 'referente');
}

export function requireReferent(ctx: Context, networkId: number): Membership {
  const m = referentNetworks(ctx).find((x) => x.networkId === networkId);
  if (!m) throw new AppError('forbidden', t.notReferent);
  return m;
}

const title = (n: NetworkRef, period: string) => t.formTitle(n.code, period);

function subject(mode: CheckinSubject['mode'], round: Round, n: NetworkRef, extra: Partial<CheckinSubject> = {}): CheckinSubject {
  return { mode, roundId: round.id, networkId: round.networkId, code: n.code, name: n.name, period: round.period, ...extra };
}

/** Continues an existing conversation here: resumed in place, or moved from another chat (platform). */
async function continueHere(
  ctx: Context,
  conv: { id: number; platform: string; workspace: string; chatId: string; step: string; state: unknown },
  where: Where,
  say: string[],
): Promise<number> {
  const conversations = ctx.services.conversations;
  if (sameAddress(conv, where.address)) {
    await conversations.resume(ctx, conv.id, say);
    return conv.id;
  }
  await conversations.close(ctx.tx, conv.id, 'cancelled');
  const state = formStateSchema.parse(conv.state);
  return conversations.start(ctx, CHECKIN_FLOW, { personId: ctx.actor.personId, address: where.address, state, step: conv.step, say });
}

/** The check-in of one network for the round open now: start, resume, take over, or offer to edit. */
export async function beginCheckin(ctx: Context, networkId: number, where: Where, openCron?: string): Promise<void> {
  const { tx, now } = ctx;
  const me = ctx.actor.personId;
  const n = await tx.network.findUniqueOrThrow({ where: { id: networkId }, select: { code: true, name: true } });
  const round = await currentRound(tx, networkId, now, openCron);
  await tx.checkinPrompt.updateMany({ where: { personId: me, status: 'pending' }, data: { status: 'resolved', resolvedAt: now } });

  let current: Awaited<ReturnType<typeof ctx.services.conversations.find>>[number] | undefined;
  for (const conv of await ctx.services.conversations.find(tx, me, CHECKIN_FLOW)) {
    const s = subjectOf(conv.state);
    if (s?.networkId !== networkId) continue;
    if (s.roundId === round.id && !current) current = conv;
    else await ctx.services.conversations.close(tx, conv.id, 'cancelled'); // an earlier, closed round
  }
  const mode = current ? subjectOf(current.state)!.mode : undefined;

  const submission = await tx.checkinSubmission.findUnique({ where: { roundId: round.id } });
  if (submission) {
    if (current && mode === 'edit') return void (await continueHere(ctx, current, where, []));
    if (current) await ctx.services.conversations.close(tx, current.id, 'cancelled');
    const who = submission.personId === me ? null : await personName(tx, submission.personId);
    return where.say(editOffer(t.alreadySubmitted(who, submission.submittedAt, n, round.period, round.closesAt), round.id));
  }
  if (current && mode === 'edit') await ctx.services.conversations.close(tx, current.id, 'cancelled');

  const holder = await holderOf(tx, round, me, now);
  if (holder.state === 'busy') return where.say(t.busy(await personName(tx, holder.personId), n, holder.lastActivityAt, holder.takeoverAt));
  if (current && mode === 'new' && holder.state !== 'abandoned') {
    const id = await continueHere(ctx, current, where, [t.resumed(n)]);
    return claimRound(tx, round, me, id, now);
  }

  const fields = await fieldsFor(tx, networkId);
  if (fields.length === 0) return where.say(t.noQuestions);
  let state: FormState = newForm(title(n, round.period), fields, subject('new', round, n));
  let step = 'ask';
  let say = [t.intro(n, round.period, fields.length)];
  if (holder.state === 'abandoned' && holder.conversationId) {
    const previous = await tx.conversation.findUniqueOrThrow({ where: { id: holder.conversationId } });
    const before = formStateSchema.parse(previous.state);
    state = { ...before, subject: subject('new', round, n), fromSummary: false, draft: undefined };
    step = previous.step === 'ask' ? 'ask' : 'summary';
    await ctx.services.conversations.close(tx, previous.id, 'cancelled');
    const given = Object.keys(before.answers).length;
    say = [t.takeover(await personName(tx, holder.personId), given, before.fields.length)];
    const notice = t.takenOver(ctx.actor.name, n, round.period);
    await enqueue(tx, {
      delivery: { op: 'send', to: { platform: previous.platform, workspace: previous.workspace, chatId: previous.chatId }, message: { text: notice } },
      dedupeKey: `checkin-takeover:${previous.id}`,
    });
  }
  if (current) await ctx.services.conversations.close(tx, current.id, 'cancelled');
  const id = await ctx.services.conversations.start(ctx, CHECKIN_FLOW, { personId: me, address: where.address, state, step, say });
  await claimRound(tx, round, me, id, now);
}

/** «Modifica le risposte»: the confirmed answers in a summary, to change one by number. */
export async function beginEdit(ctx: Context, roundId: number, where: Where, openCron?: string): Promise<void> {
  const round = await lockRound(ctx.tx, roundId);
  if (!round || !isOpen(round, ctx.now)) return where.say(t.buttonClosed);
  requireReferent(ctx, round.networkId);
  const submission = await ctx.tx.checkinSubmission.findUnique({ where: { roundId } });
  if (!submission) return beginCheckin(ctx, round.networkId, where, openCron);
  const n = await ctx.tx.network.findUniqueOrThrow({ where: { id: round.networkId }, select: { code: true, name: true } });
  for (const conv of await ctx.services.conversations.find(ctx.tx, ctx.actor.personId, CHECKIN_FLOW)) {
    const s = subjectOf(conv.state);
    if (s?.roundId !== roundId) continue;
    if (s.mode === 'edit') return void (await continueHere(ctx, conv, where, []));
    await ctx.services.conversations.close(ctx.tx, conv.id, 'cancelled');
  }
  const fields = formStateSchema.shape.fields.parse(submission.fields);
  const answers = await storedAnswers(ctx.tx, submission.id);
  const state = newForm(title(n, round.period), fields, subject('edit', round, n, { submissionId: submission.id, version: submission.version }), answers);
  await ctx.services.conversations.start(ctx, CHECKIN_FLOW, { personId: ctx.actor.personId, address: where.address, state, step: 'summary' });
}

/** A round from a button value "r<roundId>", if it is still open. */
export async function roundFromButton(ctx: Context, value: string): Promise<Round | null> {
  const id = /^r(\d+)$/.exec(value)?.[1];
  const round = id ? await ctx.tx.checkinRound.findUnique({ where: { id: Number(id) } }) : null;
  return round && isOpen(round, ctx.now) ? round : null;
}
