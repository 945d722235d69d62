// A week after an introduction, each person is asked once whether they met (Sì / Non ancora /
// Non interessa). Claiming an introduction is a conditional update, so the question goes out
// once even with two replicas; an answer is one row per person, so pressing twice counts once.
import type { Db, Tx } from '../../db/client.js';
import { itLegami } from './texts.js';
import { enqueue, type OutboxEntry } from '../../outbox/enqueue.js';
import { formatDate } from '../../time.js';
import { preferredAddress } from '../networks/private-addresses.js';

const t = itLegami.followUp;
const DAY = 24 * 60 * 60 * 1000;
/** Introductions older than this many days past the follow-up day are no longer asked about. */
const LATEST = 30;

export const ANSWERS = ['si', 'non_ancora', 'non_interessa'] as const;
export type FollowUpAnswer = (typeof ANSWERS)[number];
export const ANSWER_ACTION = 'legami.esito';

export async function sendFollowUps(db: Db, opts: { now: Date; afterDays: number }): Promise<{ asked: number; introductions: number }> {
  const due = new Date(opts.now.getTime() - opts.afterDays * DAY);
  const oldest = new Date(due.getTime() - LATEST * DAY);
  return db.$transaction(
    async (tx) => {
      const intros = await tx.introduction.findMany({
        where: { followUpSentAt: null, createdAt: { lte: due, gte: oldest } },
        orderBy: { id: 'asc' },
        include: {
          personA: { select: { name: true } },
          personB: { select: { name: true } },
          networkA: { select: { code: true } },
          networkB: { select: { code: true } },
        },
      });
      let asked = 0;
      let claimed = 0;
      for (const intro of intros) {
        const { count } = await tx.introduction.updateMany({ where: { id: intro.id, followUpSentAt: null }, data: { followUpSentAt: opts.now } });
        if (count === 0) continue;
        claimed++;
        const sides = [
          { personId: intro.personAId, other: intro.personB.name, code: intro.networkB.code },
          { personId: intro.personBId, other: intro.personA.name, code: intro.networkA.code },
        ];
        for (const side of sides) if (await ask(tx, intro.id, intro.createdAt, side, opts.now)) asked++;
      }
      return { asked, introductions: claimed };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

async function ask(tx: Tx, introductionId: number, introducedAt: Date, side: { personId: number; other: string; code: string }, now: Date): Promise<boolean> {
  if (await tx.legamiOptOut.count({ where: { personId: side.personId } })) return false;
  const to = await preferredAddress(tx, side.personId);
  if (!to) return false;
  await tx.introductionFollowUp.createMany({ data: [{ introductionId, personId: side.personId, askedAt: now }], skipDuplicates: true });
  const row = await tx.introductionFollowUp.findUniqueOrThrow({ where: { introductionId_personId: { introductionId, personId: side.personId } } });
  const labels: Record<FollowUpAnswer, string> = { si: t.yes, non_ancora: t.notYet, non_interessa: t.notInterested };
  const entry: OutboxEntry = {
    delivery: {
      op: 'send',
      to,
      message: {
        text: `${t.header} ${t.question(side.other, side.code, formatDate(introducedAt))}`,
        blocks: [
          { type: 'header', text: t.header },
          { type: 'text', text: t.question(side.other, side.code, formatDate(introducedAt)) },
          {
            type: 'buttons',
            buttons: ANSWERS.map((a) => ({
              label: labels[a],
              action: ANSWER_ACTION,
              value: `${row.id}:${a}`,
              ...(a === 'si' ? { style: 'primary' as const } : {}),
            })),
          },
        ],
      },
    },
    dedupeKey: `legami:followup:${introductionId}:${side.personId}`,
  };
  return (await enqueue(tx, entry)) > 0;
}

export type AnswerOutcome = { status: 'recorded' | 'same'; answer: FollowUpAnswer; question: string } | { status: 'not_yours' } | { status: 'gone' };

/** Stores a person's answer; the same answer again changes nothing. A changed answer replaces it. */
export async function answerFollowUp(tx: Tx, followUpId: number, personId: number, answer: FollowUpAnswer, now: Date): Promise<AnswerOutcome> {
  const row = await tx.introductionFollowUp.findUnique({
    where: { id: followUpId },
    include: {
      introduction: {
        include: {
          personA: { select: { name: true } },
          personB: { select: { name: true } },
          networkA: { select: { code: true } },
          networkB: { select: { code: true } },
        },
      },
    },
  });
  if (!row) return { status: 'gone' };
  if (row.personId !== personId) return { status: 'not_yours' };
  const i = row.introduction;
  const mine = i.personAId === personId;
  const question = t.question(mine ? i.personB.name : i.personA.name, mine ? i.networkB.code : i.networkA.code, formatDate(i.createdAt));
  const { count } = await tx.introductionFollowUp.updateMany({
    where: { id: followUpId, OR: [{ answer: null }, { answer: { not: answer } }] },
    data: { answer, answeredAt: now },
  });
  return { status: count ? 'recorded' : 'same', answer, question };
}

export interface FollowUpStats {
  introductions: number;
  si: number;
  nonAncora: number;
  nonInteressa: number;
  pending: number;
}

/** Introductions since a date and the answers to their follow-ups, counted in SQL. */
export async function followUpStats(tx: Tx, since: Date): Promise<FollowUpStats> {
  const [row] = await tx.$queryRaw<{ introductions: number; si: number; non_ancora: number; non_interessa: number; pending: number }[]>`
    SELECT
      (SELECT count(*)::int FROM legami_introduction WHERE created_at >= ${since}) AS introductions,
      count(*) FILTER (WHERE f.answer = 'si')::int AS si,
      count(*) FILTER (WHERE f.answer = 'non_ancora')::int AS non_ancora,
      count(*) FILTER (WHERE f.answer = 'non_interessa')::int AS non_interessa,
      count(*) FILTER (WHERE f.answer IS NULL)::int AS pending
    FROM legami_follow_up f JOIN legami_introduction i ON i.id = f.introduction_id
    WHERE i.created_at >= ${since}`;
  return { introductions: row!.introductions, si: row!.si, nonAncora: row!.non_ancora, nonInteressa: row!.non_interessa, pending: row!.pending };
}
