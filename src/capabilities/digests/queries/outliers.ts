// The networks furthest from their own usual values. For each network and numeric indicator
// answered this week: the median and the interquartile range (IQR) of its answers over the previous
// TREND_WEEKS weeks (at least MIN_HISTORY of them), in one ordered-set aggregate. The score is a
// robust z-score,
//   |value − median| / max(IQR / 1.349, 10% of |median|, unit)
// (IQR / 1.349 estimates the standard deviation without being pulled by the outliers themselves);
// unit is 1 for counts, 0.5 for 1–5 scales and 0.1 for decimals: the floor keeps a network that
// always answers the same number from turning every small change into an "infinite" score.
// Scores of at least MIN_SCORE are kept, the largest first, one line per network and indicator.
import { Prisma, type Tx } from '../../../db/client.js';
import type { Outlier } from '../model.js';
import { NUMERIC_TYPES } from './checkins.js';
import { inList, networkFilter, type Scope } from '../../../reports/scope.js';

export const MIN_HISTORY = 4;
export const MIN_SCORE = 3;
export const MAX_OUTLIERS = 10;

interface Row {
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
  const rows = await tx.$queryRaw<Row[]>`
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
