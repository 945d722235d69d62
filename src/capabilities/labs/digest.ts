// What the laboratori contribute to the digests: sessions of the coming two weeks with sign-ups and
// seats (for a network, those open to it), and for the coordinators the feedback averages of those
// that ended in the last four weeks.
import { Prisma, type Tx } from '../../db/client.js';
import { packLines, section } from '../../reports/blocks.js';
import { defineDigestSection } from '../../reports/digest-section.js';
import { formatNumber } from '../../reports/format.js';
import type { Scope } from '../../reports/scope.js';
import { itLabsDigest as t } from './report-texts.js';

export interface UpcomingLab {
  title: string;
  theme: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
  confirmed: number;
  waiting: number;
}

export interface LabFeedbackLine {
  title: string;
  startsAt: Date;
  responses: number;
  participants: number;
  average: number;
}

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

export const labsDigestSection = defineDigestSection({
  id: 'labs.sessions',
  order: 70,
  audience: 'both',
  async build(tx, { scope, network }) {
    const [upcoming, feedback] = await Promise.all([upcomingLabs(tx, scope), network ? [] : labFeedback(tx, scope)]);
    return { upcoming, feedback };
  },
  isEmpty: (d) => d.upcoming.length === 0 && d.feedback.length === 0,
  render({ upcoming, feedback }, view) {
    const lines: string[] = [];
    if (upcoming.length) {
      lines.push(t.upcoming);
      for (const l of upcoming) lines.push(t.line(l.startsAt, l.endsAt, l.title, l.theme, l.confirmed, l.capacity, l.waiting));
    } else if (view.network || feedback.length) {
      lines.push(t.none);
    }
    if (feedback.length) {
      lines.push(t.feedback);
      for (const f of feedback) lines.push(t.feedbackLine(f.title, f.startsAt, formatNumber(f.average, 'average'), f.responses, f.participants));
    }
    return section(t.header, packLines(lines));
  },
});
