// The numeric indicators over the weeks, in one aggregation: per indicator and week, the total
// (counts and decimals summed, scales averaged) over the networks in scope, and — when a network is
// chosen — its own value and the median of the others.
import { Prisma, type Tx } from '../../../db/client.js';
import { narrows, scopeSql, type NetworkScope } from './scope.js';

export const NUMERIC_TYPES = ['integer', 'decimal', 'scale'];

export interface IndicatorInfo {
  id: number;
  code: string;
  question: string;
  type: 'integer' | 'decimal' | 'scale';
  min: number | null;
  max: number | null;
}

export interface IndicatorSeries extends IndicatorInfo {
  /** Sum (counts, decimals) or mean (scales) over the networks in scope, per week; null: no answer. */
  total: (number | null)[];
  /** Networks that answered, per week. */
  answered: number[];
  /** The chosen network's value per week. */
  mine: (number | null)[];
  /** Median of the other networks per week (null when too few answered to say without naming one). */
  median: (number | null)[];
}

/** Active numeric indicators, in the check-in's order. */
export async function numericIndicators(tx: Tx): Promise<IndicatorInfo[]> {
  return tx.$queryRaw<IndicatorInfo[]>`
    SELECT id, code, question_it AS question, type, min, max FROM indicator
    WHERE active AND type IN (${Prisma.join(NUMERIC_TYPES)}) ORDER BY position, id`;
}

interface Row {
  code: string;
  period: string;
  value: number;
  /** Networks in scope that gave this value. */
  n: number;
  /** Peers of the chosen network (not itself) that gave this value. */
  peers: number;
  /** The chosen network gave this value. */
  mine: boolean;
}

/** Results of the aggregation, kept while the answers of those weeks do not change (see fingerprint). */
const cache = new Map<string, { fingerprint: string; series: IndicatorSeries[] }>();
const CACHE_SIZE = 200;

/** Changes whenever an answer of the weeks is given, edited or removed (one index range on the submissions). */
async function fingerprint(tx: Tx, weeks: string[]): Promise<string> {
  const [row] = await tx.$queryRaw<{ n: number; last: Date | null; top: number | null }[]>`
    SELECT count(*)::int AS n, max(updated_at) AS last, max(id) AS top FROM checkin_submission WHERE period IN (${Prisma.join(weeks)})`;
  return `${row?.n}:${row?.last?.getTime()}:${row?.top}`;
}

/**
 * Per indicator and week. `compare`: the network to compare, the peers its median is taken over
 * (a referent compares with every other network) and the least number of peers for a median to be
 * shown. One pass over the answers, grouped by value: totals, means and exact medians come from
 * these counts (answers are small whole numbers and scales: a few values per week), so nothing is
 * sorted per network.
 */
export async function indicatorSeries(
  tx: Tx,
  weeks: string[],
  scope: NetworkScope,
  compare?: { networkId: number; peers: NetworkScope; minPeers: number },
): Promise<IndicatorSeries[]> {
  const indicators = await numericIndicators(tx);
  if (!indicators.length || !weeks.length) return [];
  const key = JSON.stringify([weeks, scope, compare ?? null, indicators]);
  const print = await fingerprint(tx, weeks);
  const hit = cache.get(key);
  if (hit?.fingerprint === print) return structuredClone(hit.series);

  const join = narrows(scope) || (compare && narrows(compare.peers)) ? Prisma.sql`JOIN network n ON n.id = a.network_id` : Prisma.empty;
  const inScope = narrows(scope) ? Prisma.sql`(TRUE ${scopeSql(scope)})` : Prisma.sql`TRUE`;
  const inPeers = compare ? (narrows(compare.peers) ? Prisma.sql`(TRUE ${scopeSql(compare.peers)})` : Prisma.sql`TRUE`) : Prisma.sql`FALSE`;
  const chosen = compare?.networkId ?? -1;
  // A skipped answer has no value: number_value IS NOT NULL is the whole condition (index-only scan).
  const rows = await tx.$queryRaw<Row[]>`
    SELECT a.indicator_code AS code, a.period, a.number_value AS value,
           count(*) FILTER (WHERE ${inScope})::int AS n,
           count(*) FILTER (WHERE a.network_id <> ${chosen} AND ${inPeers})::int AS peers,
           bool_or(a.network_id = ${chosen}) AS mine
    FROM checkin_answer a ${join}
    WHERE a.period IN (${Prisma.join(weeks)}) AND a.indicator_code IN (${Prisma.join(indicators.map((i) => i.code))})
      AND a.number_value IS NOT NULL
      ${compare || !narrows(scope) ? Prisma.empty : scopeSql(scope)}
    GROUP BY a.indicator_code, a.period, a.number_value`;
  const index = new Map(weeks.map((w, i) => [w, i]));
  const cells = new Map<string, Row[]>();
  for (const r of rows) {
    const k = `${r.code} ${r.period}`;
    cells.set(k, [...(cells.get(k) ?? []), r]);
  }
  const series = indicators.map((info) => {
    const s: IndicatorSeries = {
      ...info,
      total: weeks.map(() => null),
      answered: weeks.map(() => 0),
      mine: weeks.map(() => null),
      median: weeks.map(() => null),
    };
    for (const week of weeks) {
      const w = index.get(week)!;
      const values = (cells.get(`${info.code} ${week}`) ?? []).sort((a, b) => a.value - b.value);
      const answered = values.reduce((sum, r) => sum + r.n, 0);
      const total = values.reduce((sum, r) => sum + r.value * r.n, 0);
      s.answered[w] = answered;
      s.total[w] = answered ? round(info.type === 'scale' ? total / answered : total) : null;
      const mine = values.find((r) => r.mine);
      s.mine[w] = mine ? round(mine.value) : null;
      const peers = values.reduce((sum, r) => sum + r.peers, 0);
      if (compare && peers >= compare.minPeers && peers > 0) s.median[w] = round(median(values.map((r) => [r.value, r.peers])));
    }
    return s;
  });
  cache.set(key, { fingerprint: print, series: structuredClone(series) });
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return series;
}

/** The median of a histogram (value, count), sorted by value: the middle value, or the mean of the two middle ones. */
export function median(histogram: [number, number][]): number {
  const n = histogram.reduce((sum, [, count]) => sum + count, 0);
  const at = (k: number) => {
    let seen = 0;
    for (const [value, count] of histogram) {
      seen += count;
      if (seen > k) return value;
    }
    return histogram.at(-1)![0];
  };
  return n % 2 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
