// Legami in the digest: introductions made during the week, the follow-up answers given during the
// week, and the last weeks' introductions with how many of them led to a meeting.
import type { Tx } from '../../../db/client.js';
import { weekStart } from '../../../time.js';
import type { LegamiSummary } from '../model.js';
import type { Scope } from '../../../reports/scope.js';

export async function legamiSummary(tx: Tx, scope: Scope): Promise<LegamiSummary> {
  const trendFrom = weekStart(scope.trend[0]!);
  const [row] = await tx.$queryRaw<LegamiSummary[]>`
    SELECT
      (SELECT count(*) FROM legami_introduction WHERE created_at >= ${scope.from} AND created_at < ${scope.to})::int AS introductions,
      (SELECT count(*) FROM legami_follow_up WHERE answer = 'si' AND answered_at >= ${scope.from} AND answered_at < ${scope.to})::int AS met,
      (SELECT count(*) FROM legami_follow_up WHERE answer = 'non_ancora' AND answered_at >= ${scope.from} AND answered_at < ${scope.to})::int AS "notYet",
      (SELECT count(*) FROM legami_follow_up WHERE answer = 'non_interessa' AND answered_at >= ${scope.from} AND answered_at < ${scope.to})::int AS "notInterested",
      (SELECT count(*) FROM legami_introduction WHERE created_at >= ${trendFrom} AND created_at < ${scope.to})::int AS "introductionsTrend",
      (SELECT count(DISTINCT i.id) FROM legami_introduction i JOIN legami_follow_up f ON f.introduction_id = i.id
        WHERE f.answer = 'si' AND i.created_at >= ${trendFrom} AND i.created_at < ${scope.to})::int AS "metTrend"`;
  return row!;
}
