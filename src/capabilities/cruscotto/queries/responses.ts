// Who answered the check-in, week by week: on time (before any reminder and within its week),
// late (after a reminder, or after the week), or not at all — the same rule as the digests. And the
// grid of networks × weeks, sorted and paged in SQL (thousands of networks, one page at a time).
import { Prisma, type Tx } from '../../../db/client.js';
import { narrows, scopeSql, weekEnds, type NetworkScope } from './scope.js';

export interface WeekResponses {
  week: string;
  expected: number;
  onTime: number;
  late: number;
  /** Without an answer; of those, `pending` still have an open round (the week is not over). */
  silent: number;
  pending: number;
}

export async function responsesByWeek(tx: Tx, weeks: string[], scope: NetworkScope): Promise<WeekResponses[]> {
  const rows = await tx.$queryRaw<{ week: string; expected: number; answered: number; late: number; pending: number }[]>`
    SELECT r.period AS week, count(*)::int AS expected, count(s.id)::int AS answered,
           count(*) FILTER (WHERE s.id IS NULL AND r.status = 'open')::int AS pending,
           count(s.id) FILTER (WHERE r.reminders > 0 OR s.submitted_at >= w.ends)::int AS late
    FROM checkin_round r
    JOIN unnest(${weeks}::text[], ${weekEnds(weeks)}::timestamptz[]) AS w(period, ends) ON w.period = r.period
    ${narrows(scope) ? Prisma.sql`JOIN network n ON n.id = r.network_id` : Prisma.empty}
    LEFT JOIN checkin_submission s ON s.round_id = r.id AND s.period IN (${Prisma.join(weeks)})
    WHERE r.period IN (${Prisma.join(weeks)}) ${scopeSql(scope)}
    GROUP BY r.period`;
  const byWeek = new Map(rows.map((r) => [r.week, r]));
  return weeks.map((week) => {
    const r = byWeek.get(week);
    if (!r) return { week, expected: 0, onTime: 0, late: 0, silent: 0, pending: 0 };
    return { week, expected: r.expected, onTime: r.answered - r.late, late: r.late, silent: r.expected - r.answered, pending: r.pending };
  });
}

/** on time, late, no answer (round closed), not yet (round still open), no round that week. */
export type CellState = 'on_time' | 'late' | 'silent' | 'pending' | 'none';

export interface GridRow {
  id: number;
  code: string;
  name: string;
  area: string;
  themes: string[];
  /** Rounds in a row without an answer, up to the grid's last week. */
  silentWeeks: number;
  facet: string | null;
  cells: CellState[];
}

export type GridSort = 'code' | 'area' | 'theme' | 'silence' | 'facet';

export interface FacetValues {
  ids: number[];
  labels: string[];
  ranks: number[];
}

export async function responseGrid(
  tx: Tx,
  weeks: string[],
  scope: NetworkScope,
  options: { sort: GridSort; page: number; size: number; facet?: FacetValues | undefined },
): Promise<{ total: number; rows: GridRow[] }> {
  const last = weeks[weeks.length - 1]!;
  const facet = options.facet ?? { ids: [], labels: [], ranks: [] };
  const order = {
    code: Prisma.sql`n.code`,
    area: Prisma.sql`n.area, n.code`,
    theme: Prisma.sql`n.themes, n.code`,
    silence: Prisma.sql`silent_weeks DESC, n.code`,
    facet: Prisma.sql`f.rank NULLS LAST, n.code`,
  }[options.sort];
  // Silence: the rounds since the network's last answer up to the grid's week (two index probes per network).
  const networks = await tx.$queryRaw<(Omit<GridRow, 'cells' | 'silentWeeks'> & { silent_weeks: number; total: number })[]>`
    SELECT n.id, n.code, n.name, n.area, n.themes, f.label AS facet, count(*) OVER ()::int AS total,
           (SELECT count(*) FROM checkin_round r WHERE r.network_id = n.id AND r.period <= ${last}
              AND r.period > coalesce((SELECT max(s.period) FROM checkin_submission s WHERE s.network_id = n.id AND s.period <= ${last}), ''))::int AS silent_weeks
    FROM network n
    LEFT JOIN unnest(${facet.ids}::int[], ${facet.labels}::text[], ${facet.ranks}::int[]) AS f(network_id, label, rank) ON f.network_id = n.id
    WHERE n.active ${scopeSql(scope)}
    ORDER BY ${order}
    LIMIT ${options.size} OFFSET ${(options.page - 1) * options.size}`;
  const total = networks[0]?.total ?? (options.page > 1 ? await countNetworks(tx, scope) : 0);
  if (!networks.length) return { total, rows: [] };
  const ids = networks.map((n) => n.id);
  const cells = await tx.$queryRaw<{ network_id: number; period: string; open: boolean; answered: boolean; late: boolean }[]>`
    SELECT r.network_id, r.period, r.status = 'open' AS open, s.id IS NOT NULL AS answered, coalesce(r.reminders > 0 OR s.submitted_at >= w.ends, false) AS late
    FROM checkin_round r
    JOIN unnest(${weeks}::text[], ${weekEnds(weeks)}::timestamptz[]) AS w(period, ends) ON w.period = r.period
    LEFT JOIN checkin_submission s ON s.round_id = r.id
    WHERE r.network_id = ANY(${ids}::int[])`;
  const index = new Map(weeks.map((w, i) => [w, i]));
  const rows: GridRow[] = networks.map((n) => ({
    id: n.id,
    code: n.code,
    name: n.name,
    area: n.area,
    themes: n.themes,
    facet: n.facet,
    silentWeeks: n.silent_weeks,
    cells: weeks.map(() => 'none' as CellState),
  }));
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const c of cells) {
    const row = byId.get(c.network_id);
    const w = index.get(c.period);
    if (row && w !== undefined) row.cells[w] = !c.answered ? (c.open ? 'pending' : 'silent') : c.late ? 'late' : 'on_time';
  }
  return { total, rows };
}

async function countNetworks(tx: Tx, scope: NetworkScope): Promise<number> {
  const [row] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM network n WHERE n.active ${scopeSql(scope)}`;
  return row?.n ?? 0;
}
