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
import type { Cell, DataSet } from './datasets.js';
import { romeTimestamp } from './period.js';

/** Rows written per data set, by file suffix. */
export type RowCounts = Record<string, number>;

/** Data rows per sheet: xlsx allows 1,048,576 rows; a longer data set continues in "Nome (2)". */
export const MAX_SHEET_ROWS = 1_000_000;

const cellValue = (v: Cell): string | number | null => (v instanceof Date ? romeTimestamp(v) : v);

export async function writeXlsx(out: Writable, sets: DataSet[], maxRows = MAX_SHEET_ROWS): Promise<RowCounts> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
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
    }
    sheet.commit();
    counts[set.file] = n;
  }
  await workbook.commit();
  return counts;
}

/** One data set as CSV into `out` (which is ended). Returns the number of rows. */
export async function writeCsv(out: Writable, set: DataSet): Promise<number> {
  const csv = stringify({ bom: true, header: true, columns: set.columns.map((c) => c.header) });
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
