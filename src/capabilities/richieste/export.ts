// What requests and meetings contribute to the exports: the requests with a change in the period
// (their opening included), every change of those requests in the period (who, when, from which
// state to which), and the meetings that started in the period with their answers and note.
// Read by id, a page at a time; with --network, only that network's.
import { Prisma, type Tx } from '../../db/client.js';
import { col, type DataSet, type ExportDataset, type ExportQuery } from '../../reports/dataset.js';
import { kindLabel } from './kinds.js';
import { itRichiesteReports } from './report-texts.js';
import { stateLabel } from './texts.js';

const t = itRichiesteReports.export;
const PAGE = 500;

const network = (q: ExportQuery, column: string) => (q.networkId === null ? Prisma.empty : Prisma.sql`AND ${Prisma.raw(column)} = ${q.networkId}`);

/** Pages of rows by ascending id: `query(after)` returns the next page. */
async function* byId<R extends { id: number }>(query: (after: number) => Promise<R[]>): AsyncIterable<R[]> {
  let after = 0;
  for (;;) {
    const rows = await query(after);
    if (!rows.length) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
  }
}

interface RequestRow {
  id: number;
  code: string;
  name: string;
  kind: string;
  state: string;
  need: string;
  due_by: Date | null;
  source: string;
  period: string | null;
  opened_by: string | null;
  opened_at: Date;
  assignee: string | null;
  taken_at: Date | null;
  done_at: Date | null;
  closed_at: Date | null;
  close_reason: string;
}

export function requests(tx: Tx, q: ExportQuery): DataSet {
  return {
    sheet: t.sheets.requests,
    file: 'richieste',
    columns: [
      col(t.columns.id, 'number', 6),
      col(t.columns.network, 'text', 8),
      col(t.columns.networkName, 'text', 24),
      col(t.columns.kind, 'text', 30),
      col(t.columns.state, 'text', 14),
      col(t.columns.need, 'text', 40),
      col(t.columns.dueBy, 'date', 12),
      col(t.columns.source, 'text', 10),
      col(t.columns.period, 'text', 10),
      col(t.columns.openedBy, 'text', 20),
      col(t.columns.openedAt, 'date', 17),
      col(t.columns.assignee, 'text', 20),
      col(t.columns.takenAt, 'date', 17),
      col(t.columns.doneAt, 'date', 17),
      col(t.columns.closedAt, 'date', 17),
      col(t.columns.closeReason, 'text', 30),
    ],
    async *pages() {
      for await (const rows of byId(
        (after) =>
          tx.$queryRaw<RequestRow[]>`
          SELECT r.id, n.code, n.name, r.kind, r.state, r.need, r.due_by, r.source, r.period, o.name AS opened_by, r.opened_at,
                 a.name AS assignee, r.taken_at, r.done_at, r.closed_at, r.close_reason
          FROM support_request r JOIN network n ON n.id = r.network_id
            LEFT JOIN person o ON o.id = r.opened_by_id LEFT JOIN person a ON a.id = r.assignee_id
          WHERE r.id > ${after} ${network(q, 'r.network_id')}
            AND EXISTS (SELECT 1 FROM support_request_event e WHERE e.request_id = r.id AND e.at >= ${q.period.from} AND e.at < ${q.period.to})
          ORDER BY r.id LIMIT ${PAGE}`,
      )) {
        yield rows.map((r) => [
          r.id,
          r.code,
          r.name,
          kindLabel(r.kind),
          stateLabel(r.state),
          r.need || null,
          r.due_by,
          t.source[r.source] ?? r.source,
          r.period,
          r.opened_by,
          r.opened_at,
          r.assignee,
          r.taken_at,
          r.done_at,
          r.closed_at,
          r.close_reason || null,
        ]);
      }
    },
  };
}

interface ChangeRow {
  id: number;
  request_id: number;
  code: string;
  kind: string;
  at: Date;
  person: string | null;
  event: string;
  from_state: string | null;
  to_state: string | null;
  note: string;
}

export function changes(tx: Tx, q: ExportQuery): DataSet {
  return {
    sheet: t.sheets.changes,
    file: 'richieste-storia',
    columns: [
      col(t.columns.id, 'number', 6),
      col(t.columns.network, 'text', 8),
      col(t.columns.kind, 'text', 30),
      col(t.columns.at, 'date', 17),
      col(t.columns.who, 'text', 20),
      col(t.columns.event, 'text', 14),
      col(t.columns.from, 'text', 14),
      col(t.columns.to, 'text', 14),
      col(t.columns.note, 'text', 40),
    ],
    async *pages() {
      for await (const rows of byId(
        (after) =>
          tx.$queryRaw<ChangeRow[]>`
          SELECT e.id, e.request_id, n.code, r.kind, e.at, p.name AS person, e.kind AS event, e.from_state, e.to_state, e.note
          FROM support_request_event e JOIN support_request r ON r.id = e.request_id JOIN network n ON n.id = r.network_id
            LEFT JOIN person p ON p.id = e.person_id
          WHERE e.id > ${after} AND e.at >= ${q.period.from} AND e.at < ${q.period.to} ${network(q, 'r.network_id')}
          ORDER BY e.id LIMIT ${PAGE}`,
      )) {
        yield rows.map((r) => [
          r.request_id,
          r.code,
          kindLabel(r.kind),
          r.at,
          r.person,
          t.events[r.event] ?? r.event,
          r.from_state ? stateLabel(r.from_state) : null,
          r.to_state ? stateLabel(r.to_state) : null,
          r.note || null,
        ]);
      }
    },
  };
}

interface MeetingRow {
  id: number;
  code: string;
  name: string;
  starts_at: Date;
  ends_at: Date;
  place: string;
  online_url: string;
  anci: string;
  agenda: string;
  status: string;
  request_id: number | null;
  yes: number;
  no: number;
  none: number;
  decisions: string | null;
  next_steps: string;
  note_by: string | null;
  note_at: Date | null;
}

export function meetings(tx: Tx, q: ExportQuery): DataSet {
  return {
    sheet: t.sheets.meetings,
    file: 'incontri',
    columns: [
      col(t.columns.meeting, 'number', 6),
      col(t.columns.network, 'text', 8),
      col(t.columns.networkName, 'text', 24),
      col(t.columns.startsAt, 'date', 17),
      col(t.columns.endsAt, 'date', 17),
      col(t.columns.place, 'text', 24),
      col(t.columns.link, 'text', 24),
      col(t.columns.anci, 'text', 24),
      col(t.columns.agenda, 'text', 40),
      col(t.columns.meetingState, 'text', 12),
      col(t.columns.request, 'number', 9),
      col(t.columns.yes, 'number', 9),
      col(t.columns.no, 'number', 9),
      col(t.columns.none, 'number', 9),
      col(t.columns.decisions, 'text', 40),
      col(t.columns.nextSteps, 'text', 40),
      col(t.columns.noteBy, 'text', 20),
      col(t.columns.noteAt, 'date', 17),
    ],
    async *pages() {
      for await (const rows of byId(
        (after) =>
          tx.$queryRaw<MeetingRow[]>`
          SELECT m.id, n.code, n.name, m.starts_at, m.ends_at, m.place, m.online_url, m.anci, m.agenda, m.status, m.request_id,
                 count(i.person_id) FILTER (WHERE i.role = 'referente' AND i.answer = 'si')::int AS yes,
                 count(i.person_id) FILTER (WHERE i.role = 'referente' AND i.answer = 'no')::int AS no,
                 count(i.person_id) FILTER (WHERE i.role = 'referente' AND i.answer IS NULL)::int AS none,
                 m.decisions, m.next_steps, p.name AS note_by, m.note_at
          FROM meeting m JOIN network n ON n.id = m.network_id
            LEFT JOIN meeting_invite i ON i.meeting_id = m.id LEFT JOIN person p ON p.id = m.note_by_id
          WHERE m.id > ${after} AND m.starts_at >= ${q.period.from} AND m.starts_at < ${q.period.to} ${network(q, 'm.network_id')}
          GROUP BY m.id, n.code, n.name, p.name
          ORDER BY m.id LIMIT ${PAGE}`,
      )) {
        yield rows.map((r) => [
          r.id,
          r.code,
          r.name,
          r.starts_at,
          r.ends_at,
          r.place || null,
          r.online_url || null,
          r.anci,
          r.agenda,
          t.meetingStatus[r.status] ?? r.status,
          r.request_id,
          r.yes,
          r.no,
          r.none,
          r.decisions,
          r.next_steps || null,
          r.note_by,
          r.note_at,
        ]);
      }
    },
  };
}

export const requestsDataset: ExportDataset = { id: 'richieste', order: 40, build: requests };
export const changesDataset: ExportDataset = { id: 'richieste-storia', order: 41, build: changes };
export const meetingsDataset: ExportDataset = { id: 'incontri', order: 42, build: meetings };
export const richiesteExportDatasets = [requestsDataset, changesDataset, meetingsDataset];
