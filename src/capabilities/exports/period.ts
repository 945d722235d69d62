// The period of an export: from one ISO week to another (inclusive), typed as a date
// ("2026-01-31", "31/01/2026") or as a week ("2026-W05").
import { DateTime } from 'luxon';
import { ZONE, isoWeek, shiftWeek, weekStart } from '../../time.js';

import type { ExportPeriod } from '../../reports/dataset.js';

export type { ExportPeriod };

/** The ISO week of a typed date or week, or null when it cannot be read. */
export function parseWeekOrDate(text: string): string | null {
  const t = text.trim();
  const week = /^(\d{4})-?W(\d{1,2})$/i.exec(t);
  if (week) {
    const w = `${week[1]}-W${week[2]!.padStart(2, '0')}`;
    try {
      return isoWeek(weekStart(w)) === w ? w : null;
    } catch {
      return null;
    }
  }
  for (const format of ['yyyy-MM-dd', 'd/M/yyyy', 'd-M-yyyy', 'd.M.yyyy']) {
    const dt = DateTime.fromFormat(t, format, { zone: ZONE });
    if (dt.isValid) return isoWeek(dt.set({ hour: 12 }).toJSDate());
  }
  return null;
}

export function periodOf(fromWeek: string, toWeek: string): ExportPeriod {
  return { fromWeek, toWeek, from: weekStart(fromWeek), to: weekStart(shiftWeek(toWeek, 1)) };
}

/** Default: the last 52 weeks, the current one included. */
export function defaultPeriod(now: Date): ExportPeriod {
  const current = isoWeek(now);
  return periodOf(shiftWeek(current, -51), current);
}

const HOUR = 3_600_000;
/** Europe/Rome's UTC offset changes only on the hour: one luxon lookup per hour, then arithmetic. */
const offsets = new Map<number, number>();
function romeOffsetMs(ms: number): number {
  const hour = Math.floor(ms / HOUR);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    offset = DateTime.fromMillis(hour * HOUR, { zone: ZONE }).offset * 60_000;
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** "2026-11-24 10:15" in Europe/Rome: sortable and readable, in CSV and xlsx alike. */
export function romeTimestamp(d: Date | number): string {
  const ms = typeof d === 'number' ? d : d.getTime();
  const r = new Date(ms + romeOffsetMs(ms));
  return `${r.getUTCFullYear()}-${pad(r.getUTCMonth() + 1)}-${pad(r.getUTCDate())} ${pad(r.getUTCHours())}:${pad(r.getUTCMinutes())}`;
}
