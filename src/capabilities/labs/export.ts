// What the laboratori contribute to the exports: the sign-ups and the feedback of the sessions that started in the period
// (with --network, those of the network's members), read 50 sessions at a time.
import { Prisma, type Tx } from '../../db/client.js';
import { col, type DataSet, type ExportDataset, type ExportQuery } from '../../reports/dataset.js';
import { itLabsExport as t } from './report-texts.js';

const LABS_PER_PAGE = 50;

async function* labPages(tx: Tx, q: ExportQuery): AsyncIterable<number[]> {
  let after: { startsAt: Date; id: number } | null = null;
  for (;;) {
    const rows: { id: number; starts_at: Date }[] = await tx.$queryRaw`
      SELECT id, starts_at FROM lab
      WHERE starts_at >= ${q.period.from} AND starts_at < ${q.period.to}
        ${after ? Prisma.sql`AND (starts_at, id) > (${after.startsAt}, ${after.id})` : Prisma.empty}
      ORDER BY starts_at, id LIMIT ${LABS_PER_PAGE}`;
    if (!rows.length) return;
    yield rows.map((r) => r.id);
    const last = rows[rows.length - 1]!;
    after = { startsAt: last.starts_at, id: last.id };
  }
}

const memberOf = (q: ExportQuery) =>
  q.networkId === null ? Prisma.empty : Prisma.sql`AND EXISTS (SELECT 1 FROM membership m WHERE m.person_id = p.id AND m.network_id = ${q.networkId})`;

const networksOf = Prisma.sql`(SELECT string_agg(n.code, ', ' ORDER BY n.code) FROM membership m JOIN network n ON n.id = m.network_id WHERE m.person_id = p.id)`;

export function signups(tx: Tx, q: ExportQuery): DataSet {
  return {
    sheet: t.sheets.signups,
    file: 'iscrizioni',
    columns: [
      col(t.columns.lab, 'text', 30),
      col(t.columns.theme, 'text', 16),
      col(t.columns.labStart, 'date', 17),
      col(t.columns.person, 'text', 22),
      col(t.columns.networks, 'text', 12),
      col(t.columns.status, 'text', 16),
      col(t.columns.position, 'number', 9),
      col(t.columns.platform, 'text', 10),
      col(t.columns.signedUpAt, 'date', 17),
      col(t.columns.withdrawnAt, 'date', 17),
    ],
    async *pages() {
      for await (const ids of labPages(tx, q)) {
        const rows = await tx.$queryRaw<
          {
            title: string;
            theme: string;
            starts_at: Date;
            person: string;
            networks: string | null;
            status: string;
            position: number;
            platform: string;
            created_at: Date;
            withdrawn_at: Date | null;
          }[]
        >`
          SELECT l.title, l.theme, l.starts_at, p.name AS person, ${networksOf} AS networks, s.status, s.position, s.platform, s.created_at, s.withdrawn_at
          FROM lab_signup s JOIN lab l ON l.id = s.lab_id JOIN person p ON p.id = s.person_id
          WHERE s.lab_id IN (${Prisma.join(ids)}) ${memberOf(q)}
          ORDER BY l.starts_at, l.id, s.position, s.id`;
        if (rows.length)
          yield rows.map((r) => [
            r.title,
            r.theme,
            r.starts_at,
            r.person,
            r.networks,
            t.signupStatus[r.status] ?? r.status,
            r.position,
            r.platform,
            r.created_at,
            r.withdrawn_at,
          ]);
      }
    },
  };
}

export function feedback(tx: Tx, q: ExportQuery): DataSet {
  return {
    sheet: t.sheets.feedback,
    file: 'gradimento',
    columns: [
      col(t.columns.lab, 'text', 30),
      col(t.columns.theme, 'text', 16),
      col(t.columns.labStart, 'date', 17),
      col(t.columns.person, 'text', 22),
      col(t.columns.networks, 'text', 12),
      col(t.columns.rating, 'number', 8),
      col(t.columns.comment, 'text', 40),
      col(t.columns.givenAt, 'date', 17),
    ],
    async *pages() {
      for await (const ids of labPages(tx, q)) {
        const rows = await tx.$queryRaw<
          { title: string; theme: string; starts_at: Date; person: string; networks: string | null; rating: number; comment: string; created_at: Date }[]
        >`
          SELECT l.title, l.theme, l.starts_at, p.name AS person, ${networksOf} AS networks, f.rating, f.comment, f.created_at
          FROM lab_feedback f JOIN lab l ON l.id = f.lab_id JOIN person p ON p.id = f.person_id
          WHERE f.lab_id IN (${Prisma.join(ids)}) ${memberOf(q)}
          ORDER BY l.starts_at, l.id, f.created_at, f.id`;
        if (rows.length) yield rows.map((r) => [r.title, r.theme, r.starts_at, r.person, r.networks, r.rating, r.comment || null, r.created_at]);
      }
    },
  };
}

export const signupsDataset: ExportDataset = { id: 'iscrizioni', order: 20, build: signups };
export const feedbackDataset: ExportDataset = { id: 'gradimento', order: 30, build: feedback };
