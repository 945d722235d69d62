// Check-in aggregations for the digests, in SQL: who answered (on time or late), who has been
// silent and for how many weeks in a row, each numeric indicator across networks over the last
// weeks, the networks furthest from their usual values, obstacles and support requested.
import { Prisma, type Tx } from '../../db/client.js';
import { inList, networkFilter, TREND_WEEKS, type Scope } from '../../reports/scope.js';
import { DateTime } from 'luxon';
import { ZONE, shiftWeek, weekStart } from '../../time.js';

export interface NetworkRef {
  id: number;
  code: string;
  name: string;
}

export interface Response {
  /** Networks asked this week (a check-in round was opened for them). */
  expected: number;
  answered: number;
  /** Answered before any reminder and within the week. */
  onTime: number;
  /** Answered after a reminder, or after the week ended (the round was still open). */
  late: number;
  /** Networks without an answer this week, by how many weeks in a row (1, 2, 3 meaning 3 or more). */
  silent: SilentNetwork[];
  /** Networks whose check-ins were paused this week (and that did not answer): neither expected nor silent. */
  paused: NetworkRef[];
  /** The same counts for each of the last TREND_WEEKS weeks, oldest first (the digest's week last). */
  trend: { week: string; expected: number; onTime: number; late: number }[];
}

export interface SilentNetwork extends NetworkRef {
  /** Consecutive weeks without an answer, ending with the digest's week. */
  weeks: number;
}

export type Aggregate = 'sum' | 'avg';

export interface IndicatorTrend {
  code: string;
  type: 'integer' | 'decimal' | 'scale';
  /** Counts and decimal quantities are summed across networks; scales are averaged. */
  aggregate: Aggregate;
  /** Oldest first, TREND_WEEKS values, the last one is the digest's week; null: no answers that week. */
  series: (number | null)[];
  /** Networks that answered this indicator in the digest's week. */
  networks: number;
}

/** A network whose answer is far from its own usual values (see outliers()). */
export interface Outlier {
  network: NetworkRef;
  indicator: string;
  value: number;
  /** The network's median over the previous weeks. */
  usual: number;
  /** Robust z-score: |value − median| / (IQR / 1.349), with a floor (see outliers()). */
  score: number;
}

export interface Obstacle {
  network: NetworkRef;
  text: string;
}

export interface SupportCount {
  code: string;
  label: string;
  count: number;
  networks: string[];
}

/** Types whose answers are numbers (number_value). */
export const NUMERIC_TYPES = ['integer', 'decimal', 'scale'] as const;

/**
 * Networks asked this week (a round exists), how many answered, and how many late: a submission is
 * late when the network needed at least one reminder first, or when it came after the week ended
 * (the round stays open until the next one opens).
 */
export async function response(tx: Tx, scope: Scope): Promise<Response> {
  const ends = scope.trend.map((w) => weekStart(shiftWeek(w, 1)));
  const days = scope.trend.map(weekDays);
  const rows = await tx.$queryRaw<{ week: string; expected: number; answered: number; late: number }[]>`
    SELECT r.period AS week,
           count(*) FILTER (WHERE s.id IS NOT NULL OR NOT ${pausedBetween(Prisma.sql`r.network_id`, Prisma.sql`w.first_day`, Prisma.sql`w.last_day`)})::int AS expected,
           count(s.id)::int AS answered,
           count(s.id) FILTER (WHERE r.reminders > 0 OR s.submitted_at >= w.ends)::int AS late
    FROM checkin_round r
    JOIN unnest(${scope.trend}::text[], ${ends}::timestamptz[], ${days.map((d) => d.first)}::text[], ${days.map((d) => d.last)}::text[])
      AS w(period, ends, first_day, last_day) ON w.period = r.period
    LEFT JOIN checkin_submission s ON s.round_id = r.id
    WHERE r.period IN (${inList(scope.trend)}) ${networkFilter(scope, 'r.network_id')}
    GROUP BY r.period`;
  const byWeek = new Map(rows.map((r) => [r.week, r]));
  const trend = scope.trend.map((week) => {
    const r = byWeek.get(week);
    return { week, expected: r?.expected ?? 0, onTime: (r?.answered ?? 0) - (r?.late ?? 0), late: r?.late ?? 0 };
  });
  const counts = byWeek.get(scope.week);
  const expected = counts?.expected ?? 0;
  const answered = counts?.answered ?? 0;
  const late = counts?.late ?? 0;
  return { expected, answered, onTime: answered - late, late, silent: await silentNetworks(tx, scope), paused: await pausedNetworks(tx, scope), trend };
}

/** The first and last day (Europe/Rome, "2027-08-02" … "2027-08-08") of an ISO week. */
function weekDays(week: string): { first: string; last: string } {
  const first = DateTime.fromJSDate(weekStart(week), { zone: ZONE });
  return { first: first.toISODate()!, last: first.plus({ days: 6 }).toISODate()! };
}

/** SQL: the network `column` had a pause on at least one day between `first` and `last` (days as text). */
function pausedBetween(column: Prisma.Sql, first: Prisma.Sql, last: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM network_pause p WHERE p.network_id = ${column} AND p.starts_on <= ${last} AND p.ends_on >= ${first})`;
}

/** SQL: the round `r` belongs to a week its network paused (days of the ISO week of its opening, Europe/Rome). */
const roundPaused = (r: string) => {
  const monday = Prisma.sql`date_trunc('week', ${Prisma.raw(r)}.opened_at AT TIME ZONE 'Europe/Rome')`;
  return pausedBetween(
    Prisma.raw(`${r}.network_id`),
    Prisma.sql`to_char(${monday}, 'YYYY-MM-DD')`,
    Prisma.sql`to_char(${monday} + interval '6 days', 'YYYY-MM-DD')`,
  );
};

/** Networks (active, in scope) that paused their check-ins during the week and did not answer it. */
export async function pausedNetworks(tx: Tx, scope: Scope): Promise<NetworkRef[]> {
  const { first, last } = weekDays(scope.week);
  return tx.$queryRaw<NetworkRef[]>`
    SELECT n.id, n.code, n.name FROM network n
    WHERE n.active ${networkFilter(scope, 'n.id')}
      AND ${pausedBetween(Prisma.sql`n.id`, Prisma.sql`${first}`, Prisma.sql`${last}`)}
      AND NOT EXISTS (SELECT 1 FROM checkin_submission s WHERE s.network_id = n.id AND s.period = ${scope.week})
    ORDER BY n.code`;
}

/**
 * Networks with a round this week and no answer, with the number of weeks in a row without one:
 * the rounds since the network's last answer (weeks without a round, e.g. before check-ins began
 * or while the network was inactive, do not count, nor do weeks it paused its check-ins: a paused
 * network is never silent). Longest silence first.
 */
export async function silentNetworks(tx: Tx, scope: Scope): Promise<SilentNetwork[]> {
  const { first, last } = weekDays(scope.week);
  return tx.$queryRaw<SilentNetwork[]>`
    WITH silent AS (
      SELECT r.network_id,
             (SELECT max(s.period) FROM checkin_submission s WHERE s.network_id = r.network_id AND s.period < ${scope.week}) AS last_answered
      FROM checkin_round r
      WHERE r.period = ${scope.week} ${networkFilter(scope, 'r.network_id')}
        AND NOT EXISTS (SELECT 1 FROM checkin_submission s WHERE s.round_id = r.id)
        AND NOT ${pausedBetween(Prisma.sql`r.network_id`, Prisma.sql`${first}`, Prisma.sql`${last}`)}
    )
    SELECT n.id, n.code, n.name,
           (SELECT count(*) FROM checkin_round r
             WHERE r.network_id = si.network_id AND r.period <= ${scope.week} AND r.period > coalesce(si.last_answered, '')
               AND NOT ${roundPaused('r')})::int AS weeks
    FROM silent si JOIN network n ON n.id = si.network_id
    ORDER BY weeks DESC, n.code`;
}

interface TrendRow {
  code: string;
  type: IndicatorTrend['type'];
  period: string;
  networks: number;
  total: number;
  mean: number;
}

/** Each numeric indicator with answers in the last weeks: total (counts, decimals) or average (scales) per week. */
export async function indicatorTrends(tx: Tx, scope: Scope): Promise<IndicatorTrend[]> {
  const rows = await tx.$queryRaw<TrendRow[]>`
    SELECT i.code, i.type, a.period, count(*)::int AS networks, sum(a.number_value)::float8 AS total, avg(a.number_value)::float8 AS mean
    FROM checkin_answer a
    JOIN indicator i ON i.id = a.indicator_id
    WHERE a.period IN (${inList(scope.trend)})
      AND a.number_value IS NOT NULL AND NOT a.skipped
      AND i.type IN (${Prisma.join([...NUMERIC_TYPES])}) ${networkFilter(scope, 'a.network_id')}
    GROUP BY i.id, i.code, i.type, i.position, a.period
    ORDER BY i.position, i.id, a.period`;
  const byCode = new Map<string, IndicatorTrend>();
  for (const r of rows) {
    let trend = byCode.get(r.code);
    if (!trend) {
      trend = { code: r.code, type: r.type, aggregate: r.type === 'scale' ? 'avg' : 'sum', series: Array(TREND_WEEKS).fill(null), networks: 0 };
      byCode.set(r.code, trend);
    }
    const index = scope.trend.indexOf(r.period);
    trend.series[index] = trend.aggregate === 'avg' ? r.mean : r.total;
    if (r.period === scope.week) trend.networks = r.networks;
  }
  return [...byCode.values()];
}

// The networks furthest from their own usual values. For each network and numeric indicator
// answered this week: the median and the interquartile range (IQR) of its answers over the previous
// TREND_WEEKS weeks (at least MIN_HISTORY of them), in one ordered-set aggregate. The score is a
// robust z-score,
//   |value − median| / max(IQR / 1.349, 10% of |median|, unit)
// (IQR / 1.349 estimates the standard deviation without being pulled by the outliers themselves);
// unit is 1 for counts, 0.5 for 1–5 scales and 0.1 for decimals: the floor keeps a network that
// always answers the same number from turning every small change into an "infinite" score.
// Scores of at least MIN_SCORE are kept, the largest first, one line per network and indicator.
export const MIN_HISTORY = 4;
export const MIN_SCORE = 3;
export const MAX_OUTLIERS = 10;

interface OutlierRow {
  id: number;
  code: string;
  name: string;
  indicator: string;
  value: number;
  usual: number;
  score: number;
}

export async function outliers(tx: Tx, scope: Scope, limit = MAX_OUTLIERS): Promise<Outlier[]> {
  const numeric = Prisma.join([...NUMERIC_TYPES]);
  const rows = await tx.$queryRaw<OutlierRow[]>`
    WITH cur AS (
      SELECT a.network_id, a.indicator_id, a.number_value AS v
      FROM checkin_answer a
      WHERE a.period = ${scope.week} AND a.number_value IS NOT NULL AND NOT a.skipped
        AND a.type IN (${numeric}) ${networkFilter(scope, 'a.network_id')}
    ), usual AS (
      SELECT a.network_id, a.indicator_id, percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY a.number_value) AS q
      FROM checkin_answer a
      WHERE a.period IN (${inList(scope.history)}) AND a.number_value IS NOT NULL AND NOT a.skipped
        AND a.type IN (${numeric}) ${networkFilter(scope, 'a.network_id')}
      GROUP BY a.network_id, a.indicator_id
      HAVING count(*) >= ${MIN_HISTORY}
    ), scored AS (
      SELECT cur.network_id, cur.indicator_id, cur.v, u.q[2] AS m,
             abs(cur.v - u.q[2]) / greatest((u.q[3] - u.q[1]) / 1.349, 0.1 * abs(u.q[2]),
               CASE i.type WHEN 'scale' THEN 0.5 WHEN 'decimal' THEN 0.1 ELSE 1 END) AS score
      FROM cur
      JOIN usual u ON u.network_id = cur.network_id AND u.indicator_id = cur.indicator_id
      JOIN indicator i ON i.id = cur.indicator_id
    )
    SELECT n.id, n.code, n.name, i.code AS indicator, s.v::float8 AS value, s.m::float8 AS usual, s.score::float8 AS score
    FROM scored s JOIN network n ON n.id = s.network_id JOIN indicator i ON i.id = s.indicator_id
    WHERE s.score >= ${MIN_SCORE}
    ORDER BY s.score DESC, n.code, i.position
    LIMIT ${limit}`;
  return rows.map((r) => ({ network: { id: r.id, code: r.code, name: r.name }, indicator: r.indicator, value: r.value, usual: r.usual, score: r.score }));
}

export const OBSTACLES = 'ostacoli';
export const SUPPORT = 'supporto';

/** Answers that only say "none": not an obstacle worth a line. */
const NOTHING = ['', 'nessuno', 'nessuna', 'niente', 'nulla', 'no', 'nessun ostacolo', 'nessun problema', 'n/a', 'na'];

/** `sharedOnly`: a network's own digest shows only what its referent chose to share (coordinators see all). */
export async function obstacles(tx: Tx, scope: Scope, sharedOnly = false): Promise<Obstacle[]> {
  const rows = await tx.$queryRaw<(NetworkRef & { text: string })[]>`
    SELECT n.id, n.code, n.name, a.text_value AS text
    FROM checkin_answer a JOIN network n ON n.id = a.network_id JOIN checkin_submission s ON s.id = a.submission_id
    WHERE a.period = ${scope.week} AND a.indicator_code = ${OBSTACLES} AND NOT a.skipped AND a.text_value IS NOT NULL
      AND (${!sharedOnly} OR s.share_text)
      AND lower(btrim(a.text_value, E' .!-\\n\\t')) <> ALL (${NOTHING}::text[]) ${networkFilter(scope, 'a.network_id')}
    ORDER BY n.code, a.id`;
  return rows.map((r) => ({ network: { id: r.id, code: r.code, name: r.name }, text: r.text.trim() }));
}

interface Option {
  code: string;
  label: string;
}

/** Support requested, by kind (the options of the "supporto" question), most requested first. */
export async function support(tx: Tx, scope: Scope): Promise<SupportCount[]> {
  const rows = await tx.$queryRaw<{ code: string; count: number; networks: string[] }[]>`
    SELECT c.code, count(DISTINCT a.network_id)::int AS count, array_agg(DISTINCT n.code ORDER BY n.code) AS networks
    FROM checkin_answer a
    CROSS JOIN LATERAL unnest(a.choice_codes) AS c(code)
    JOIN network n ON n.id = a.network_id
    WHERE a.period = ${scope.week} AND a.indicator_code = ${SUPPORT} AND NOT a.skipped ${networkFilter(scope, 'a.network_id')}
    GROUP BY c.code`;
  if (!rows.length) return [];
  const [indicator] = await tx.$queryRaw<{ options: unknown }[]>`SELECT options FROM indicator WHERE code = ${SUPPORT}`;
  const options = (Array.isArray(indicator?.options) ? indicator.options : []) as Option[];
  const order = (code: string) => {
    const i = options.findIndex((o) => o.code === code);
    return i < 0 ? options.length : i;
  };
  return rows
    .map((r) => ({ code: r.code, label: options.find((o) => o.code === r.code)?.label ?? r.code, count: r.count, networks: r.networks }))
    .sort((a, b) => b.count - a.count || order(a.code) - order(b.code));
}
