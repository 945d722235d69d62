import '../i18n/zod-it.js';
// Loads a YAML configuration (networks, people, roles, partners, and the sections capabilities
// add) in one transaction. Idempotent: a row is written only when it differs, so a second run
// changes nothing. An invalid file is refused with the line and field at fault, and nothing
// is written.
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import { z } from 'zod';
import type { Db, Tx } from '../db/client.js';
import type { Clock } from '../clock.js';

export interface ImportStats {
  created: number;
  updated: number;
  unchanged: number;
  /** What the import took away or changed that the file no longer says (roles), one line each. */
  changes?: string[];
}

export interface SectionContext {
  tx: Tx;
  clock: Clock;
  /** The whole (validated) document, for cross-references between sections. */
  doc: Record<string, unknown>;
  stats: Record<string, ImportStats>;
  count(section: string, outcome: 'created' | 'updated' | 'unchanged', n?: number): void;
  /** Records a change worth reading in the report (a role taken away). */
  change(section: string, line: string): void;
  /** Fails the import naming the path at fault (it is turned into a line number). */
  fail(path: (string | number)[], message: string): never;
}

export interface ConfigSection<T = unknown> {
  /** Top-level key in the YAML file. */
  key: string;
  schema: z.ZodType<T>;
  /** Sections are applied in ascending order (networks before people before partners…). */
  order: number;
  apply(ctx: SectionContext, value: T): Promise<void>;
}

export class ConfigImportError extends Error {
  override name = 'ConfigImportError';
  constructor(
    message: string,
    readonly line?: number,
    readonly field?: string,
  ) {
    super(message);
  }
}

class SectionFailure extends Error {
  constructor(
    readonly path: (string | number)[],
    message: string,
  ) {
    super(message);
  }
}

function lineOf(doc: ReturnType<typeof parseDocument>, counter: LineCounter, path: (string | number)[]): number | undefined {
  for (let i = path.length; i >= 0; i--) {
    const node = doc.getIn(path.slice(0, i), true) as Node | undefined;
    if (node && typeof node === 'object' && 'range' in node && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

function describe(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Parses and validates; throws ConfigImportError with line and field. */
export function parseConfig(
  text: string,
  sections: ConfigSection<any>[],
): { data: Record<string, unknown>; locate(path: (string | number)[]): ConfigImportError['line'] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const line = counter.linePos(e.pos[0]).line;
    throw new ConfigImportError(`YAML non valido${line ? ` alla riga ${line}` : ''}: ${e.message.split('\n')[0]}`, line);
  }
  const root = doc.contents;
  if (root !== null && !isMap(root)) {
    throw new ConfigImportError('Il file deve contenere sezioni come networks:, people:, partners:', 1);
  }
  const raw = (doc.toJS() ?? {}) as Record<string, unknown>;
  const data: Record<string, unknown> = {};
  for (const pair of isMap(root) ? root.items : []) {
    const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
    if (key === 'timezone' || sections.some((s) => s.key === key)) continue;
    const range = (pair.key as Node | null)?.range;
    const line = range ? counter.linePos(range[0]).line : undefined;
    throw new ConfigImportError(
      `Sezione sconosciuta «${key}» alla riga ${line}. Sezioni previste: ${['timezone', ...sections.map((s) => s.key)].join(', ')}`,
      line,
      key,
    );
  }
  if (raw.timezone !== undefined && raw.timezone !== 'Europe/Rome') {
    const line = lineOf(doc, counter, ['timezone']);
    throw new ConfigImportError(`timezone alla riga ${line}: Reti lavora nel fuso Europe/Rome`, line, 'timezone');
  }
  for (const section of sections) {
    if (raw[section.key] === undefined || raw[section.key] === null) continue;
    if (!isSeq(doc.get(section.key, true)) && section.schema instanceof z.ZodArray) {
      const line = lineOf(doc, counter, [section.key]);
      throw new ConfigImportError(`${section.key} alla riga ${line}: deve essere un elenco (righe che iniziano con «- »)`, line, section.key);
    }
    const parsed = section.schema.safeParse(raw[section.key]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const path = [section.key, ...(issue.path as (string | number)[])];
      const line = lineOf(doc, counter, path);
      throw new ConfigImportError(`${describe(path)}${line ? ` (riga ${line})` : ''}: ${issue.message}`, line, describe(path));
    }
    data[section.key] = parsed.data;
  }
  return { data, locate: (path) => lineOf(doc, counter, path) };
}

/** Imports a YAML configuration with the sections the listed capabilities contribute (sorted by order). */
export async function importConfig(db: Db, clock: Clock, text: string, sections: ConfigSection<any>[]): Promise<Record<string, ImportStats>> {
  const { data, locate } = parseConfig(text, sections);
  const stats: Record<string, ImportStats> = {};
  try {
    await db.$transaction(
      async (tx) => {
        const ctx: SectionContext = {
          tx,
          clock,
          doc: data,
          stats,
          count(section, outcome, n = 1) {
            stats[section] ??= { created: 0, updated: 0, unchanged: 0 };
            stats[section][outcome] += n;
          },
          change(section, line) {
            stats[section] ??= { created: 0, updated: 0, unchanged: 0 };
            (stats[section].changes ??= []).push(line);
          },
          fail(path, message) {
            throw new SectionFailure(path, message);
          },
        };
        for (const section of [...sections].sort((a, b) => a.order - b.order)) {
          if (data[section.key] !== undefined) await section.apply(ctx, data[section.key]);
        }
      },
      { timeout: 120_000, maxWait: 60_000 },
    );
  } catch (err) {
    if (err instanceof SectionFailure) {
      const line = locate(err.path);
      throw new ConfigImportError(`${describe(err.path)}${line ? ` (riga ${line})` : ''}: ${err.message}`, line, describe(err.path));
    }
    throw err;
  }
  return stats;
}

export function formatStats(stats: Record<string, ImportStats>): string {
  const parts = Object.entries(stats).map(([k, s]) => `${k}: ${s.created} nuovi, ${s.updated} aggiornati, ${s.unchanged} invariati`);
  const changes = Object.values(stats).flatMap((s) => s.changes ?? []);
  return (parts.length ? parts.join('; ') : 'nessun dato') + changes.map((c) => `\n- ${c}`).join('');
}
