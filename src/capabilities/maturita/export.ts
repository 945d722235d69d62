// The maturity history in the exports: one row per network, week and dimension of the period
// (maturity_week, written by the weekly job), with the figures the rule read.
import { Prisma, type Tx } from '../../db/client.js';
import { col, weekMonday, type DataSet, type ExportDataset, type ExportQuery } from '../../reports/dataset.js';
import { DIMENSIONS, metricsOf, type Metric } from './rules.js';

const metricOrder = (dimension: string, metric: string) => {
  const d = DIMENSIONS.find((x) => x.code === dimension);
  return d ? metricsOf(d).indexOf(metric as Metric) : 0;
};
import { itMaturitaReports } from './report-texts.js';
import { figure, stageName } from './texts.js';

const t = itMaturitaReports.export;

export function history(tx: Tx, q: ExportQuery): DataSet {
  const c = t.columns;
  return {
    sheet: t.sheet,
    file: 'maturita',
    columns: [
      col(c.week, 'text', 10),
      col(c.weekStart, 'text', 11),
      col(c.network, 'text', 8),
      col(c.networkName, 'text', 24),
      col(c.dimension, 'text', 30),
      col(c.stage, 'text', 16),
      col(c.level, 'number', 8),
      col(c.figures, 'text', 60),
    ],
    async *pages() {
      let after = { week: '', networkId: 0 };
      for (;;) {
        const keys = await tx.$queryRaw<{ week: string; network_id: number }[]>`
          SELECT DISTINCT week, network_id FROM maturity_week
          WHERE week >= ${q.period.fromWeek} AND week <= ${q.period.toWeek} AND (week, network_id) > (${after.week}, ${after.networkId})
            ${q.networkId === null ? Prisma.empty : Prisma.sql`AND network_id = ${q.networkId}`}
          ORDER BY week, network_id LIMIT 300`;
        if (!keys.length) return;
        const last = keys.at(-1)!;
        const rows = await tx.$queryRaw<{ week: string; code: string; name: string; dimension: string; stage: number; metrics: Record<string, number> }[]>`
          SELECT m.week, n.code, n.name, m.dimension, m.stage, m.metrics
          FROM maturity_week m JOIN network n ON n.id = m.network_id
          WHERE (m.week, m.network_id) > (${after.week}, ${after.networkId}) AND (m.week, m.network_id) <= (${last.week}, ${last.network_id})
            AND m.week >= ${q.period.fromWeek} ${q.networkId === null ? Prisma.empty : Prisma.sql`AND m.network_id = ${q.networkId}`}
          ORDER BY m.week, n.code, m.dimension`;
        after = { week: last.week, networkId: last.network_id };
        const order = (d: string) => DIMENSIONS.findIndex((x) => x.code === d);
        rows.sort((a, b) => a.week.localeCompare(b.week) || a.code.localeCompare(b.code) || order(a.dimension) - order(b.dimension));
        yield rows.map((r) => [
          r.week,
          weekMonday(r.week),
          r.code,
          r.name,
          DIMENSIONS.find((d) => d.code === r.dimension)?.label ?? r.dimension,
          stageName(r.stage),
          r.stage + 1,
          // In the rule's order (jsonb keeps its own).
          Object.entries(r.metrics)
            .sort(([a], [b]) => metricOrder(r.dimension, a) - metricOrder(r.dimension, b))
            .map(([k, v]) => `${k}=${figure(v)}`)
            .join('; '),
        ]);
      }
    },
  };
}

export const maturityDataset: ExportDataset = { id: 'maturita', order: 52, build: history };
