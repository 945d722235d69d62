// Writes data sets as they are read, page by page: xlsx with exceljs' streaming WorkbookWriter (one
// sheet per data set), csv with csv-stringify (one file per data set, UTF-8 with BOM so spreadsheet
// programs read accents). Dates are Europe/Rome wall-clock times.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Cell, DataSet } from './datasets.js';
import { romeTimestamp, romeWallClock } from './period.js';

/** Rows written per data set, by file suffix. */
export type RowCounts = Record<string, number>;

export async function writeXlsx(out: Writable, sets: DataSet[]): Promise<RowCounts> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Reti';
  const counts: RowCounts = {};
  for (const set of sets) {
    const sheet = workbook.addWorksheet(set.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = set.columns.map((c, i) => ({
      header: c.header,
      key: `c${i}`,
      width: c.width,
      ...(c.kind === 'date' ? { style: { numFmt: 'dd/mm/yyyy hh:mm' } } : {}),
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    let n = 0;
    for await (const page of set.pages()) {
      for (const row of page) sheet.addRow(row.map((v) => (v instanceof Date ? romeWallClock(v) : v))).commit();
      n += page.length;
    }
    sheet.commit();
    counts[set.file] = n;
  }
  await workbook.commit();
  return counts;
}

const csvCell = (v: Cell): string | number | null => (v instanceof Date ? romeTimestamp(v) : v);

/** One data set as CSV into `out` (which is ended). Returns the number of rows. */
export async function writeCsv(out: Writable, set: DataSet): Promise<number> {
  const csv = stringify({ bom: true, header: true, columns: set.columns.map((c) => c.header) });
  csv.pipe(out);
  let n = 0;
  for await (const page of set.pages()) {
    for (const row of page) {
      if (!csv.write(row.map(csvCell))) await once(csv, 'drain');
    }
    n += page.length;
  }
  csv.end();
  await finished(out);
  return n;
}
