// The export contract: each capability contributes data sets (a sheet in xlsx, a file in csv) whose
// rows are read from the database in pages, never all at once. The exports capability writes every
// listed capability's data sets; one that is not listed has no sheet.
import { DateTime } from 'luxon';
import type { Tx } from '../db/client.js';
import { ZONE, weekStart } from '../time.js';

export interface ExportPeriod {
  fromWeek: string;
  toWeek: string;
  /** Monday 00:00 of the first week, Monday 00:00 after the last one (Europe/Rome). */
  from: Date;
  to: Date;
}

export type Cell = string | number | Date | null;

export interface Column {
  header: string;
  kind: 'text' | 'number' | 'date';
  width: number;
}

export interface DataSet {
  /** Sheet name (xlsx) and file suffix (csv). */
  sheet: string;
  file: string;
  columns: Column[];
  pages(): AsyncIterable<Cell[][]>;
}

export interface ExportQuery {
  period: ExportPeriod;
  /** Restrict to one network (its answers, and laboratori sign-ups of its members). */
  networkId: number | null;
}

export const col = (header: string, kind: Column['kind'] = 'text', width = 14): Column => ({ header, kind, width });

export interface ExportDataset {
  /** Unique across capabilities; also the csv file suffix ("risposte"). */
  id: string;
  /** Sheet order, lower first. */
  order: number;
  build(tx: Tx, query: ExportQuery): DataSet;
  /** How many rows it will have, for data sets that can be large (a chat export is refused early). */
  count?(tx: Tx, query: ExportQuery): Promise<number>;
}

/** The Monday of an ISO week as "2026-11-23" (a column of data sets by week). */
export function weekMonday(week: string): string {
  return DateTime.fromJSDate(weekStart(week), { zone: ZONE }).toISODate()!;
}
