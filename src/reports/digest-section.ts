// The digest contract: a capability contributes sections; the digests capability builds every
// listed section over one Scope and renders them in order. A capability that is not listed simply
// has no section, and its tables are never queried.
import type { ChartSpec } from '../charts/spec.js';
import type { Tx } from '../db/client.js';
import type { Block } from '../platform/port.js';
import type { Scope } from './scope.js';

/** The network a digest is about (its own digest), or null for the coordinators' digest of every network. */
export interface DigestNetwork {
  id: number;
  code: string;
  name: string;
  themes: string[];
}

export interface DigestView {
  scope: Scope;
  network: DigestNetwork | null;
}

export interface DigestSection<T = unknown> {
  /** Unique across capabilities: "checkins.response". */
  id: string;
  /** Position in the digest, lower first (response 10, indicators 20, … legami 90). */
  order: number;
  /** Which digests carry it. */
  audience: 'coordinators' | 'network' | 'both';
  /** One or a few SQL aggregations; never loads the rows themselves. */
  build(tx: Tx, view: DigestView): Promise<T>;
  /** True when the section has nothing to say (a network digest of empty sections is not sent). */
  isEmpty(data: T, view: DigestView): boolean;
  /** Header, lines and notes, platform-neutral. Empty when there is nothing to show. */
  render(data: T, view: DigestView): Block[];
  /** Charts for the digest's image (one PNG in the chat, beside the complete text): none by default. */
  charts?(data: T, view: DigestView): ChartSpec[];
}

export function defineDigestSection<T>(section: DigestSection<T>): DigestSection<T> {
  return section;
}
