// What an export is made of: data sets (a sheet in xlsx, a file in csv) whose rows are read from the
// database in pages, never all at once — answers.ts (check-ins), lab-sheets.ts (laboratori).
import type { ExportPeriod } from './period.js';

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
