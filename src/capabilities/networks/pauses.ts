// Pauses of a network's check-ins: periods (Europe/Rome days, both included) without rounds,
// prompts or reminders, shown «in pausa» in the digests. Set in chat (/rete pausa), or in the
// configuration (pause:, replaced on each import); /rete riprendi ends the one in progress (kept for
// the digests of the weeks already paused) and cancels those still to come.
import { Prisma, type Tx } from '../../db/client.js';
import type { Period } from './period-input.js';

export interface Pause extends Period {
  id: number;
  source: string;
}

/** SQL: the network `column` is paused on `day` ("2027-08-01"). */
export function pausedOn(column: Prisma.Sql, day: string): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM network_pause p WHERE p.network_id = ${column} AND p.starts_on <= ${day} AND p.ends_on >= ${day})`;
}

/** The pause covering `day`, or null. */
export async function pauseOn(tx: Tx, networkId: number, day: string): Promise<Pause | null> {
  const p = await tx.networkPause.findFirst({ where: { networkId, startsOn: { lte: day }, endsOn: { gte: day } }, orderBy: { startsOn: 'asc' } });
  return p && { id: p.id, from: p.startsOn, to: p.endsOn, source: p.source };
}

/** The pause in progress on `today`, else the next one, or null. */
export async function currentOrNextPause(tx: Tx, networkId: number, today: string): Promise<Pause | null> {
  const p = await tx.networkPause.findFirst({ where: { networkId, endsOn: { gte: today } }, orderBy: { startsOn: 'asc' } });
  return p && { id: p.id, from: p.startsOn, to: p.endsOn, source: p.source };
}

export type PauseResult = { ok: true } | { ok: false; overlaps: Period };

/** Pauses a network for a period (already checked: see parsePeriod); refused when it overlaps another. */
export async function pauseNetwork(tx: Tx, networkId: number, period: Period, personId: number | null): Promise<PauseResult> {
  await tx.$queryRaw`SELECT id FROM network WHERE id = ${networkId} FOR UPDATE`;
  const other = await tx.networkPause.findFirst({ where: { networkId, startsOn: { lte: period.to }, endsOn: { gte: period.from } } });
  if (other) return { ok: false, overlaps: { from: other.startsOn, to: other.endsOn } };
  await tx.networkPause.create({ data: { networkId, startsOn: period.from, endsOn: period.to, source: 'chat', createdBy: personId } });
  return { ok: true };
}

/**
 * Ends the pause in progress (it then ends yesterday, so the weeks it covered stay «in pausa») and
 * cancels the pauses still to come. Returns the first one changed, or null when there was none.
 */
export async function resumeNetwork(tx: Tx, networkId: number, today: string, yesterday: string): Promise<Period | null> {
  const pauses = await tx.networkPause.findMany({ where: { networkId, endsOn: { gte: today } }, orderBy: { startsOn: 'asc' } });
  if (pauses.length === 0) return null;
  for (const p of pauses) {
    if (p.startsOn < today) await tx.networkPause.update({ where: { id: p.id }, data: { endsOn: yesterday } });
    else await tx.networkPause.delete({ where: { id: p.id } });
  }
  return { from: pauses[0]!.startsOn, to: pauses[0]!.endsOn };
}

/** The configuration's pauses of a network, replacing those it set before (chat pauses stay). */
export async function replaceConfigPauses(tx: Tx, networkId: number, periods: Period[]): Promise<boolean> {
  const before = await tx.networkPause.findMany({ where: { networkId, source: 'config' }, orderBy: { startsOn: 'asc' } });
  const same = before.length === periods.length && before.every((p, i) => p.startsOn === periods[i]!.from && p.endsOn === periods[i]!.to);
  if (same) return false;
  await tx.networkPause.deleteMany({ where: { networkId, source: 'config' } });
  if (periods.length) await tx.networkPause.createMany({ data: periods.map((p) => ({ networkId, startsOn: p.from, endsOn: p.to, source: 'config' })) });
  return true;
}
