// Starting, resuming, taking over and editing a check-in (/checkin, the prompt's «Inizia» button,
// the «Modifica le risposte» button), from plain inputs: who begins, where their private chat is,
// which network or round. The conversation lives in the referent's private chat and asks the
// questions itself; what else there is to say comes back as an outcome for the chat to render.
import type { FlowEnv } from '../../conversation/engine.js';
import type { Tx } from '../../db/client.js';
import { formStateSchema, newForm, type FormState } from '../../conversation/form.js';
import { AppError } from '../../errors.js';
import { itCheckins as t, type NetworkRef } from './texts.js';
import { enqueue } from '../../outbox/enqueue.js';
import { sameAddress, type Address } from '../../platform/port.js';
import { CHECKIN_FLOW, personName, subjectOf, type CheckinSubject } from './flow.js';
import { fieldsFor } from './indicators.js';
import { claimRound, currentRound, holderOf, isOpen, lockRound, type Round } from './rounds.js';
import { storedAnswers } from './submissions.js';

/** Who begins a check-in, and where: their private chat with the bot. */
export interface Starter {
  personId: number;
  /** Told to the referent whose check-in is taken over. */
  name: string;
  /** The networks the person is referent of. */
  referentOf: number[];
  address: Address;
}

/** What came of beginning: the conversation asks by itself; anything else is for the chat to say. */
export type BeginOutcome =
  /** A conversation started, resumed or taken over: it is asking the questions. */
  | { status: 'asking' }
  /** The round's check-in was already sent (by `by`, null: by the person): it can be edited. */
  | { status: 'submitted'; roundId: number; network: NetworkRef; period: string; closesAt: Date; submittedAt: Date; by: string | null }
  /** Another referent is answering and may not be displaced yet. */
  | { status: 'busy'; network: NetworkRef; by: string; lastActivityAt: Date; takeoverAt: Date }
  /** Every indicator of the network is retired. */
  | { status: 'no-questions' }
  /** The round is closed. */
  | { status: 'closed' };

export function requireReferent(referentOf: readonly number[], networkId: number): void {
  if (!referentOf.includes(networkId)) throw new AppError('forbidden', t.notReferent);
}

const title = (n: NetworkRef, period: string) => t.formTitle(n.code, period);

function subject(mode: CheckinSubject['mode'], round: Round, n: NetworkRef, extra: Partial<CheckinSubject> = {}): CheckinSubject {
  return { mode, roundId: round.id, networkId: round.networkId, code: n.code, name: n.name, period: round.period, ...extra };
}

/** Continues an existing conversation here: resumed in place, or moved from another chat (platform). */
async function continueHere(
  env: FlowEnv,
  conv: { id: number; platform: string; workspace: string; chatId: string; step: string; state: unknown },
  who: Starter,
  say: string[],
): Promise<number> {
  const conversations = env.services.conversations;
  if (sameAddress(conv, who.address)) {
    await conversations.resume(env, conv.id, say);
    return conv.id;
  }
  await conversations.close(env.tx, conv.id, 'cancelled');
  const state = formStateSchema.parse(conv.state);
  return conversations.start(env, CHECKIN_FLOW, { personId: who.personId, address: who.address, state, step: conv.step, say });
}

/** The check-in of one network for the round open now: start, resume, take over, or offer to edit. */
export async function beginCheckin(env: FlowEnv, who: Starter, networkId: number, openCron?: string): Promise<BeginOutcome> {
  const { tx, now } = env;
  const conversations = env.services.conversations;
  const me = who.personId;
  const n = await tx.network.findUniqueOrThrow({ where: { id: networkId }, select: { code: true, name: true } });
  const round = await currentRound(tx, networkId, now, openCron);
  await tx.checkinPrompt.updateMany({ where: { personId: me, status: 'pending' }, data: { status: 'resolved', resolvedAt: now } });

  let current: Awaited<ReturnType<typeof conversations.find>>[number] | undefined;
  for (const conv of await conversations.find(tx, me, CHECKIN_FLOW)) {
    const s = subjectOf(conv.state);
    if (s?.networkId !== networkId) continue;
    if (s.roundId === round.id && !current) current = conv;
    else await conversations.close(tx, conv.id, 'cancelled'); // an earlier, closed round
  }
  const mode = current ? subjectOf(current.state)!.mode : undefined;

  const submission = await tx.checkinSubmission.findUnique({ where: { roundId: round.id } });
  if (submission) {
    if (current && mode === 'edit') {
      await continueHere(env, current, who, []);
      return { status: 'asking' };
    }
    if (current) await conversations.close(tx, current.id, 'cancelled');
    const by = submission.personId === me ? null : await personName(tx, submission.personId);
    return { status: 'submitted', roundId: round.id, network: n, period: round.period, closesAt: round.closesAt, submittedAt: submission.submittedAt, by };
  }
  if (current && mode === 'edit') await conversations.close(tx, current.id, 'cancelled');

  const holder = await holderOf(tx, round, me, now);
  if (holder.state === 'busy') {
    return { status: 'busy', network: n, by: await personName(tx, holder.personId), lastActivityAt: holder.lastActivityAt, takeoverAt: holder.takeoverAt };
  }
  if (current && mode === 'new' && holder.state !== 'abandoned') {
    const id = await continueHere(env, current, who, [t.resumed(n)]);
    await claimRound(tx, round, me, id, now);
    return { status: 'asking' };
  }

  const fields = [...(await fieldsFor(tx, networkId))];
  for (const source of env.services.checkins.questionSources) fields.push(...(await source.questions(tx, { networkId, period: round.period, now })));
  if (fields.length === 0) return { status: 'no-questions' };
  let state: FormState = newForm(title(n, round.period), fields, subject('new', round, n));
  let step = 'ask';
  let say = [t.intro(n, round.period, fields.length)];
  if (holder.state === 'abandoned' && holder.conversationId) {
    const previous = await tx.conversation.findUniqueOrThrow({ where: { id: holder.conversationId } });
    const before = formStateSchema.parse(previous.state);
    state = { ...before, subject: subject('new', round, n), fromSummary: false, draft: undefined };
    step = previous.step === 'ask' ? 'ask' : 'summary';
    await conversations.close(tx, previous.id, 'cancelled');
    const given = Object.keys(before.answers).length;
    say = [t.takeover(await personName(tx, holder.personId), given, before.fields.length)];
    const notice = t.takenOver(who.name, n, round.period);
    await enqueue(tx, {
      delivery: { op: 'send', to: { platform: previous.platform, workspace: previous.workspace, chatId: previous.chatId }, message: { text: notice } },
      dedupeKey: `checkin-takeover:${previous.id}`,
    });
  }
  if (current) await conversations.close(tx, current.id, 'cancelled');
  const id = await conversations.start(env, CHECKIN_FLOW, { personId: me, address: who.address, state, step, say });
  await claimRound(tx, round, me, id, now);
  return { status: 'asking' };
}

/** «Modifica le risposte»: the confirmed answers in a summary, to change one by number. */
export async function beginEdit(env: FlowEnv, who: Starter, roundId: number, openCron?: string): Promise<BeginOutcome> {
  const { tx, now } = env;
  const conversations = env.services.conversations;
  const round = await lockRound(tx, roundId);
  if (!round || !isOpen(round, now)) return { status: 'closed' };
  requireReferent(who.referentOf, round.networkId);
  const submission = await tx.checkinSubmission.findUnique({ where: { roundId } });
  if (!submission) return beginCheckin(env, who, round.networkId, openCron);
  const n = await tx.network.findUniqueOrThrow({ where: { id: round.networkId }, select: { code: true, name: true } });
  for (const conv of await conversations.find(tx, who.personId, CHECKIN_FLOW)) {
    const s = subjectOf(conv.state);
    if (s?.roundId !== roundId) continue;
    if (s.mode === 'edit') {
      await continueHere(env, conv, who, []);
      return { status: 'asking' };
    }
    await conversations.close(tx, conv.id, 'cancelled');
  }
  const fields = formStateSchema.shape.fields.parse(submission.fields);
  const answers = await storedAnswers(tx, submission.id, env.services.checkins.questionSources);
  const state = newForm(
    title(n, round.period),
    fields,
    subject('edit', round, n, { submissionId: submission.id, version: submission.version, shareText: submission.shareText }),
    answers,
  );
  await conversations.start(env, CHECKIN_FLOW, { personId: who.personId, address: who.address, state, step: 'summary' });
  return { status: 'asking' };
}

/** The round of a button value "r<roundId>", if it is still open. */
export async function openRoundFromButton(tx: Tx, now: Date, value: string): Promise<Round | null> {
  const id = /^r(\d+)$/.exec(value)?.[1];
  const round = id ? await tx.checkinRound.findUnique({ where: { id: Number(id) } }) : null;
  return round && isOpen(round, now) ? round : null;
}
