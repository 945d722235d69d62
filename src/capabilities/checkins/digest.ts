// What check-ins contribute to the digests: who answered (on time, late, silent), the indicators'
// trends, the networks far from their usual values, the obstacles and the support requested.
// Coordinators read them for every network; a network reads its own.
import { defineDigestSection, type DigestView } from '../../reports/digest-section.js';
import { packLines, section } from '../../reports/blocks.js';
import { formatChange, formatNumber, sparkline } from '../../reports/format.js';
import type { Block } from '../../platform/port.js';
import { indicatorTrends, obstacles, outliers, response, support, type IndicatorTrend, type SilentNetwork } from './digest-queries.js';
import { itCheckinsDigest as t } from './report-texts.js';
import { indicatorChart, movedMost, responseChart } from './digest-charts.js';

/** Network codes per line in lists of silent networks. */
const CODES_PER_LINE = 12;

/** Indicator codes read as words: "partner_attivi" → "partner attivi". */
export function indicatorLabel(code: string): string {
  return code.replace(/_/g, ' ');
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

export const responseSection = defineDigestSection({
  id: 'checkins.response',
  order: 10,
  audience: 'both',
  build: (tx, { scope }) => response(tx, scope),
  isEmpty: (r) => r.answered === 0 && r.silent.length === 0 && r.paused.length === 0,
  render(r, view: DigestView): Block[] {
    if (view.network) {
      const mine = r.silent[0];
      const text = r.paused.length
        ? t.response.networkPaused
        : r.expected === 0
          ? t.response.networkNoRound
          : r.answered
            ? t.response.networkAnswered(r.late > 0)
            : t.response.networkSilent(mine?.weeks ?? 1);
      return section(t.response.header, [{ type: 'text', text }]);
    }
    const blocks: Block[] = [{ type: 'text', text: t.response.summary(r.answered, r.expected, r.onTime, r.late) }];
    blocks.push(...packLines(silentLines(r.silent)));
    if (r.paused.length) {
      blocks.push(
        ...packLines([
          t.response.pausedHeading(r.paused.length),
          ...chunk(
            r.paused.map((p) => p.code),
            CODES_PER_LINE,
          ).map((part) => `  ${part.join(', ')}`),
        ]),
      );
    }
    if (r.expected > 0) blocks.push({ type: 'context', text: t.response.lateNote });
    return section(t.response.header, blocks);
  },
  // The coordinators' digest image: the responses of the last weeks.
  charts: (r, view) => (view.network || !r.trend.some((w) => w.expected > 0) ? [] : [responseChart(r)]),
});

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

const answeredSome = (i: IndicatorTrend) => i.series.some((v) => v !== null);

export const indicatorsSection = defineDigestSection({
  id: 'checkins.indicators',
  order: 20,
  audience: 'both',
  build: (tx, { scope }) => indicatorTrends(tx, scope),
  isEmpty: (trends) => !trends.some(answeredSome),
  render(trends, view) {
    const single = view.network !== null;
    const lines = trends.filter(answeredSome).map((i) => indicatorLine(i, single));
    return section(t.indicators.header, packLines(lines), single ? t.indicators.networkNote : t.indicators.note);
  },
  // The coordinators' digest image: the two indicators that moved most.
  charts: (trends, view) => (view.network ? [] : movedMost(trends).map((i) => indicatorChart(i, view.scope.trend, indicatorLabel(i.code)))),
});

export const outliersSection = defineDigestSection({
  id: 'checkins.outliers',
  order: 30,
  audience: 'both',
  build: (tx, { scope }) => outliers(tx, scope),
  isEmpty: (lines) => lines.length === 0,
  render: (lines) =>
    section(
      t.outliers.header,
      packLines(lines.map((o) => t.outliers.line(o.network.code, o.network.name, indicatorLabel(o.indicator), formatNumber(o.value), formatNumber(o.usual)))),
      t.outliers.note,
    ),
});

export const obstaclesSection = defineDigestSection({
  id: 'checkins.obstacles',
  order: 40,
  audience: 'both',
  // Written answers reach a network's channels only when its referent chose to share them.
  build: (tx, { scope, network }) => obstacles(tx, scope, network !== null),
  isEmpty: (lines) => lines.length === 0,
  render: (lines) => section(t.obstacles.header, packLines(lines.map((o) => t.obstacles.line(o.network.code, o.text)))),
});

export const supportSection = defineDigestSection({
  id: 'checkins.support',
  order: 50,
  audience: 'both',
  build: (tx, { scope }) => support(tx, scope),
  isEmpty: (lines) => lines.length === 0,
  render: (lines) => section(t.support.header, packLines(lines.map((s) => t.support.line(s.label, s.count, s.networks)))),
});

export const checkinsDigestSections = [responseSection, indicatorsSection, outliersSection, obstaclesSection, supportSection];
