// The check-ins' part of the coordinators' digest image: the responses of the last weeks (on time,
// late, silent) and the two indicators that moved most. Drawn by src/charts, the same code as the
// cruscotto's charts; each chart says in words what it shows.
import { responseColors } from '../../charts/palette.js';
import type { ChartSpec } from '../../charts/spec.js';
import type { IndicatorTrend, Response } from './digest-queries.js';
import { itCheckinsDigest as t } from './report-texts.js';

const short = (week: string) => week.slice(5);

export function responseChart(r: Response): ChartSpec {
  const first = r.trend[0]!;
  const last = r.trend[r.trend.length - 1]!;
  return {
    kind: 'bar',
    stacked: true,
    title: t.charts.responsesTitle(r.trend.length),
    summary: t.charts.responsesSummary(last.week, last.onTime + last.late, last.expected, first.week, first.onTime + first.late, first.expected),
    categories: r.trend.map((w) => short(w.week)),
    series: [
      { name: t.charts.onTime, values: r.trend.map((w) => w.onTime), color: responseColors.onTime },
      { name: t.charts.late, values: r.trend.map((w) => w.late), color: responseColors.late },
      { name: t.charts.silent, values: r.trend.map((w) => w.expected - w.onTime - w.late), color: responseColors.silent },
    ],
    min: 0,
  };
}

/**
 * How far an indicator moved: its last value against the mean of the weeks before, relative to that
 * mean (so counts and 1–5 scales compare). Indicators without a value this week and one before do not move.
 */
export function movement(i: IndicatorTrend): number {
  const last = i.series[i.series.length - 1];
  const before = i.series.slice(0, -1).filter((v): v is number => v !== null);
  if (last === null || last === undefined || !before.length) return 0;
  const mean = before.reduce((s, v) => s + v, 0) / before.length;
  return Math.abs(last - mean) / Math.max(Math.abs(mean), 1);
}

export function movedMost(trends: IndicatorTrend[], n = 2): IndicatorTrend[] {
  return trends
    .map((i) => ({ i, m: movement(i) }))
    .filter((x) => x.m > 0)
    .sort((a, b) => b.m - a.m)
    .slice(0, n)
    .map((x) => x.i);
}

export function indicatorChart(i: IndicatorTrend, weeks: string[], label: string): ChartSpec {
  const last = i.series[i.series.length - 1] ?? null;
  const before = i.series.slice(0, -1).filter((v): v is number => v !== null);
  const mean = before.length ? before.reduce((s, v) => s + v, 0) / before.length : null;
  return {
    kind: 'line',
    title: t.charts.indicatorTitle(label, i.aggregate),
    summary: t.charts.indicatorSummary(label, i.aggregate, last, mean, weeks.length - 1),
    categories: weeks.map(short),
    series: [{ name: t.charts.indicatorSeries(i.aggregate), values: i.series }],
    ...(i.type === 'scale' ? { min: 1, max: 5 } : { min: 0 }),
  };
}
