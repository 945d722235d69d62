// The check-in conversation: a guided form over the indicator fields snapshotted when it started.
// Its guard runs before every input (round closed, another referent confirmed or took over, a
// concurrent edit); confirming stores the typed answers in the same transaction as the last step.
import { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { formatNumber, formFlow, type FormState } from '../../conversation/form.js';
import { PLAUSIBLE_FACTOR, PLAUSIBLE_FLOOR } from './indicators.js';
import { itCheckins as t } from './texts.js';
import { announceDone } from './notices.js';
import { isOpen, lockRound, touchRound } from './rounds.js';
import { editSubmission, storeSubmission, storedAnswers } from './submissions.js';

export const CHECKIN_FLOW = 'checkin';

export const subjectSchema = z.object({
  /** new: answering the round; edit: changing a confirmed submission. */
  mode: z.enum(['new', 'edit']),
  roundId: z.number().int(),
  networkId: z.number().int(),
  code: z.string(),
  name: z.string(),
  period: z.string(),
  submissionId: z.number().int().optional(),
  /** edit: the submission version the edit started from. */
  version: z.number().int().optional(),
  /** The written answers may appear in the network's digest (asked in the summary; default no). */
  shareText: z.boolean().optional(),
});
export type CheckinSubject = z.infer<typeof subjectSchema>;

export function subjectOf(state: unknown): CheckinSubject | null {
  const parsed = subjectSchema.safeParse((state as FormState | null)?.subject);
  return parsed.success ? parsed.data : null;
}

export async function personName(tx: Tx, personId: number | null | undefined): Promise<string> {
  if (!personId) return t.someone;
  return (await tx.person.findUnique({ where: { id: personId }, select: { name: true } }))?.name ?? t.someone;
}

export const checkinFlow = formFlow({
  id: CHECKIN_FLOW,
  version: 1,
  resumeCommand: '/checkin',

  async guard(ctx, conv) {
    const s = subjectOf(conv.state)!;
    const round = await lockRound(ctx.tx, s.roundId);
    if (!round || !isOpen(round, ctx.now)) return { to: 'done', say: [t.roundClosed(s, s.period)] };
    const submission = await ctx.tx.checkinSubmission.findUnique({ where: { roundId: round.id } });
    if (s.mode === 'edit') {
      if (!submission || submission.version === s.version) return null;
      const answers = await storedAnswers(ctx.tx, submission.id, ctx.services.checkins.questionSources);
      return {
        to: 'step',
        step: 'summary',
        state: { ...conv.state, answers, fromSummary: false, draft: undefined, subject: { ...s, version: submission.version } },
        say: [t.editedMeanwhile(await personName(ctx.tx, submission.updatedBy))],
      };
    }
    if (submission) return { to: 'done', say: [t.lostRace(await personName(ctx.tx, submission.personId))] };
    if (round.answeringPersonId !== conv.personId) return { to: 'done', say: [t.takenOver(await personName(ctx.tx, round.answeringPersonId), s, s.period)] };
    await touchRound(ctx.tx, round.id, ctx.now);
    return null;
  },

  async confirm(ctx, state) {
    const s = subjectOf(state)!;
    const round = (await lockRound(ctx.tx, s.roundId))!;
    const author = {
      events: ctx.services.events,
      personId: ctx.actor.personId,
      platform: ctx.actor.account.platform,
      now: ctx.now,
      sources: ctx.services.checkins.questionSources,
    };
    if (s.mode === 'edit') {
      const changed = await editSubmission(ctx.tx, s.submissionId!, state, author);
      return [changed.length ? t.edited(changed.length, round.closesAt) : t.noChanges];
    }
    const stored = await storeSubmission(ctx.tx, round, state, author);
    if (!stored) {
      const existing = await ctx.tx.checkinSubmission.findUnique({ where: { roundId: round.id } });
      return [t.lostRace(await personName(ctx.tx, existing?.personId))];
    }
    await announceDone(ctx.tx, round, { code: s.code, name: s.name }, ctx.actor.personId, ctx.actor.name, ctx.now, ctx.services.platforms.connected());
    return [t.thanks(ctx.actor.name, s, s.period, round.closesAt)];
  },

  /** A number far above what the network has ever answered is asked again before it is kept. */
  async check(ctx, field, answer, state) {
    if (!('number' in answer) || (field.type !== 'integer' && field.type !== 'decimal') || answer.number < PLAUSIBLE_FLOOR) return null;
    const s = subjectOf(state)!;
    const [row] = await ctx.tx.$queryRaw<{ highest: number | null }[]>`
      SELECT max(number_value)::float8 AS highest FROM checkin_answer
      WHERE network_id = ${s.networkId} AND indicator_code = ${field.key} AND period <> ${s.period} AND number_value IS NOT NULL`;
    const highest = row?.highest;
    if (highest === null || highest === undefined || answer.number <= PLAUSIBLE_FACTOR * Math.max(highest, 1)) return null;
    return { confirm: t.plausible(formatNumber(answer.number), s.code, formatNumber(highest)) };
  },
  summaryOption: {
    key: 'shareText',
    applies: (state) => state.fields.some((f) => f.type === 'text'),
    text: (on) => (on ? t.share.on : t.share.off),
    label: (on) => (on ? t.share.stopButton : t.share.shareButton),
    words: { on: ['condividi'], off: ['non condividere'] },
  },

  summaryIntro(state) {
    const s = subjectOf(state)!;
    return s.mode === 'edit' ? t.editIntro(s, s.period) : '';
  },
});
