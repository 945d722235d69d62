// The indicator catalogue as the check-in asks it: the active indicators a network answers (all
// of them, or those restricted to it), in order, as form fields. The fields are snapshotted into
// the conversation when it starts, so a catalogue change mid-week never breaks a check-in in progress.
import type { Tx } from '../../db/client.js';
import type { FieldSpec } from '../../conversation/form.js';
import { installDefaultIndicators } from './defaults.js';

export const indicatorTypes = ['integer', 'decimal', 'scale', 'yesno', 'choice', 'multi', 'text'] as const;
export type IndicatorType = (typeof indicatorTypes)[number];

export interface IndicatorOption {
  code: string;
  label: string;
  labelEn?: string;
}

/**
 * The highest maximum an indicator may be given in `indicators:` (without one, a count stops at
 * DEFAULT_NUMBER_MAX, 100.000): the digest's sums across every network stay far from any overflow.
 */
export const MAX_CONFIGURABLE = 1_000_000_000;

/** An answer this many times above the network's highest so far is asked again («Confermi …?»). */
export const PLAUSIBLE_FACTOR = 10;
/** …unless it is below this (from 2 to 30 partners is a week, not a typo). */
export const PLAUSIBLE_FLOOR = 100;

/** Longest free-text answer (obstacles, good practice). */
export const TEXT_MAX_LENGTH = 2000;

interface IndicatorRow {
  code: string;
  questionIt: string;
  type: string;
  min: number | null;
  max: number | null;
  options: unknown;
  required: boolean;
  help: string;
}

export function toField(row: IndicatorRow): FieldSpec {
  const options = Array.isArray(row.options) ? (row.options as IndicatorOption[]).map((o) => ({ code: o.code, label: o.label })) : [];
  return {
    key: row.code,
    label: row.questionIt,
    type: row.type as IndicatorType,
    required: row.required,
    ...(row.help ? { help: row.help } : {}),
    ...(row.min !== null ? { min: row.min } : {}),
    ...(row.max !== null ? { max: row.max } : {}),
    ...(options.length ? { options } : {}),
    ...(row.type === 'text' ? { maxLength: TEXT_MAX_LENGTH } : {}),
  };
}

/** The questions a network answers this week, in order. */
export async function fieldsFor(tx: Tx, networkId: number): Promise<FieldSpec[]> {
  const load = () =>
    tx.indicator.findMany({
      where: { active: true, OR: [{ networks: { none: {} } }, { networks: { some: { networkId } } }] },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
    });
  let rows = await load();
  // A database that never went through the service's start-up (tests, a bare CLI): install now.
  if (rows.length === 0 && (await installDefaultIndicators(tx)) > 0) rows = await load();
  return rows.map(toField);
}
