// What the map of maturity contributes to the digests. A network: its stages that changed this
// week. Coordinators: the networks that changed stage this week, and the networks at a stage whose
// suggested support (percorsi) they have not received yet (no request of that kind done).
import type { Tx } from '../../db/client.js';
import { packLines, section } from '../../reports/blocks.js';
import { defineDigestSection } from '../../reports/digest-section.js';
import { shiftWeek } from '../../time.js';
import { kindsLabel, listPercorsi, supportFor } from './percorsi.js';
import { loadRules, profiles } from './profile.js';
import { moves } from './view.js';
import { itMaturitaReports as t } from './report-texts.js';

const MAX = 15;

type Move = { code: string; label: string; from: number; to: number };

export async function weekMoves(tx: Tx, week: string, networkId: number | null): Promise<Move[]> {
  const rules = await loadRules(tx);
  const [now, before] = [await profiles(tx, week, rules, networkId), await profiles(tx, shiftWeek(week, -1), rules, networkId)];
  return moves(rules, before, now);
}

export interface CoordinatorsMaturity {
  moved: Move[];
  missing: { code: string; label: string; stage: number; kinds: string[] }[];
  missingTotal: number;
}

export async function coordinatorsMaturity(tx: Tx, week: string): Promise<CoordinatorsMaturity> {
  const rules = await loadRules(tx);
  const current = await profiles(tx, week, rules);
  const moved = moves(rules, await profiles(tx, shiftWeek(week, -1), rules), current);
  const percorsi = await listPercorsi(tx);
  const missing: CoordinatorsMaturity['missing'] = [];
  if (percorsi.length) {
    const done = await tx.$queryRaw<{ network_id: number; kind: string }[]>`SELECT DISTINCT network_id, kind FROM support_request WHERE state = 'svolta'`;
    const received = new Set(done.map((d) => `${d.network_id}|${d.kind}`));
    for (const p of current) {
      for (const d of rules) {
        const stage = p.stages[d.code]!;
        const support = supportFor(percorsi, stage, d.code);
        const kinds = support?.kinds.filter((k) => !received.has(`${p.networkId}|${k}`)) ?? [];
        if (kinds.length) missing.push({ code: p.code, label: d.label, stage, kinds });
      }
    }
  }
  return { moved, missing: missing.slice(0, MAX), missingTotal: missing.length };
}

export const networkMaturitySection = defineDigestSection({
  id: 'maturita.network',
  order: 58,
  audience: 'network',
  build: (tx, { scope }) => weekMoves(tx, scope.week, scope.networkId),
  isEmpty: (d) => d.length === 0,
  render: (d) => section(t.networkHeader, packLines(d.map((m) => t.moveLine(m.label, m.from, m.to))), t.networkNote),
});

export const coordinatorsMaturitySection = defineDigestSection({
  id: 'maturita.coordinators',
  order: 58,
  audience: 'coordinators',
  build: (tx, { scope }) => coordinatorsMaturity(tx, scope.week),
  // Support not yet received is a standing state, listed when the digest has news; a change of stage is news.
  isEmpty: (d) => d.moved.length === 0,
  render(d) {
    const lines = [d.moved.length ? t.movedHeading(d.moved.length) : t.noneMoved];
    for (const m of d.moved.slice(0, MAX)) lines.push(t.movedLine(m.code, m.label, m.from, m.to));
    if (d.moved.length > MAX) lines.push(t.more(d.moved.length - MAX));
    if (d.missingTotal) {
      lines.push(t.missingHeading(d.missingTotal));
      for (const m of d.missing) lines.push(t.missingLine(m.code, m.label, m.stage, kindsLabel(m.kinds)));
      if (d.missingTotal > d.missing.length) lines.push(t.more(d.missingTotal - d.missing.length));
    }
    return section(t.coordinatorsHeader, packLines(lines), t.coordinatorsNote);
  },
});

export const maturitaDigestSections = [networkMaturitySection, coordinatorsMaturitySection];
