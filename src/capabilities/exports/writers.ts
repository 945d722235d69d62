// Writes data sets as they are read, page by page: xlsx with exceljs' streaming WorkbookWriter (one
// sheet per data set), csv with csv-stringify (one file per data set, UTF-8 with BOM so spreadsheet
// programs read accents). Times are Europe/Rome, written "2026-11-24 10:15" (sortable text) in both:
// exceljs' styles (needed for date cells) cost two to three times the writing time per row, and a
// year of 2,000 networks is over a million rows. Numbers stay numbers.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Cell, DataSet } from '../../reports/dataset.js';
import { romeTimestamp } from './period.js';

/** Rows written per data set, by file suffix. */
export type RowCounts = Record<string, number>;

/** Data rows per sheet: xlsx allows 1,048,576 rows; a longer data set continues in "Nome (2)". */
export const MAX_SHEET_ROWS = 1_000_000;

/** Sheet XML waiting to be compressed before the writer waits for the zip to catch up. */
const MAX_PENDING_BYTES = 8 * 1024 * 1024;

/**
 * Back-pressure exceljs does not apply: a sheet's rows are handed to the zip entry (archiver) at
 * once, and deflate runs slower than rows are made, so a year of answers would sit in memory as
 * XML. After each page, wait until the entry's buffer is under MAX_PENDING_BYTES. Reads exceljs
 * 4.4's internals (the sheet's StreamBuf and its pipes), pinned in package.json; without them it
 * does nothing.
 */
async function zipCaughtUp(sheet: ExcelJS.Worksheet): Promise<void> {
  const pipes = (sheet as unknown as { stream?: { pipes?: Writable[] } }).stream?.pipes ?? [];
  for (const entry of pipes) {
    const pending = () => (entry as unknown as { _writableState?: { length: number } })._writableState?.length ?? 0;
    while (pending() > MAX_PENDING_BYTES) await once(entry, 'drain');
  }
}

const cellValue = (v: Cell): string | number | null => (v instanceof Date ? romeTimestamp(v) : v);

export async function writeXlsx(out: Writable, sets: DataSet[], maxRows = MAX_SHEET_ROWS): Promise<RowCounts> {
  // zlib level 1: deflate is what limits a large export (rows wait for it, see zipCaughtUp).
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false, zip: { zlib: { level: 1 } } });
  workbook.creator = 'Reti';
  const counts: RowCounts = {};
  for (const set of sets) {
    let part = 0;
    let sheet: ExcelJS.Worksheet | null = null;
    let inSheet = 0;
    const open = () => {
      sheet?.commit();
      part += 1;
      const s = workbook.addWorksheet(part === 1 ? set.sheet : `${set.sheet} (${part})`, { views: [{ state: 'frozen', ySplit: 1 }] });
      s.columns = set.columns.map((c) => ({ header: c.header, width: c.width }));
      s.getRow(1).commit();
      inSheet = 0;
      return s;
    };
    sheet = open();
    let n = 0;
    for await (const page of set.pages()) {
      for (const row of page) {
        if (inSheet === maxRows) sheet = open();
        sheet.addRow(row.map(cellValue)).commit();
        inSheet += 1;
      }
      n += page.length;
      await zipCaughtUp(sheet);
    }
    sheet.commit();
    counts[set.file] = n;
  }
  await workbook.commit();
  return counts;
}

/** One data set as CSV into `out` (which is ended). Returns the number of rows. */
export async function writeCsv(out: Writable, set: DataSet): Promise<number> {
  // escape_formulas: a cell starting with = + - @ tab or CR gets a leading ' (text in any spreadsheet).
  const csv = stringify({ bom: true, header: true, escape_formulas: true, columns: set.columns.map((c) => c.header) });
  csv.pipe(out);
  let n = 0;
  for await (const page of set.pages()) {
    for (const row of page) {
      if (!csv.write(row.map(cellValue))) await once(csv, 'drain');
    }
    n += page.length;
  }
  csv.end();
  await finished(out);
  return n;
}
