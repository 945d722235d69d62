// Deputies: a referent names someone to answer the check-in in their place for a period (both days
// included, Europe/Rome). Meanwhile the deputy is prompted and reminded instead of the referent and
// may answer for the referent's networks; the referent keeps the right to answer too.
import type { Tx } from '../../db/client.js';
import type { Membership } from '../../bus/types.js';
import type { Period } from '../networks/period-input.js';

export interface Deputy extends Period {
  personId: number;
  deputyPersonId: number;
  deputyName: string;
}

/** The referent's deputy, active today or still to come; null when there is none. */
export async function deputyOf(tx: Tx, personId: number, today: string): Promise<Deputy | null> {
  const d = await tx.checkinDeputy.findUnique({ where: { personId } });
  if (!d || d.endsOn < today) return null;
  const person = await tx.person.findUnique({ where: { id: d.deputyPersonId }, select: { name: true } });
  if (!person) return null;
  return { personId, deputyPersonId: d.deputyPersonId, deputyName: person.name, from: d.startsOn, to: d.endsOn };
}

/** Names (or replaces) the referent's deputy. */
export async function setDeputy(tx: Tx, personId: number, deputyPersonId: number, period: Period): Promise<void> {
  const data = { deputyPersonId, startsOn: period.from, endsOn: period.to };
  await tx.checkinDeputy.upsert({ where: { personId }, create: { personId, ...data }, update: data });
}

/** Removes the referent's deputy; false when there was none. */
export async function removeDeputy(tx: Tx, personId: number): Promise<boolean> {
  const { count } = await tx.checkinDeputy.deleteMany({ where: { personId } });
  return count > 0;
}

/** Deputies active on `day` of these referents: referent id → deputy. */
export async function activeDeputies(tx: Tx, personIds: number[], day: string): Promise<Map<number, { deputyPersonId: number; name: string; to: string }>> {
  if (personIds.length === 0) return new Map();
  const rows = await tx.checkinDeputy.findMany({ where: { personId: { in: personIds }, startsOn: { lte: day }, endsOn: { gte: day } } });
  if (rows.length === 0) return new Map();
  const people = await tx.person.findMany({ where: { id: { in: rows.map((r) => r.deputyPersonId) } }, select: { id: true, name: true } });
  const names = new Map(people.map((p) => [p.id, p.name]));
  return new Map(
    rows
      .filter((r) => names.has(r.deputyPersonId))
      .map((r) => [r.personId, { deputyPersonId: r.deputyPersonId, name: names.get(r.deputyPersonId)!, to: r.endsOn }]),
  );
}

/** The networks a person answers for as a deputy on `day` (those of the referents who named them). */
export async function networksAsDeputy(tx: Tx, deputyPersonId: number, day: string): Promise<Membership[]> {
  const rows = await tx.checkinDeputy.findMany({ where: { deputyPersonId, startsOn: { lte: day }, endsOn: { gte: day } }, select: { personId: true } });
  if (rows.length === 0) return [];
  const memberships = await tx.membership.findMany({
    where: { personId: { in: rows.map((r) => r.personId) }, role: 'referente', network: { active: true } },
    select: { networkId: true, network: { select: { code: true, name: true } } },
    orderBy: { networkId: 'asc' },
  });
  const seen = new Set<number>();
  const out: Membership[] = [];
  for (const m of memberships) {
    if (seen.has(m.networkId)) continue;
    seen.add(m.networkId);
    out.push({ networkId: m.networkId, code: m.network.code, name: m.network.name, role: 'referente' });
  }
  return out;
}
