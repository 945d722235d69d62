// What a digest says, as data: the sections the listed capabilities contribute (src/reports/
// digest-section.ts), each with what it built, in order. One shape for the coordinators' digest
// (every network) and a network's own digest (posted into its channels, or asked for with
// /digest CODICE); rendered into one platform-neutral message by render.ts.
import type { DigestNetwork, DigestSection, DigestView } from '../../reports/digest-section.js';

export type { DigestNetwork };

export interface DigestPart<T = unknown> {
  section: DigestSection<T>;
  data: T;
}

export interface Digest {
  /** ISO week summarised ("2026-W47"). */
  week: string;
  generatedAt: Date;
  /** Null: every network (coordinators); else one network. */
  network: DigestNetwork | null;
  view: DigestView;
  /** The sections for this digest's audience, in order, with their data. */
  parts: DigestPart[];
}

/** True when no section has anything to say (a network digest of nothing is not sent). */
export function isEmptyDigest(d: Digest): boolean {
  return d.parts.every((p) => p.section.isEmpty(p.data, d.view));
}
