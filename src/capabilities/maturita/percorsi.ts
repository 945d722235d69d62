// Percorsi: for each stage (of one dimension, or of every one), the support ANCI offers — one or
// more of the seven kinds of contribution, with a text — set by the coordinators (/maturita
// percorso, or the `maturita:` section's `percorsi:`).
import type { Tx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { findKind, SUPPORT_KINDS } from '../richieste/kinds.js';
import { STAGES } from './rules.js';
import { itMaturita as t } from './texts.js';

export const MAX_PERCORSO_TEXT = 500;

export interface PercorsoRow {
  stage: string;
  dimension: string;
  kinds: string[];
  text: string;
}

export function kindsLabel(kinds: string[]): string {
  return kinds.map((k) => SUPPORT_KINDS.find((x) => x.code === k)?.label ?? k).join(', ');
}

/** Kind codes from what was typed ("formazione, cabina"): every one must be one of the seven. */
export function parseKinds(typed: string[]): string[] {
  const kinds = typed.map((w) => SUPPORT_KINDS.find((k) => k.code === w)?.code ?? findKind(w)?.code);
  if (!kinds.length || kinds.some((k) => !k)) throw new AppError('invalid_input', t.percorso.badKinds(SUPPORT_KINDS.map((k) => k.code)));
  return [...new Set(kinds as string[])];
}

export function parseStage(typed: string): number {
  const norm = typed.toLowerCase().replace('à', 'a');
  const i = STAGES.findIndex((s) => s === norm);
  if (i < 0) throw new AppError('invalid_input', t.percorso.badStage);
  return i;
}

export async function setPercorso(tx: Tx, now: Date, row: PercorsoRow): Promise<boolean> {
  if (row.text.length > MAX_PERCORSO_TEXT) throw new AppError('invalid_input', t.percorso.textTooLong);
  const current = await tx.percorso.findUnique({ where: { stage_dimension: { stage: row.stage, dimension: row.dimension } } });
  if (current && current.text === row.text && current.kinds.join() === row.kinds.join()) return false;
  await tx.percorso.upsert({
    where: { stage_dimension: { stage: row.stage, dimension: row.dimension } },
    create: { ...row, updatedAt: now },
    update: { kinds: row.kinds, text: row.text, updatedAt: now },
  });
  return true;
}

export async function listPercorsi(tx: Tx): Promise<PercorsoRow[]> {
  const rows = await tx.percorso.findMany({ orderBy: [{ stage: 'asc' }, { dimension: 'asc' }] });
  return rows
    .map((r) => ({ stage: r.stage, dimension: r.dimension, kinds: r.kinds, text: r.text }))
    .sort((a, b) => STAGES.indexOf(a.stage as never) - STAGES.indexOf(b.stage as never) || a.dimension.localeCompare(b.dimension));
}

/** The support for a dimension at a stage: its own percorso, else the stage's general one. */
export function supportFor(percorsi: PercorsoRow[], stage: number, dimension: string): PercorsoRow | null {
  const s = STAGES[stage]!;
  return percorsi.find((p) => p.stage === s && p.dimension === dimension) ?? percorsi.find((p) => p.stage === s && p.dimension === '') ?? null;
}
