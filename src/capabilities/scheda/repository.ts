// Reading a scheda: the network's objective of change, strategies, specific objectives (with the
// last status answered in a check-in), roles and flows, in a few queries.
import { DateTime } from 'luxon';
import type { Tx } from '../../db/client.js';
import { installDefaultIndicators } from '../checkins/defaults.js';
import { ZONE } from '../../time.js';
import type { Frequency, SchedaView } from './model.js';

/** Today in Europe/Rome as a calendar day (what due dates are compared with). */
export function today(now: Date): Date {
  return DateTime.fromJSDate(now, { zone: ZONE }).startOf('day').setZone('UTC', { keepLocalTime: true }).toJSDate();
}

/** A calendar day (stored as a date) from "2027-06-30". */
export function dayOf(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

/** "2027-06-30" of a stored calendar day. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export async function loadScheda(tx: Tx, networkId: number): Promise<SchedaView> {
  const network = await tx.network.findUniqueOrThrow({ where: { id: networkId }, select: { code: true, name: true } });
  const head = await tx.scheda.findUnique({ where: { networkId } });
  const strategies = await tx.schedaStrategy.findMany({ where: { networkId }, orderBy: { number: 'asc' }, select: { id: true, number: true, title: true } });
  const number = new Map(strategies.map((s) => [s.id, s.number]));
  const objectives = await tx.schedaObjective.findMany({ where: { networkId }, orderBy: { number: 'asc' } });
  const last = objectives.length
    ? await tx.$queryRaw<{ objective_id: number; status: string; period: string; note: string }[]>`
        SELECT DISTINCT ON (objective_id) objective_id, status, period, note
        FROM objective_progress WHERE network_id = ${networkId}
        ORDER BY objective_id, period DESC`
    : [];
  const lastBy = new Map(last.map((l) => [l.objective_id, l]));
  const roles = await tx.schedaRole.findMany({ where: { networkId }, orderBy: { number: 'asc' } });
  const roleNumber = new Map(roles.map((r) => [r.id, r.number]));
  const flows = await tx.schedaFlow.findMany({ where: { networkId }, orderBy: { number: 'asc' } });
  const updatedBy = head?.updatedBy ? ((await tx.person.findUnique({ where: { id: head.updatedBy }, select: { name: true } }))?.name ?? null) : null;
  return {
    networkId,
    code: network.code,
    name: network.name,
    objective: head?.objective ?? '',
    needs: head?.needs ?? '',
    frequency: (head?.frequency ?? 'settimanale') as Frequency,
    version: head?.version ?? 0,
    updatedAt: head?.updatedAt ?? null,
    updatedBy,
    strategies,
    objectives: objectives.map((o) => {
      const l = lastBy.get(o.id);
      return {
        id: o.id,
        number: o.number,
        strategyId: o.strategyId,
        strategyNumber: number.get(o.strategyId) ?? 0,
        what: o.what,
        target: o.target,
        unit: o.unit,
        dueOn: o.dueOn,
        indicatorCode: o.indicatorCode,
        reachedAt: o.reachedAt,
        last: l ? { status: l.status, period: l.period, note: l.note } : null,
      };
    }),
    roles: roles.map((r) => ({
      id: r.id,
      number: r.number,
      who: r.who,
      strategyId: r.strategyId,
      strategyNumber: r.strategyId ? (number.get(r.strategyId) ?? null) : null,
      doing: r.doing,
    })),
    flows: flows.map((f) => ({
      id: f.id,
      number: f.number,
      fromRoleId: f.fromRoleId,
      toRoleId: f.toRoleId,
      fromNumber: roleNumber.get(f.fromRoleId) ?? 0,
      toNumber: roleNumber.get(f.toRoleId) ?? 0,
      how: f.how,
      often: f.often,
    })),
  };
}

/** The check-in indicators a specific objective may move (those answered with a number). */
export async function numericIndicators(tx: Tx): Promise<{ code: string; label: string }[]> {
  // A database that never went through the service's start-up (tests, a bare CLI): install now.
  if ((await tx.indicator.count()) === 0) await installDefaultIndicators(tx);
  const rows = await tx.indicator.findMany({
    where: { active: true, type: { in: ['integer', 'decimal', 'scale'] } },
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    select: { code: true },
  });
  return rows.map((r) => ({ code: r.code, label: r.code }));
}
