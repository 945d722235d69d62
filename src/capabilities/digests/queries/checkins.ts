// Check-in aggregations, in SQL: who answered (on time or late), who has been silent and for how
// many weeks in a row, and each numeric indicator across networks over the last weeks.
import { Prisma, type Tx } from '../../../db/client.js';
import { TREND_WEEKS, type IndicatorTrend, type Response, type SilentNetwork } from '../model.js';
import { inList, networkFilter, type Scope } from '../../../reports/scope.js';

/** Types whose answers are numbers (number_value). */
export const NUMERIC_TYPES = ['integer', 'decimal', 'scale'] as const;

/**
 * Networks asked this week (a round exists), how many answered, and how many late: a submission is
 * late when the network needed at least one reminder first, or when it came after the week ended
 * (the round stays open until the next one opens).
 */
export async function response(tx: Tx, scope: Scope): Promise<Response> {
  const [counts] = await tx.$queryRaw<{ expected: number; answered: number; late: number }[]>`
    SELECT count(*)::int AS expected,
           count(s.id)::int AS answered,
           count(s.id) FILTER (WHERE r.reminders > 0 OR s.submitted_at >= ${scope.to})::int AS late
    FROM checkin_round r
    LEFT JOIN checkin_submission s ON s.round_id = r.id
    WHERE r.period = ${scope.week} ${networkFilter(scope, 'r.network_id')}`;
  const expected = counts?.expected ?? 0;
  const answered = counts?.answered ?? 0;
  const late = counts?.late ?? 0;
  return { expected, answered, onTime: answered - late, late, silent: await silentNetworks(tx, scope) };
}

/**
 * Networks with a round this week and no answer, with the number of weeks in a row without one:
 * the rounds since the network's last answer (weeks without a round, e.g. before check-ins began
 * or while the network was inactive, do not count). Longest silence first.
 */
export async function silentNetworks(tx: Tx, scope: Scope): Promise<SilentNetwork[]> {
  return tx.$queryRaw<SilentNetwork[]>`
    WITH silent AS (
      SELECT r.network_id,
             (SELECT max(s.period) FROM checkin_submission s WHERE s.network_id = r.network_id AND s.period < ${scope.week}) AS last_answered
      FROM checkin_round r
      WHERE r.period = ${scope.week} ${networkFilter(scope, 'r.network_id')}
        AND NOT EXISTS (SELECT 1 FROM checkin_submission s WHERE s.round_id = r.id)
    )
    SELECT n.id, n.code, n.name,
           (SELECT count(*) FROM checkin_round r
             WHERE r.network_id = si.network_id AND r.period <= ${scope.week} AND r.period > coalesce(si.last_answered, ''))::int AS weeks
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
