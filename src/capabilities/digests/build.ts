// Builds a Digest from the database: every aggregation runs in SQL (queries/*), a few small
// queries per section, none of them loading the answers themselves.
import type { Tx } from '../../db/client.js';
import { isoWeek, shiftWeek } from '../../time.js';
import type { Digest, NetworkRef } from './model.js';
import { installedCapabilities, type Installed } from './queries/capabilities.js';
import { indicatorTrends, response } from './queries/checkins.js';
import { labFeedback, upcomingLabs } from './queries/labs.js';
import { legamiSummary } from './queries/legami.js';
import { outliers } from './queries/outliers.js';
import { scopeOf } from '../../reports/scope.js';
import { obstacles, practices, support } from './queries/voices.js';

/** The week a digest sent at `now` summarises: the one that just closed (the previous ISO week). */
export function closedWeek(now: Date): string {
  return shiftWeek(isoWeek(now), -1);
}

export interface DigestRequest {
  week: string;
  now: Date;
  /** One network (its own digest), or every network (coordinators). */
  network?: NetworkRef & { themes: string[] };
  /** Which capabilities are installed, when the caller already knows (jobs building many digests). */
  installed?: Installed;
}

export async function buildDigest(tx: Tx, req: DigestRequest): Promise<Digest> {
  const installed = req.installed ?? (await installedCapabilities(tx));
  const scope = scopeOf(req.week, req.now, req.network?.id ?? null);
  const single = scope.networkId !== null;
  const checkins = installed.checkins;
  const none = async <T>(value: T) => value;
  // Independent sections: on PostgreSQL they run side by side on the pool (PGlite takes them in turn).
  const [responseSection, indicators, outlierLines, obstacleLines, supportLines, practiceLines, labs, feedback, legami] = await Promise.all([
    checkins ? response(tx, scope) : none(null),
    checkins ? indicatorTrends(tx, scope) : none([]),
    checkins ? outliers(tx, scope) : none([]),
    checkins ? obstacles(tx, scope) : none([]),
    checkins ? support(tx, scope) : none([]),
    practices(tx, scope, installed, req.network?.themes ?? null),
    installed.labs ? upcomingLabs(tx, scope) : none([]),
    installed.labs && !single ? labFeedback(tx, scope) : none([]),
    installed.legami && !single ? legamiSummary(tx, scope) : none(null),
  ]);
  return {
    week: req.week,
    generatedAt: req.now,
    network: req.network ?? null,
    response: responseSection,
    indicators,
    outliers: outlierLines,
    obstacles: obstacleLines,
    support: supportLines,
    practices: practiceLines,
    labs,
    feedback,
    legami,
  };
}
