// What a page handler receives: the database, who is looking, the query string, and what the
// listed capabilities bring (which of them exist, network facets and panels).
import type { Response } from 'express';
import type { Db } from '../../../db/client.js';
import type { NetworkFacet, NetworkPanel } from '../../../reports/network-page.js';
import type { ExportDataset } from '../../../reports/dataset.js';
import type { PageContext } from '../pages/context.js';

export interface Installed {
  checkins: boolean;
  labs: boolean;
  legami: boolean;
  exports: boolean;
}

export interface PageRequest {
  db: Db;
  ctx: PageContext;
  query: Record<string, unknown>;
  params: Record<string, string>;
  installed: Installed;
  facets: NetworkFacet[];
  panels: NetworkPanel[];
  exportDatasets: ExportDataset[];
  /** For pages that answer with a file (the export) instead of a page. */
  res: Response;
}

/** A query-string value as one trimmed string (the first when repeated), or undefined. */
export function param(query: Record<string, unknown>, name: string): string | undefined {
  const raw = query[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed.slice(0, 200);
}

/** A whole number within bounds, else the default (and `bad` is set). */
export function intParam(query: Record<string, unknown>, name: string, min: number, max: number, fallback: number): { value: number; bad: boolean } {
  const text = param(query, name);
  if (text === undefined) return { value: fallback, bad: false };
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) return { value: fallback, bad: true };
  return { value: n, bad: false };
}
