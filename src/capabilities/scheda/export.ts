// What the scheda contributes to the exports: every scheda, one row per element (objective of
// change, needs, strategies, specific objectives, roles, flows; as they are now), and the
// objectives' answers of the period, one row per objective and week. A page of networks at a time.
import { Prisma, type Tx } from '../../db/client.js';
import { col, weekMonday, type DataSet, type ExportDataset, type ExportQuery } from '../../reports/dataset.js';
import { FLOW_HOW, FLOW_OFTEN, labelOf, PROGRESS } from './model.js';
import { loadScheda } from './repository.js';
import { itSchedaReports } from './report-texts.js';

const t = itSchedaReports.export;
const PAGE = 200;

async function* networkPages(tx: Tx, q: ExportQuery): AsyncIterable<number[]> {
  let after = 0;
  for (;;) {
    const rows = await tx.$queryRaw<{ id: number }[]>`
      SELECT n.id FROM network n WHERE n.id > ${after} ${q.networkId === null ? Prisma.empty : Prisma.sql`AND n.id = ${q.networkId}`}
        AND (EXISTS (SELECT 1 FROM scheda s WHERE s.network_id = n.id) OR EXISTS (SELECT 1 FROM scheda_strategy s WHERE s.network_id = n.id))
      ORDER BY n.id LIMIT ${PAGE}`;
    if (!rows.length) return;
    yield rows.map((r) => r.id);
    after = rows.at(-1)!.id;
  }
}

export function schede(tx: Tx, q: ExportQuery): DataSet {
  const c = t.columns;
  const e = t.elements;
  return {
    sheet: t.sheets.schede,
    file: 'schede',
    columns: [
      col(c.network, 'text', 8),
      col(c.networkName, 'text', 24),
      col(c.element, 'text', 18),
      col(c.code, 'text', 7),
      col(c.text, 'text', 40),
      col(c.strategy, 'text', 9),
      col(c.target, 'number', 10),
      col(c.unit, 'text', 12),
      col(c.due, 'date', 12),
      col(c.indicator, 'text', 14),
      col(c.detail, 'text', 30),
      col(c.reached, 'date', 17),
    ],
    async *pages() {
      for await (const ids of networkPages(tx, q)) {
        const rows: (string | number | Date | null)[][] = [];
        for (const id of ids) {
          const s = await loadScheda(tx, id);
          const base = [s.code, s.name];
          rows.push([...base, e.objective, null, s.objective || null, null, null, null, null, null, null, null]);
          rows.push([...base, e.needs, null, s.needs || null, null, null, null, null, null, null, null]);
          for (const st of s.strategies) rows.push([...base, e.strategy, `S${st.number}`, st.title, null, null, null, null, null, null, null]);
          for (const o of s.objectives) {
            const last = o.last ? `${labelOf(PROGRESS, o.last.status)} (${o.last.period})` : null;
            rows.push([
              ...base,
              e.specific,
              `O${o.number}`,
              o.what,
              `S${o.strategyNumber}`,
              o.target,
              o.unit || null,
              o.dueOn,
              o.indicatorCode,
              last,
              o.reachedAt,
            ]);
          }
          for (const r of s.roles)
            rows.push([
              ...base,
              e.role,
              `R${r.number}`,
              `${r.who}: ${r.doing}`,
              r.strategyNumber ? `S${r.strategyNumber}` : null,
              null,
              null,
              null,
              null,
              null,
              null,
            ]);
          for (const f of s.flows) {
            rows.push([
              ...base,
              e.flow,
              `F${f.number}`,
              `R${f.fromNumber} → R${f.toNumber}`,
              null,
              null,
              null,
              null,
              null,
              `${labelOf(FLOW_HOW, f.how)}, ${labelOf(FLOW_OFTEN, f.often)}`,
              null,
            ]);
          }
        }
        if (rows.length) yield rows;
      }
    },
  };
}

export function progress(tx: Tx, q: ExportQuery): DataSet {
  const c = t.columns;
  return {
    sheet: t.sheets.progress,
    file: 'obiettivi',
    columns: [
      col(c.week, 'text', 10),
      col(c.weekStart, 'text', 11),
      col(c.network, 'text', 8),
      col(c.objective, 'text', 7),
      col(c.text, 'text', 36),
      col(c.target, 'number', 10),
      col(c.due, 'date', 12),
      col(c.status, 'text', 14),
      col(c.note, 'text', 36),
      col(c.by, 'text', 20),
      col(c.at, 'date', 17),
    ],
    async *pages() {
      let after = 0;
      for (;;) {
        const rows = await tx.$queryRaw<
          {
            id: number;
            period: string;
            code: string;
            number: number;
            what: string;
            target: number | null;
            due_on: Date;
            status: string;
            note: string;
            name: string | null;
            at: Date;
          }[]
        >`
          SELECT p.id, p.period, n.code, o.number, o.what, o.target, o.due_on, p.status, p.note, pe.name, p.at
          FROM objective_progress p JOIN scheda_objective o ON o.id = p.objective_id JOIN network n ON n.id = p.network_id
            LEFT JOIN person pe ON pe.id = p.person_id
          WHERE p.id > ${after} AND p.period >= ${q.period.fromWeek} AND p.period <= ${q.period.toWeek}
            ${q.networkId === null ? Prisma.empty : Prisma.sql`AND p.network_id = ${q.networkId}`}
          ORDER BY p.id LIMIT 1000`;
        if (!rows.length) return;
        after = rows.at(-1)!.id;
        yield rows.map((r) => [
          r.period,
          weekMonday(r.period),
          r.code,
          `O${r.number}`,
          r.what,
          r.target,
          r.due_on,
          labelOf(PROGRESS, r.status),
          r.note || null,
          r.name,
          r.at,
        ]);
      }
    },
  };
}

export const schedeDataset: ExportDataset = { id: 'schede', order: 50, build: schede };
export const progressDataset: ExportDataset = { id: 'obiettivi', order: 51, build: progress };
export const schedaExportDatasets = [schedeDataset, progressDataset];
