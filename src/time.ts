// Dates as people read them: Europe/Rome, Italian ("lun 3 febbraio, 17:30").
import { DateTime } from 'luxon';

export const ZONE = 'Europe/Rome';

function rome(d: Date): DateTime {
  return DateTime.fromJSDate(d, { zone: ZONE }).setLocale('it');
}

/** "lun 3 febbraio, 17:30" */
export function formatDateTime(d: Date): string {
  return rome(d).toFormat('ccc d LLLL, HH:mm');
}

/** "lun 3 febbraio" */
export function formatDate(d: Date): string {
  return rome(d).toFormat('ccc d LLLL');
}

/** "gio 12 marzo, 14:30–17:00" (the end's date is shown when it falls on another day). */
export function formatRange(start: Date, end: Date): string {
  const s = rome(start);
  const e = rome(end);
  return s.hasSame(e, 'day') ? `${formatDateTime(start)}–${e.toFormat('HH:mm')}` : `${formatDateTime(start)} – ${formatDateTime(end)}`;
}

/** ISO week of the instant in Europe/Rome, e.g. "2026-W48". */
export function isoWeek(d: Date): string {
  const r = rome(d);
  return `${r.weekYear}-W${String(r.weekNumber).padStart(2, '0')}`;
}

/** Monday 00:00 Europe/Rome of an ISO week ("2026-W48"). */
export function weekStart(week: string): Date {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) throw new Error(`not an ISO week: ${week}`);
  return DateTime.fromObject({ weekYear: Number(m[1]), weekNumber: Number(m[2]), weekday: 1 }, { zone: ZONE }).toJSDate();
}

/** The ISO week n weeks after (or before, n < 0) the given one. */
export function shiftWeek(week: string, n: number): string {
  return isoWeek(DateTime.fromJSDate(weekStart(week)).plus({ weeks: n, hours: 12 }).toJSDate());
}

/** "24–30 novembre 2026" for a week label in digests. */
export function formatWeek(week: string): string {
  const s = DateTime.fromJSDate(weekStart(week), { zone: ZONE }).setLocale('it');
  const e = s.plus({ days: 6 });
  return s.month === e.month ? `${s.day}–${e.toFormat('d LLLL yyyy')}` : `${s.toFormat('d LLLL')} – ${e.toFormat('d LLLL yyyy')}`;
}

/** Parses an Italian date/time typed by a person ("12/03/2027 14:30", "2027-03-12 14:30") in Europe/Rome. */
export function parseItalianDateTime(input: string): Date | null {
  const text = input
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/\s*(ore|alle)\s*/i, ' ');
  const formats = ['d/M/yyyy H:mm', 'd/M/yyyy H.mm', 'd-M-yyyy H:mm', 'yyyy-MM-dd H:mm', "yyyy-MM-dd'T'HH:mm", 'd/M/yy H:mm', 'd/M/yyyy'];
  for (const f of formats) {
    const dt = DateTime.fromFormat(text, f, { zone: ZONE, locale: 'it' });
    if (dt.isValid) return dt.toJSDate();
  }
  return null;
}

/** Why a date typed in the right shape does not exist ("31/02/2027 10:00"), or null. */
export type ImpossibleDate =
  { reason: 'day'; typed: string; monthName: string; year: number; days: number } | { reason: 'month'; typed: string } | { reason: 'time'; typed: string };

export function impossibleDate(input: string): ImpossibleDate | null {
  const text = input.trim();
  const m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})\b|^(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(text);
  if (!m) return null;
  const [day, month, yearRaw] = m[1] ? [Number(m[1]), Number(m[2]), Number(m[3])] : [Number(m[6]), Number(m[5]), Number(m[4])];
  const year = yearRaw < 100 ? 2000 + yearRaw : yearRaw;
  const typed = m[0];
  if (month < 1 || month > 12) return { reason: 'month', typed };
  const first = DateTime.fromObject({ year, month, day: 1 }, { zone: ZONE }).setLocale('it');
  const days = first.daysInMonth ?? 31;
  if (day < 1 || day > days) return { reason: 'day', typed, monthName: first.toFormat('LLLL'), year, days };
  const time = /(\d{1,2})[:.](\d{2})\s*$/.exec(text.slice(typed.length));
  if (time && (Number(time[1]) > 23 || Number(time[2]) > 59)) return { reason: 'time', typed: `${time[1]}:${time[2]}` };
  return null;
}
