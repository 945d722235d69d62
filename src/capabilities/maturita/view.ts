// A network's map of maturity as it reads in chat: each dimension's stage, the evidence that puts
// it there, its change since 12 weeks before, what would move it to the next stage, and the
// support suggested for its stage; and the coordinators' map of every network.
import type { Tx } from '../../db/client.js';
import type { OutMessage } from '../../platform/port.js';
import { isoWeek, shiftWeek } from '../../time.js';
import { listPercorsi, kindsLabel, supportFor } from './percorsi.js';
import { loadRules, profiles, type NetworkProfile } from './profile.js';
import { RULED_STAGES, WINDOW_WEEKS, metricsOf, type Dimension, type Metric } from './rules.js';
import { itMaturita as t } from './texts.js';

/** What is missing for the next stage of a dimension (empty at the top). */
export function missingFor(d: Dimension, stage: number, metrics: Record<Metric, number>): { metric: Metric; value: number; min: number }[] {
  const next = RULED_STAGES[stage];
  if (!next) return [];
  return Object.entries(d.thresholds[next])
    .filter(([m, min]) => metrics[m as Metric] < (min as number))
    .map(([m, min]) => ({ metric: m as Metric, value: metrics[m as Metric], min: min as number }));
}

export async function networkMap(
  tx: Tx,
  now: Date,
  networkId: number,
): Promise<{ profile: NetworkProfile; before: NetworkProfile; week: string; rules: Dimension[] }> {
  const rules = await loadRules(tx);
  const week = isoWeek(now);
  const [profile] = await profiles(tx, week, rules, networkId);
  const [before] = await profiles(tx, shiftWeek(week, -WINDOW_WEEKS), rules, networkId);
  return { profile: profile!, before: before!, week, rules };
}

export async function renderNetworkMap(tx: Tx, now: Date, networkId: number): Promise<OutMessage> {
  const { profile, before, week, rules } = await networkMap(tx, now, networkId);
  const percorsi = await listPercorsi(tx);
  const blocks: string[] = [];
  for (const d of rules) {
    const stage = profile.stages[d.code]!;
    const lines = [t.dimension(d.label, stage), t.change(before.stages[d.code]!, stage)];
    for (const m of metricsOf(d)) lines.push(t.evidence(m, profile.metrics[m]));
    const missing = missingFor(d, stage, profile.metrics);
    lines.push(
      missing.length
        ? t.next(
            stage,
            missing.map((x) => t.needs(x.metric, x.value, x.min)),
          )
        : t.top,
    );
    const support = supportFor(percorsi, stage, d.code);
    if (support) lines.push(t.support(stage, kindsLabel(support.kinds), support.text));
    blocks.push(lines.join('\n'));
  }
  const title = t.title(profile);
  return {
    text: [title, t.intro(week), ...blocks, t.foot].join('\n\n'),
    blocks: [
      { type: 'header', text: title },
      { type: 'context', text: t.intro(week) },
      ...blocks.map((b) => ({ type: 'text' as const, text: b })),
      { type: 'context', text: t.foot },
    ],
  };
}

/** Networks whose stage differs between two profiles, by dimension. */
export function moves(rules: Dimension[], before: NetworkProfile[], after: NetworkProfile[]) {
  const old = new Map(before.map((p) => [p.networkId, p]));
  const out: { networkId: number; code: string; dimension: string; label: string; from: number; to: number }[] = [];
  for (const p of after) {
    const b = old.get(p.networkId);
    if (!b) continue;
    for (const d of rules) {
      if (b.stages[d.code] !== p.stages[d.code])
        out.push({ networkId: p.networkId, code: p.code, dimension: d.code, label: d.label, from: b.stages[d.code]!, to: p.stages[d.code]! });
    }
  }
  return out;
}

const SHOWN = 15;

export async function renderAllMaps(tx: Tx, now: Date): Promise<OutMessage> {
  const rules = await loadRules(tx);
  const week = isoWeek(now);
  const current = await profiles(tx, week, rules);
  const earlier = await profiles(tx, shiftWeek(week, -4), rules);
  const parts: string[] = [];
  for (const d of rules) {
    const lines = [t.all.dimension(d.label)];
    for (let stage = 3; stage >= 0; stage--) {
      const codes = current.filter((p) => p.stages[d.code] === stage).map((p) => p.code);
      if (codes.length) lines.push(t.all.stage(stage, codes.slice(0, SHOWN), codes.length));
    }
    parts.push(lines.join('\n'));
  }
  const moved = moves(rules, earlier, current);
  parts.push(moved.length ? [t.all.moved, ...moved.slice(0, 40).map((m) => t.all.movedLine(m.code, m.label, m.from, m.to))].join('\n') : t.all.noneMoved);
  const title = t.all.title(week, current.length);
  return { text: [title, ...parts].join('\n\n'), blocks: [{ type: 'header', text: title }, ...parts.map((p) => ({ type: 'text' as const, text: p }))] };
}
