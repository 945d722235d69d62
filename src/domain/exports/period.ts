// The period of an export: from one ISO week to another (inclusive), typed as a date
// ("2026-01-31", "31/01/2026") or as a week ("2026-W05").
import { DateTime } from 'luxon';
import { ZONE, isoWeek, shiftWeek, weekStart } from '../../time.js';

export interface ExportPeriod {
  fromWeek: string;
  toWeek: string;
  /** Monday 00:00 of the first week, Monday 00:00 after the last one (Europe/Rome). */
  from: Date;
  to: Date;
}

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

/** "2026-11-24 10:15" in Europe/Rome: sortable and readable, for CSV. */
export function romeTimestamp(d: Date): string {
  return DateTime.fromJSDate(d, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm');
}

/** The Europe/Rome wall-clock time as a UTC Date: spreadsheets have no time zones, people read Rome time. */
export function romeWallClock(d: Date): Date {
  const r = DateTime.fromJSDate(d, { zone: ZONE });
  return new Date(Date.UTC(r.year, r.month - 1, r.day, r.hour, r.minute, r.second));
}

/** The Monday of an ISO week as "2026-11-23". */
export function weekMonday(week: string): string {
  return DateTime.fromJSDate(weekStart(week), { zone: ZONE }).toISODate()!;
}
