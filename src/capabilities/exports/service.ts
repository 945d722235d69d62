// Exports for the programme's reporting: to files (CLI) or to attachments sent in chat (/esporta),
// one sheet (xlsx) or file (csv) per data set the listed capabilities contribute, in order.
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import type { Tx } from '../../db/client.js';
import type { Attachment } from '../../platform/port.js';
import type { DataSet, ExportDataset, ExportQuery } from '../../reports/dataset.js';
import { writeCsv, writeXlsx, type RowCounts } from './writers.js';

export type ExportFormat = 'xlsx' | 'csv';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv';

/** `datasets` in order (Contributions.exportDatasets already is). */
export function dataSets(tx: Tx, datasets: ExportDataset[], q: ExportQuery): DataSet[] {
  return datasets.map((d) => d.build(tx, q));
}

/** "reti-2026-W01_2026-W52-BG01" */
export function baseName(q: ExportQuery, networkCode: string | null): string {
  return `reti-${q.period.fromWeek}_${q.period.toWeek}${networkCode ? `-${networkCode}` : ''}`;
}

export interface ExportResult {
  files: string[];
  rows: RowCounts;
}

/** Writes the export under `out` (a file for xlsx, a folder for csv; default: the current folder). */
export async function exportToFiles(
  tx: Tx,
  datasets: ExportDataset[],
  q: ExportQuery,
  format: ExportFormat,
  networkCode: string | null,
  out?: string,
): Promise<ExportResult> {
  const sets = dataSets(tx, datasets, q);
  const name = baseName(q, networkCode);
  const isDir = (p: string) => p.endsWith('/') || (existsSync(p) && statSync(p).isDirectory());
  if (format === 'xlsx') {
    const file = !out ? `${name}.xlsx` : isDir(out) ? path.join(out, `${name}.xlsx`) : out;
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const stream = createWriteStream(file);
    const done = new Promise<void>((resolve, reject) => stream.on('finish', resolve).on('error', reject));
    const rows = await writeXlsx(stream, sets);
    await done;
    return { files: [file], rows };
  }
  const dir = out ?? '.';
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const rows: RowCounts = {};
  for (const set of sets) {
    const file = path.join(dir, `${name}-${set.file}.csv`);
    rows[set.file] = await writeCsv(createWriteStream(file), set);
    files.push(file);
  }
  return { files, rows };
}

export class ExportTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(`export of ${bytes} bytes`);
  }
}

/** Files sent in chat stay well under Telegram's 50 MB for bots (and travel base64 in the outbox). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Rows above which a chat export is refused before it is built (about 60 bytes each in xlsx). */
export const MAX_CHAT_ROWS = 200_000;
const BYTES_PER_ROW = 60;

/** Collects a written file in memory; past `limit` bytes it only counts (and `buffer` throws). */
function collect(limit: number): { stream: Writable; buffer(): Buffer } {
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => {
    size += c.length;
    if (size <= limit) chunks.push(c);
  });
  return {
    stream,
    buffer: () => {
      if (size > limit) throw new ExportTooLargeError(size);
      return Buffer.concat(chunks);
    },
  };
}

/** The rows of the data sets that can be large (they say how many they will have). */
async function checkChatSize(tx: Tx, datasets: ExportDataset[], q: ExportQuery, limit: number): Promise<void> {
  const counts = await Promise.all(datasets.map((d) => d.count?.(tx, q) ?? 0));
  const rows = counts.reduce((a, b) => a + b, 0);
  if (rows > MAX_CHAT_ROWS || rows * BYTES_PER_ROW > limit) throw new ExportTooLargeError(rows * BYTES_PER_ROW);
}

/** The export as attachments (one xlsx, or one csv per data set), with the rows written. */
export async function exportAttachments(
  tx: Tx,
  datasets: ExportDataset[],
  q: ExportQuery,
  format: ExportFormat,
  networkCode: string | null,
  limit = MAX_ATTACHMENT_BYTES,
): Promise<{ attachments: Attachment[]; rows: RowCounts }> {
  await checkChatSize(tx, datasets, q, limit);
  const sets = dataSets(tx, datasets, q);
  const name = baseName(q, networkCode);
  if (format === 'xlsx') {
    const sink = collect(limit);
    const rows = await writeXlsx(sink.stream, sets);
    return { attachments: [{ filename: `${name}.xlsx`, mimeType: XLSX_MIME, base64: sink.buffer().toString('base64') }], rows };
  }
  const attachments: Attachment[] = [];
  const rows: RowCounts = {};
  for (const set of sets) {
    const sink = collect(limit);
    rows[set.file] = await writeCsv(sink.stream, set);
    attachments.push({ filename: `${name}-${set.file}.csv`, mimeType: CSV_MIME, base64: sink.buffer().toString('base64') });
  }
  return { attachments, rows };
}

/** /esporta's exports, over the data sets the listed capabilities contribute (the CLI, which has no services, passes them itself). */
export interface Exports {
  attachments(
    tx: Tx,
    q: ExportQuery,
    format: ExportFormat,
    networkCode: string | null,
    limit?: number,
  ): Promise<{ attachments: Attachment[]; rows: RowCounts }>;
}

export function createExports(datasets: ExportDataset[]): Exports {
  return { attachments: (tx, q, format, networkCode, limit) => exportAttachments(tx, datasets, q, format, networkCode, limit) };
}
