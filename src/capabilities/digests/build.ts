// Builds a Digest from the sections the listed capabilities contribute: each section runs its own
// few SQL aggregations, none of them loading the answers themselves. A capability that is not
// listed has no section, and its tables are never queried.
import type { Tx } from '../../db/client.js';
import type { DigestNetwork, DigestSection } from '../../reports/digest-section.js';
import { scopeOf } from '../../reports/scope.js';
import { isoWeek, shiftWeek } from '../../time.js';
import type { Digest } from './model.js';

/** The week a digest sent at `now` summarises: the one that just closed (the previous ISO week). */
export function closedWeek(now: Date): string {
  return shiftWeek(isoWeek(now), -1);
}

export interface DigestRequest {
  week: string;
  now: Date;
  /** One network (its own digest), or every network (coordinators). */
  network?: DigestNetwork;
}

/** The sections a digest carries: the coordinators' (every network) or a network's own. */
export function sectionsFor(sections: DigestSection<any>[], network: boolean): DigestSection<any>[] {
  return sections.filter((s) => s.audience === 'both' || s.audience === (network ? 'network' : 'coordinators'));
}

/** `sections` in order (Contributions.digestSections already is). */
export async function buildDigest(tx: Tx, sections: DigestSection<any>[], req: DigestRequest): Promise<Digest> {
  const network = req.network ?? null;
  const view = { scope: scopeOf(req.week, req.now, network?.id ?? null), network };
  const chosen = sectionsFor(sections, network !== null);
  // Independent sections: on PostgreSQL they run side by side on the pool (PGlite takes them in turn).
  const data = await Promise.all(chosen.map((section) => section.build(tx, view)));
  return { week: req.week, generatedAt: req.now, network, view, parts: chosen.map((section, i) => ({ section, data: data[i] })) };
}
