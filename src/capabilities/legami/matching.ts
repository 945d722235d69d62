// Who meets whom: a pure, deterministic plan for one run of introductions. Given the people who
// may be introduced (referents, partner contact persons; opted-out people already left out), the
// pairs introduced recently and the people already introduced in this run, it pairs:
//   1. a network that asked for a kind of support with another network whose published good
//      practice covers it (the practice's proposer first);
//   2. then people of different networks sharing a theme.
// Nobody twice in a run, never two people of the same network, never a recent pair. The order
// comes from a hash of the run key and the person, so each run shuffles differently but the same
// input always gives the same plan. The result is maximal: no two people left out could still be
// paired on a shared theme.
import { createHash } from 'node:crypto';
import { practiceCovers, supportKind, type SupportRequest } from './support.js';
import { themeKey } from './themes.js';

export interface Candidate {
  personId: number;
  networkId: number;
  role: 'referente' | 'contatto';
  /** For contact persons: the partner they represent, and how the directory says to reach it. */
  partnerName?: string;
  partnerContact?: string;
  themes: string[];
}

export interface Offer {
  practiceId: number;
  networkId: number;
  title: string;
  themes: string[];
  proposedById: number | null;
  publishedAt: Date;
}

export interface PlanInput {
  runKey: string;
  candidates: Candidate[];
  /** pairKey(a, b) of pairs introduced within the window. */
  recentPairs: Set<string>;
  /** People already introduced in this run. */
  busy: Set<number>;
  requests: SupportRequest[];
  offers: Offer[];
}

export interface PlannedIntroduction {
  /** Support: `a` asked, `b` offers the practice. */
  a: Candidate;
  b: Candidate;
  reason: 'tema' | 'supporto';
  /** The shared theme, or the kind of support asked. */
  theme: string;
  practice?: Offer;
}

export function pairKey(a: number, b: number): string {
  return a < b ? `${a}-${b}` : `${b}-${a}`;
}

function ranker(runKey: string): (id: string | number) => number {
  const cache = new Map<string | number, number>();
  return (id) => {
    let r = cache.get(id);
    if (r === undefined) cache.set(id, (r = createHash('sha256').update(`${runKey}:${id}`).digest().readUInt32BE(0)));
    return r;
  };
}

export function planIntroductions(input: PlanInput): PlannedIntroduction[] {
  const rank = ranker(input.runKey);
  const taken = new Set(input.busy);
  const planned: PlannedIntroduction[] = [];
  const order = (list: Candidate[]) => [...list].sort((x, y) => rank(x.personId) - rank(y.personId) || x.personId - y.personId);
  const fits = (x: Candidate, y: Candidate) =>
    x.personId !== y.personId &&
    x.networkId !== y.networkId &&
    !taken.has(x.personId) &&
    !taken.has(y.personId) &&
    !input.recentPairs.has(pairKey(x.personId, y.personId));
  const take = (p: PlannedIntroduction) => {
    taken.add(p.a.personId);
    taken.add(p.b.personId);
    planned.push(p);
  };

  const byNetwork = new Map<number, Candidate[]>();
  const byPerson = new Map<number, Candidate[]>();
  for (const c of input.candidates) {
    byNetwork.set(c.networkId, byNetwork.get(c.networkId) ?? []);
    byNetwork.get(c.networkId)!.push(c);
    byPerson.set(c.personId, byPerson.get(c.personId) ?? []);
    byPerson.get(c.personId)!.push(c);
  }
  for (const [id, list] of byNetwork) byNetwork.set(id, order(list));

  // 1. Support asked ↔ practice offered.
  const needs = new Map<string, { networkId: number; kind: string }>();
  for (const r of input.requests) {
    const kind = supportKind(r.kind).label;
    needs.set(`${r.networkId}:${kind}`, { networkId: r.networkId, kind });
  }
  const offers = [...input.offers].sort((x, y) => y.publishedAt.getTime() - x.publishedAt.getTime() || y.practiceId - x.practiceId);
  const covering = new Map<string, Offer[]>();
  for (const need of [...needs.values()].sort((x, y) => x.networkId - y.networkId || x.kind.localeCompare(y.kind))) {
    const askers = byNetwork.get(need.networkId) ?? [];
    if (!covering.has(need.kind))
      covering.set(
        need.kind,
        offers.filter((o) => practiceCovers(o, need.kind)),
      );
    search: for (const offer of covering.get(need.kind)!) {
      if (offer.networkId === need.networkId) continue;
      const side = byNetwork.get(offer.networkId) ?? [];
      const helpers = [...side.filter((c) => c.personId === offer.proposedById), ...side.filter((c) => c.personId !== offer.proposedById)];
      for (const x of askers) {
        const y = helpers.find((h) => fits(x, h));
        if (y) {
          take({ a: x, b: y, reason: 'supporto', theme: need.kind, practice: offer });
          break search;
        }
      }
    }
  }

  // 2. Shared themes.
  const buckets = new Map<string, { entries: Candidate[]; start: number }>();
  for (const c of input.candidates) {
    for (const key of new Set(c.themes.map(themeKey))) {
      if (!key) continue;
      const b = buckets.get(key) ?? { entries: [], start: 0 };
      b.entries.push(c);
      buckets.set(key, b);
    }
  }
  for (const b of buckets.values()) b.entries = order(b.entries);
  const people = order([...byPerson.values()].map((list) => list[0]!));
  for (const person of people) {
    if (taken.has(person.personId)) continue;
    const options = byPerson
      .get(person.personId)!
      .flatMap((c) => c.themes.map((label) => ({ c, label, key: themeKey(label) })))
      .filter((o) => o.key)
      .sort((x, y) => rank(`${person.personId}:${x.key}`) - rank(`${person.personId}:${y.key}`) || x.key.localeCompare(y.key));
    for (const { c, label, key } of options) {
      const bucket = buckets.get(key)!;
      while (bucket.start < bucket.entries.length && taken.has(bucket.entries[bucket.start]!.personId)) bucket.start++;
      let other: Candidate | undefined;
      for (let i = bucket.start; i < bucket.entries.length && !other; i++) if (fits(c, bucket.entries[i]!)) other = bucket.entries[i];
      if (other) {
        take({ a: c, b: other, reason: 'tema', theme: label });
        break;
      }
    }
  }
  return planned;
}
