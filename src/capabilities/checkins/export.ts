// What check-ins contribute to the exports: the answers, one row per network, week and indicator,
// with the typed value, who answered and when. Read 40 networks at a time (a year of one network is about 52 × 11 rows),
// each page as one JSON value (far cheaper to decode than rows), two pages ahead of the writer.
import { Prisma, type Tx } from '../../db/client.js';
import { col, weekMonday, type Cell, type DataSet, type ExportDataset, type ExportQuery } from '../../reports/dataset.js';
import { itCheckinsExport as t } from './report-texts.js';

const NETWORKS_PER_PAGE = 40;
/** Pages of answers read ahead of the one being written. */
const PREFETCH = 2;

/** One answer as the page query returns it (a JSON array per row: far cheaper to decode than rows). */
type AnswerTuple = [
  networkId: number,
  period: string,
  indicatorId: number,
  type: string,
  number: number | null,
  choices: string[] | null,
  text: string | null,
  bool: boolean | null,
  skipped: boolean,
  personId: number,
  platform: string,
  answeredAtMs: number,
  version: number,
];

interface IndicatorInfo {
  code: string;
  labels: Map<string, string>;
}

async function indicatorInfo(tx: Tx): Promise<Map<number, IndicatorInfo>> {
  const rows = await tx.$queryRaw<{ id: number; code: string; options: unknown }[]>`SELECT id, code, options FROM indicator`;
  return new Map(
    rows.map((r) => [
      r.id,
      { code: r.code, labels: new Map((Array.isArray(r.options) ? r.options : []).map((o: { code: string; label: string }) => [o.code, o.label])) },
    ]),
  );
}

function typedValue(a: AnswerTuple, indicator: IndicatorInfo | undefined): Cell {
  const [, , , type, number, choices, text, bool, skipped] = a;
  if (skipped) return null;
  switch (type) {
    case 'integer':
    case 'decimal':
    case 'scale':
      return number;
    case 'yesno':
      return bool === null ? null : bool ? t.yes : t.no;
    case 'choice':
    case 'multi':
      return (choices ?? []).map((c) => indicator?.labels.get(c) ?? c).join('; ');
    default:
      return text;
  }
}

interface NetworkRow {
  id: number;
  code: string;
  name: string;
}

async function* networkPages(tx: Tx, q: ExportQuery): AsyncIterable<NetworkRow[]> {
  let after = '';
  for (;;) {
    const rows = await tx.$queryRaw<NetworkRow[]>`
      SELECT id, code, name FROM network
      WHERE code > ${after} ${q.networkId === null ? Prisma.empty : Prisma.sql`AND id = ${q.networkId}`}
      ORDER BY code LIMIT ${NETWORKS_PER_PAGE}`;
    if (!rows.length) return;
    yield rows;
    after = rows[rows.length - 1]!.code;
  }
}

async function answerPage(tx: Tx, q: ExportQuery, ids: number[]): Promise<AnswerTuple[]> {
  const [row] = await tx.$queryRaw<{ rows: string | null }[]>`
    SELECT json_agg(json_build_array(a.network_id, a.period, a.indicator_id, a.type, a.number_value, a.choice_codes, a.text_value, a.bool_value,
                                     a.skipped, a.person_id, a.platform, (extract(epoch FROM a.answered_at) * 1000)::bigint, s.version)
                    ORDER BY n.code, a.period, i.position, i.id)::text AS rows
    FROM checkin_answer a
    JOIN network n ON n.id = a.network_id
    JOIN indicator i ON i.id = a.indicator_id
    JOIN checkin_submission s ON s.id = a.submission_id
    WHERE a.network_id IN (${Prisma.join(ids)}) AND a.period >= ${q.period.fromWeek} AND a.period <= ${q.period.toWeek}`;
  return row?.rows ? (JSON.parse(row.rows) as AnswerTuple[]) : [];
}

/** Names of the people in `ids` not yet in `names` (tens of thousands of people at most). */
async function loadNames(tx: Tx, names: Map<number, string>, ids: Iterable<number>): Promise<void> {
  const missing = [...new Set(ids)].filter((id) => !names.has(id));
  if (!missing.length) return;
  const rows = await tx.$queryRaw<{ id: number; name: string }[]>`SELECT id, name FROM person WHERE id IN (${Prisma.join(missing)})`;
  for (const r of rows) names.set(r.id, r.name);
}

export function answers(tx: Tx, q: ExportQuery): DataSet {
  return {
    sheet: t.sheet,
    file: 'risposte',
    columns: [
      col(t.columns.network, 'text', 8),
      col(t.columns.networkName, 'text', 28),
      col(t.columns.week, 'text', 10),
      col(t.columns.weekStart, 'text', 12),
      col(t.columns.indicator, 'text', 18),
      col(t.columns.type, 'text', 9),
      col(t.columns.value, 'text', 30),
      col(t.columns.skipped, 'text', 8),
      col(t.columns.answeredBy, 'text', 22),
      col(t.columns.platform, 'text', 10),
      col(t.columns.answeredAt, 'date', 17),
      col(t.columns.version, 'number', 9),
    ],
    async *pages() {
      const indicators = await indicatorInfo(tx);
      const names = new Map<number, string>();
      const mondays = new Map<string, string>();
      const monday = (week: string) => mondays.get(week) ?? mondays.set(week, weekMonday(week)).get(week)!;
      const pages = networkPages(tx, q)[Symbol.asyncIterator]();
      const read = async () => {
        const next = await pages.next();
        if (next.done) return null;
        const rows = await answerPage(
          tx,
          q,
          next.value.map((n) => n.id),
        );
        await loadNames(
          tx,
          names,
          rows.map((a) => a[9]),
        );
        return { networks: next.value, answers: rows };
      };
      // A page read ahead and never awaited (the export stopped) must not become an unhandled rejection.
      const fetch = () => {
        const p = read();
        p.catch(() => {});
        return p;
      };
      // The next pages are read while this one is written (on PostgreSQL the server works meanwhile).
      const ahead = Array.from({ length: PREFETCH }, fetch);
      for (;;) {
        const page = await ahead.shift()!;
        if (!page) return;
        ahead.push(fetch());
        if (!page.answers.length) continue;
        const networks = new Map(page.networks.map((n) => [n.id, n]));
        yield page.answers.map((a) => {
          const network = networks.get(a[0])!;
          const indicator = indicators.get(a[2]);
          return [
            network.code,
            network.name,
            a[1],
            monday(a[1]),
            indicator?.code ?? String(a[2]),
            a[3],
            typedValue(a, indicator),
            a[8] ? t.yes : t.no,
            names.get(a[9]) ?? null,
            a[10],
            new Date(Number(a[11])),
            a[12],
          ];
        });
      }
    },
  };
}

/** Answers in the period (of the network): how large the export will be. */
async function countAnswers(tx: Tx, q: ExportQuery): Promise<number> {
  const network = q.networkId === null ? Prisma.empty : Prisma.sql`AND network_id = ${q.networkId}`;
  const [row] = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM checkin_answer WHERE period >= ${q.period.fromWeek} AND period <= ${q.period.toWeek} ${network}`;
  return row?.n ?? 0;
}

export const answersDataset: ExportDataset = { id: 'risposte', order: 10, build: answers, count: countAnswers };
