// What the scheda contributes to the digests. A network: how complete its scheda is, where each of
// its objectives stands this week, and those past due and not reached. Coordinators: objectives
// past due and not reached, and the schede still incomplete.
import type { Tx } from '../../db/client.js';
import { packLines, section } from '../../reports/blocks.js';
import { defineDigestSection } from '../../reports/digest-section.js';
import { completenessOf, labelOf, PROGRESS, type Step } from './model.js';
import { loadScheda, today } from './repository.js';
import { itSchedaReports as t } from './report-texts.js';

export const MAX_LISTED = 15;

export interface NetworkScheda {
  done: number;
  missing: Step[];
  objectives: { number: number; what: string; status: string | null; reached: boolean }[];
  pastDue: { number: number; what: string; dueOn: Date }[];
}

export async function networkScheda(tx: Tx, networkId: number, week: string, now: Date): Promise<NetworkScheda> {
  const s = await loadScheda(tx, networkId);
  const c = completenessOf(s);
  const thisWeek = await tx.objectiveProgress.findMany({ where: { networkId, period: week } });
  const status = new Map(thisWeek.map((p) => [p.objectiveId, p.status]));
  const day = today(now);
  return {
    done: c.done.length,
    missing: c.missing,
    objectives: s.objectives
      .filter((o) => !(o.dueOn < day && !o.reachedAt))
      .map((o) => ({ number: o.number, what: o.what, status: status.get(o.id) ?? null, reached: Boolean(o.reachedAt) })),
    pastDue: s.objectives.filter((o) => o.dueOn < day && !o.reachedAt).map((o) => ({ number: o.number, what: o.what, dueOn: o.dueOn })),
  };
}

export interface CoordinatorsScheda {
  pastDue: { code: string; number: number; what: string; dueOn: Date }[];
  pastDueTotal: number;
  incomplete: string[];
  incompleteTotal: number;
  networks: number;
}

export async function coordinatorsScheda(tx: Tx, now: Date): Promise<CoordinatorsScheda> {
  const day = today(now);
  const pastDue = await tx.$queryRaw<{ code: string; number: number; what: string; due_on: Date; total: number }[]>`
    SELECT n.code, o.number, o.what, o.due_on, count(*) OVER ()::int AS total
    FROM scheda_objective o JOIN network n ON n.id = o.network_id
    WHERE o.reached_at IS NULL AND o.due_on < ${day}::date AND n.active
    ORDER BY o.due_on, n.code, o.number LIMIT ${MAX_LISTED}`;
  const incomplete = await tx.$queryRaw<{ code: string; total: number; networks: number }[]>`
    WITH c AS (
      SELECT n.id, n.code,
        coalesce(s.objective <> '' AND s.needs <> '', false)
          AND EXISTS (SELECT 1 FROM scheda_objective o WHERE o.network_id = n.id)
          AND EXISTS (SELECT 1 FROM scheda_role r WHERE r.network_id = n.id)
          AND EXISTS (SELECT 1 FROM scheda_flow f WHERE f.network_id = n.id) AS complete
      FROM network n LEFT JOIN scheda s ON s.network_id = n.id WHERE n.active
    )
    SELECT code, count(*) OVER ()::int AS total, (SELECT count(*) FROM c)::int AS networks FROM c WHERE NOT complete ORDER BY code LIMIT ${MAX_LISTED * 2}`;
  const networks = incomplete[0]?.networks ?? (await tx.network.count({ where: { active: true } }));
  return {
    pastDue: pastDue.map((r) => ({ code: r.code, number: r.number, what: r.what, dueOn: r.due_on })),
    pastDueTotal: pastDue[0]?.total ?? 0,
    incomplete: incomplete.map((r) => r.code),
    incompleteTotal: incomplete[0]?.total ?? 0,
    networks,
  };
}

export const networkSchedaSection = defineDigestSection({
  id: 'scheda.network',
  order: 57,
  audience: 'network',
  build: (tx, { scope }) => networkScheda(tx, scope.networkId!, scope.week, scope.now),
  // A scheda that stands as it was is no news on its own: only answers about objectives or objectives past due.
  isEmpty: (d) => d.objectives.every((o) => !o.status) && d.pastDue.length === 0,
  render(d) {
    const lines = [d.missing.length ? t.incomplete(d.done, d.missing) : t.complete];
    for (const o of d.objectives) lines.push(t.objective(o.number, o.what, o.reached ? 'raggiunto' : o.status ? labelOf(PROGRESS, o.status) : null));
    for (const o of d.pastDue) lines.push(t.pastDue(o.number, o.what, o.dueOn));
    return section(t.networkHeader, packLines(lines));
  },
});

export const coordinatorsSchedaSection = defineDigestSection({
  id: 'scheda.coordinators',
  order: 57,
  audience: 'coordinators',
  build: (tx, { scope }) => coordinatorsScheda(tx, scope.now),
  // Incomplete schede are a standing state, listed when the digest has news; past-due objectives are news.
  isEmpty: (d) => d.networks === 0 || d.pastDueTotal === 0,
  render(d) {
    const lines: string[] = [];
    lines.push(d.pastDueTotal ? t.pastDueHeading(d.pastDueTotal) : t.noPastDue);
    for (const o of d.pastDue) lines.push(t.pastDueLine(o.code, o.number, o.what, o.dueOn));
    if (d.pastDueTotal > d.pastDue.length) lines.push(t.more(d.pastDueTotal - d.pastDue.length));
    lines.push(
      d.incompleteTotal ? t.incompleteHeading(d.incompleteTotal, d.networks, d.incomplete, d.incompleteTotal - d.incomplete.length) : t.allComplete(d.networks),
    );
    return section(t.coordinatorsHeader, packLines(lines));
  },
});

export const schedaDigestSections = [networkSchedaSection, coordinatorsSchedaSection];
