// Laboratori in the digest: sessions of the coming two weeks with sign-ups and seats, and the
// feedback averages of those that ended in the last four weeks.
import { Prisma, type Tx } from '../../../db/client.js';
import type { LabFeedbackLine, UpcomingLab } from '../model.js';
import type { Scope } from '../../../reports/scope.js';

const DAY = 24 * 60 * 60 * 1000;
export const UPCOMING_DAYS = 14;
export const FEEDBACK_DAYS = 28;
export const MAX_FEEDBACK = 5;

/** Scheduled sessions starting in the next two weeks (for a network: those open to it). */
export async function upcomingLabs(tx: Tx, scope: Scope): Promise<UpcomingLab[]> {
  const until = new Date(scope.now.getTime() + UPCOMING_DAYS * DAY);
  const audience =
    scope.networkId === null
      ? Prisma.empty
      : Prisma.sql`AND (l.all_networks OR EXISTS (SELECT 1 FROM lab_audience la WHERE la.lab_id = l.id AND la.network_id = ${scope.networkId}))`;
  return tx.$queryRaw<UpcomingLab[]>`
    SELECT l.title, l.theme, l.starts_at AS "startsAt", l.ends_at AS "endsAt", l.capacity,
           count(s.id) FILTER (WHERE s.status = 'confirmed')::int AS confirmed,
           count(s.id) FILTER (WHERE s.status = 'waiting')::int AS waiting
    FROM lab l LEFT JOIN lab_signup s ON s.lab_id = l.id
    WHERE l.status = 'scheduled' AND l.starts_at >= ${scope.now} AND l.starts_at < ${until} ${audience}
    GROUP BY l.id
    ORDER BY l.starts_at, l.id`;
}

/** Average rating of the sessions that ended in the last four weeks and received feedback, latest first. */
export async function labFeedback(tx: Tx, scope: Scope): Promise<LabFeedbackLine[]> {
  const since = new Date(scope.now.getTime() - FEEDBACK_DAYS * DAY);
  return tx.$queryRaw<LabFeedbackLine[]>`
    SELECT l.title, l.starts_at AS "startsAt", count(f.id)::int AS responses, avg(f.rating)::float8 AS average,
           (SELECT count(*) FROM lab_signup s WHERE s.lab_id = l.id AND s.status = 'confirmed')::int AS participants
    FROM lab l JOIN lab_feedback f ON f.lab_id = l.id
    WHERE l.status = 'scheduled' AND l.ends_at < ${scope.now} AND l.ends_at >= ${since}
    GROUP BY l.id
    ORDER BY l.starts_at DESC, l.id
    LIMIT ${MAX_FEEDBACK}`;
}
