// Rounds: one network × one ISO week. Opened by the opening job (or on demand by /checkin when a
// network has none), closed when the next one opens. One referent answers for the network; another
// may take over when that referent paused («annulla») or has been silent for TAKEOVER_IDLE_MS.
import { Prisma, type Tx } from '../../db/client.js';
import { pausedOn } from '../networks/pauses.js';
import { closingTime, isoWeek } from './period.js';

/** Silence after which another referent may take over a check-in in progress. */
export const TAKEOVER_IDLE_MS = 3 * 60 * 60 * 1000;

export interface Round {
  id: number;
  networkId: number;
  period: string;
  status: string;
  openedAt: Date;
  closesAt: Date;
  answeringPersonId: number | null;
  answeringConversationId: number | null;
  lastActivityAt: Date | null;
  completedAt: Date | null;
}

export function isOpen(round: Pick<Round, 'status' | 'closesAt'>, now: Date): boolean {
  return round.status === 'open' && round.closesAt.getTime() > now.getTime();
}

/** Reads a round and locks it until the transaction ends: claims, takeovers and confirmations queue up. */
export async function lockRound(tx: Tx, roundId: number): Promise<Round | null> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM checkin_round WHERE id = ${roundId} FOR UPDATE`;
  if (rows.length === 0) return null;
  return tx.checkinRound.findUnique({ where: { id: roundId } });
}

/**
 * The round a network answers now: the latest one still open (last week's stays open until the next
 * opening), else this week's, opened on demand. Locked for the transaction.
 */
export async function currentRound(tx: Tx, networkId: number, now: Date, openCron?: string): Promise<Round> {
  const open = await tx.checkinRound.findFirst({
    where: { networkId, status: 'open', closesAt: { gt: now } },
    orderBy: { period: 'desc' },
    select: { id: true },
  });
  if (open) return (await lockRound(tx, open.id))!;
  const period = isoWeek(now);
  await tx.checkinRound.createMany({
    data: [{ networkId, period, openedAt: now, closesAt: closingTime(period, openCron) }],
    skipDuplicates: true,
  });
  const row = await tx.checkinRound.findUniqueOrThrow({ where: { networkId_period: { networkId, period } }, select: { id: true } });
  return (await lockRound(tx, row.id))!;
}

/**
 * Opens `period` for every active network not paused on `day` (one statement; existing rounds are
 * left alone), its referents to be prompted at `promptDueAt` (see nextWorkingTime).
 */
export async function openRounds(tx: Tx, period: string, now: Date, closesAt: Date, promptDueAt: Date, day: string): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO checkin_round (network_id, period, status, opened_at, closes_at, reminders, prompt_due_at)
    SELECT n.id, ${period}, 'open', ${now}, ${closesAt}, 0, ${promptDueAt} FROM network n WHERE n.active AND NOT ${pausedOn(Prisma.sql`n.id`, day)}
    ON CONFLICT (network_id, period) DO NOTHING`;
}

/** Closes the rounds of earlier periods, and any whose closing time has passed. */
export async function closeRounds(tx: Tx, period: string, now: Date): Promise<number> {
  return tx.$executeRaw`
    UPDATE checkin_round SET status = 'closed', closed_at = ${now}
    WHERE status = 'open' AND (period < ${period} OR closes_at <= ${now})`;
}

export type Holder =
  | { state: 'none' }
  | { state: 'mine' }
  /** Another referent is answering and may not be displaced yet. */
  | { state: 'busy'; personId: number; lastActivityAt: Date; takeoverAt: Date }
  /** Another referent started but paused, stopped or went silent: the round may be taken over. */
  | { state: 'abandoned'; personId: number; conversationId: number | null };

/** Who holds the round, seen by `personId`. */
export async function holderOf(tx: Tx, round: Round, personId: number, now: Date): Promise<Holder> {
  const holder = round.answeringPersonId;
  if (holder === null) return { state: 'none' };
  if (holder === personId) return { state: 'mine' };
  const conv = round.answeringConversationId ? await tx.conversation.findUnique({ where: { id: round.answeringConversationId } }) : null;
  const last = round.lastActivityAt ?? round.openedAt;
  const takeoverAt = new Date(last.getTime() + TAKEOVER_IDLE_MS);
  if (conv?.status === 'active' && takeoverAt.getTime() > now.getTime()) return { state: 'busy', personId: holder, lastActivityAt: last, takeoverAt };
  return { state: 'abandoned', personId: holder, conversationId: conv && conv.status !== 'done' && conv.status !== 'cancelled' ? conv.id : null };
}

/** Makes `personId` the referent answering for the network. */
export async function claimRound(tx: Tx, round: Round, personId: number, conversationId: number, now: Date): Promise<void> {
  await tx.checkinRound.update({
    where: { id: round.id },
    data: {
      answeringPersonId: personId,
      answeringConversationId: conversationId,
      lastActivityAt: now,
      ...(round.answeringPersonId !== personId ? { answeringSince: now } : {}),
    },
  });
}

/** Records an answer given by the answering referent (their silence is what allows a takeover). */
export async function touchRound(tx: Tx, roundId: number, now: Date): Promise<void> {
  await tx.checkinRound.update({ where: { id: roundId }, data: { lastActivityAt: now } });
}

/** The networks, among these, whose round open now has been sent already. */
export async function completedNetworks(tx: Tx, now: Date, networkIds: number[]): Promise<Set<number>> {
  const done = await tx.checkinRound.findMany({
    where: { networkId: { in: networkIds }, status: 'open', closesAt: { gt: now }, completedAt: { not: null } },
    select: { networkId: true },
  });
  return new Set(done.map((r) => r.networkId));
}
