// A Digest → one platform-neutral message: sections with headers, one line per fact. Long digests
// are split per platform by the outbox (src/platform/split.ts) at block and line boundaries; here
// lines are packed into text blocks that never cut an item (an obstacle stays whole), so a split
// falls between items.
import { itDigest as t } from './texts.js';
import type { Block, OutMessage } from '../../platform/port.js';
import { formatChange, formatNumber, indicatorLabel, sparkline } from './format.js';
import { isEmptyDigest, type Digest, type IndicatorTrend, type SilentNetwork } from './model.js';

/** Characters per text block: well under Slack's 3,000 per section, even after escaping. */
const BLOCK_CHARS = 2000;
/** Network codes per line in lists of silent networks. */
const CODES_PER_LINE = 12;

/** Lines packed into as few text blocks as fit, each line whole. */
export function packLines(lines: string[], max = BLOCK_CHARS): Block[] {
  const blocks: Block[] = [];
  let current = '';
  for (const line of lines) {
    if (current && current.length + 1 + line.length > max) {
      blocks.push({ type: 'text', text: current });
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) blocks.push({ type: 'text', text: current });
  return blocks;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function silentLines(silent: SilentNetwork[]): string[] {
  const lines: string[] = [];
  for (const weeks of [1, 2, 3]) {
    const group = silent.filter((s) => (weeks === 3 ? s.weeks >= 3 : s.weeks === weeks));
    if (!group.length) continue;
    lines.push(t.response.silentHeading(weeks, group.length));
    const labels = group.map((s) => (weeks === 3 ? t.response.silentLong(s.code, s.weeks) : s.code));
    for (const part of chunk(labels, CODES_PER_LINE)) lines.push(`  ${part.join(', ')}`);
  }
  return lines;
}

/** How a value is written: counts whole, averages with one decimal, decimal quantities up to one. */
function kindOf(i: IndicatorTrend, single: boolean): 'count' | 'average' | 'any' {
  if (i.type === 'decimal') return 'any';
  return i.aggregate === 'avg' && !single ? 'average' : 'count';
}

function indicatorLine(i: IndicatorTrend, single: boolean): string {
  const label = indicatorLabel(i.code);
  const spark = sparkline(i.series);
  const current = i.series[i.series.length - 1] ?? null;
  const previous = i.series[i.series.length - 2] ?? null;
  if (current === null) return t.indicators.noValue(label, spark);
  const kind = kindOf(i, single);
  const shown = formatNumber(current, kind);
  const value = single ? shown : i.aggregate === 'avg' ? t.indicators.average(shown) : t.indicators.total(shown);
  const change = previous === null ? null : formatChange(current, previous, kind);
  return t.indicators.line(label, value, change, spark, single ? null : i.networks);
}

function section(header: string, body: Block[], note?: string): Block[] {
  if (!body.length) return [];
  return [{ type: 'header', text: header }, ...body, ...(note ? [{ type: 'context' as const, text: note }] : [])];
}

function responseBlocks(d: Digest): Block[] {
  const r = d.response;
  if (!r) return [];
  if (d.network) {
    const mine = r.silent[0];
    const text =
      r.expected === 0 ? t.response.networkNoRound : r.answered ? t.response.networkAnswered(r.late > 0) : t.response.networkSilent(mine?.weeks ?? 1);
    return [{ type: 'text', text }];
  }
  const blocks: Block[] = [{ type: 'text', text: t.response.summary(r.answered, r.expected, r.onTime, r.late) }];
  blocks.push(...packLines(silentLines(r.silent)));
  if (r.expected > 0) blocks.push({ type: 'context', text: t.response.lateNote });
  return blocks;
}

function saidBlocks(d: Digest): Block[] {
  const blocks: Block[] = [];
  if (d.obstacles.length) {
    blocks.push({ type: 'header', text: t.said.obstacles }, ...packLines(d.obstacles.map((o) => t.said.obstacle(o.network.code, o.text))));
  }
  if (d.support.length) {
    blocks.push({ type: 'header', text: t.said.support }, ...packLines(d.support.map((s) => t.said.supportLine(s.label, s.count, s.networks))));
  }
  if (d.practices.length) {
    const lines = d.practices.map(
      (p) => t.said.practice(p.network.code, p.title, t.said.practiceStatus[p.status] ?? p.status) + (d.network ? t.said.practiceThemes(p.themes) : ''),
    );
    blocks.push({ type: 'header', text: d.network ? t.said.otherPractices : t.said.practices }, ...packLines(lines));
  }
  return blocks;
}

function labBlocks(d: Digest): Block[] {
  const lines: string[] = [];
  if (d.labs.length) {
    lines.push(t.labs.upcoming);
    for (const l of d.labs) lines.push(t.labs.line(l.startsAt, l.endsAt, l.title, l.theme, l.confirmed, l.capacity, l.waiting));
  } else if (d.network || d.feedback.length) {
    lines.push(t.labs.none);
  }
  if (d.feedback.length) {
    lines.push(t.labs.feedback);
    for (const f of d.feedback) lines.push(t.labs.feedbackLine(f.title, f.startsAt, formatNumber(f.average, 'average'), f.responses, f.participants));
  }
  return section(t.labs.header, packLines(lines));
}

function legamiBlocks(d: Digest): Block[] {
  const l = d.legami;
  if (!l || (l.introductions === 0 && l.introductionsTrend === 0 && l.met + l.notYet + l.notInterested === 0)) return [];
  return section(t.legami.header, [
    { type: 'text', text: `${t.legami.week(l.introductions, l.met, l.notYet, l.notInterested)}\n${t.legami.trend(l.introductionsTrend, l.metTrend)}` },
  ]);
}

export function renderDigest(d: Digest): OutMessage {
  const title = d.network ? t.networkTitle(d.network.code, d.week) : t.title(d.week);
  if (isEmptyDigest(d)) return { text: d.network ? t.emptyNetwork(d.network.code, d.week) : t.empty(d.week) };
  const single = d.network !== null;
  const indicatorLines = d.indicators.filter((i) => i.series.some((v) => v !== null)).map((i) => indicatorLine(i, single));
  const blocks: Block[] = [
    { type: 'header', text: title },
    { type: 'context', text: t.generated(d.week, d.generatedAt) },
    ...section(t.response.header, responseBlocks(d)),
    ...section(t.indicators.header, packLines(indicatorLines), single ? t.indicators.networkNote : t.indicators.note),
    ...section(
      t.outliers.header,
      packLines(
        d.outliers.map((o) => t.outliers.line(o.network.code, o.network.name, indicatorLabel(o.indicator), formatNumber(o.value), formatNumber(o.usual))),
      ),
      t.outliers.note,
    ),
    ...saidBlocks(d),
    ...labBlocks(d),
    ...legamiBlocks(d),
  ];
  return { text: title, blocks };
}
