// Sign-up and withdrawal. Every change happens under the laboratorio's row lock, so sign-ups from
// Slack and Telegram (and from several replicas) count against the same seats, and two people
// pressing for the last seat at once get it one each in turn: the first confirmed, the second
// on the waiting list. A withdrawal promotes the first on the waiting list, who is told.
import type { Tx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { itLabs as t } from './texts.js';
import type { LabRecord, Participant } from './model.js';
import { tellPromoted } from './notices.js';
import { audienceOf, confirmedCount, lockLab, waitingRank } from './repository.js';

export type JoinOutcome = 'confirmed' | 'waiting' | 'already-confirmed' | 'already-waiting';

export interface JoinResult {
  outcome: JoinOutcome;
  lab: LabRecord;
  /** Place on the waiting list (1 = next). */
  position?: number;
}

export type LeaveOutcome = 'withdrawn' | 'left-waiting' | 'not-signed';

export interface LeaveResult {
  outcome: LeaveOutcome;
  lab: LabRecord;
  promoted: number[];
}

function ensureOpen(lab: LabRecord, now: Date): void {
  if (lab.status === 'cancelled') throw new AppError('conflict', t.refuse.cancelled(lab.title));
  if (lab.startsAt.getTime() <= now.getTime()) throw new AppError('conflict', t.refuse.started(lab.title));
}

/** A laboratorio for other networks is refused without saying anything about it (not even its title). */
export async function ensureAudience(tx: Tx, lab: LabRecord, who: Participant): Promise<void> {
  if (lab.allNetworks || who.coordinator) return;
  const { ids } = await audienceOf(tx, lab.id);
  if (!ids.some((id) => who.networkIds.includes(id))) throw new AppError('forbidden', t.refuse.notForYou(lab.id));
}

async function nextPosition(tx: Tx, labId: number): Promise<number> {
  const max = await tx.labSignup.aggregate({ where: { labId }, _max: { position: true } });
  return (max._max.position ?? 0) + 1;
}

export async function join(tx: Tx, now: Date, labId: number, who: Participant): Promise<JoinResult> {
  const lab = await lockLab(tx, labId);
  ensureOpen(lab, now);
  await ensureAudience(tx, lab, who);
  const existing = await tx.labSignup.findUnique({ where: { labId_personId: { labId, personId: who.personId } } });
  if (existing?.status === 'confirmed') return { outcome: 'already-confirmed', lab };
  if (existing?.status === 'waiting') return { outcome: 'already-waiting', lab, position: await waitingRank(tx, labId, existing.position) };
  const confirmed = await confirmedCount(tx, labId);
  const full = lab.capacity !== null && confirmed >= lab.capacity;
  const status = full ? 'waiting' : 'confirmed';
  const position = await nextPosition(tx, labId);
  const data = { status, position, platform: who.platform, confirmedAt: full ? null : now, withdrawnAt: null };
  await tx.labSignup.upsert({
    where: { labId_personId: { labId, personId: who.personId } },
    create: { labId, personId: who.personId, ...data },
    update: data,
  });
  return full ? { outcome: 'waiting', lab, position: await waitingRank(tx, labId, position) } : { outcome: 'confirmed', lab };
}

/** Gives free seats to the first on the waiting list, in order, and tells them. Needs the lab lock. */
export async function promote(tx: Tx, now: Date, lab: LabRecord): Promise<number[]> {
  if (lab.status === 'cancelled' || lab.startsAt.getTime() <= now.getTime()) return [];
  const confirmed = await confirmedCount(tx, lab.id);
  const free = lab.capacity === null ? undefined : lab.capacity - confirmed;
  if (free !== undefined && free <= 0) return [];
  const next = await tx.labSignup.findMany({
    where: { labId: lab.id, status: 'waiting' },
    orderBy: { position: 'asc' },
    ...(free !== undefined ? { take: free } : {}),
  });
  for (const s of next) {
    await tx.labSignup.update({ where: { id: s.id }, data: { status: 'confirmed', confirmedAt: now } });
    await tellPromoted(tx, lab, s, now);
  }
  return next.map((s) => s.personId);
}

export async function leave(tx: Tx, now: Date, labId: number, who: Participant): Promise<LeaveResult> {
  const lab = await lockLab(tx, labId);
  const existing = await tx.labSignup.findUnique({ where: { labId_personId: { labId, personId: who.personId } } });
  // Someone signed up may always withdraw; anyone else learns nothing about a laboratorio not for them.
  if (!existing) await ensureAudience(tx, lab, who);
  if (!existing || existing.status === 'withdrawn') return { outcome: 'not-signed', lab, promoted: [] };
  ensureOpen(lab, now);
  await tx.labSignup.update({ where: { id: existing.id }, data: { status: 'withdrawn', withdrawnAt: now } });
  if (existing.status === 'waiting') return { outcome: 'left-waiting', lab, promoted: [] };
  return { outcome: 'withdrawn', lab, promoted: await promote(tx, now, lab) };
}
