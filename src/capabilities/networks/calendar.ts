// The Italian calendar of the check-ins: national public holidays (from date-holidays, Easter
// Monday computed), a network's patron saint's day ("06-24"), working days (Monday to Friday that
// are neither), and when a prompt due on a day off goes out instead: the next working day at the
// same wall-clock time in Europe/Rome.
import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { ZONE } from '../../time.js';

const italy = new Holidays('IT');
const byYear = new Map<number, Map<string, string>>();

/** Public holidays of a year: "2027-03-29" → "Lunedì dell’Angelo". */
function holidaysOf(year: number): Map<string, string> {
  let days = byYear.get(year);
  if (!days) {
    days = new Map();
    for (const h of italy.getHolidays(year)) if (h.type === 'public') days.set(h.date.slice(0, 10), h.name);
    byYear.set(year, days);
  }
  return days;
}

/** The national public holiday on a day ("2027-03-29"), or null. */
export function nationalHoliday(day: string): string | null {
  return holidaysOf(Number(day.slice(0, 4))).get(day) ?? null;
}

/** "06-24": month and day of a patron saint's day; null when it is not a real day of the year. */
export function parsePatronDay(text: string): string | null {
  const m = /^(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  // A leap year, so that 02-29 is accepted (it then falls only in leap years).
  return DateTime.fromObject({ year: 2028, month: Number(m[1]), day: Number(m[2]) }).isValid ? `${m[1]}-${m[2]}` : null;
}

/** Why nobody is prompted on a day for a network: a national holiday or its patron saint's day; null otherwise. */
export function holidayOf(day: string, patronDay: string | null): 'holiday' | 'patron' | null {
  if (nationalHoliday(day)) return 'holiday';
  if (patronDay && monthDay(day) === patronDay) return 'patron';
  return null;
}

/** Monday to Friday, neither a national holiday nor the network's patron saint's day. */
export function isWorkingDay(day: string, patronDay: string | null): boolean {
  return holidayOf(day, patronDay) === null && DateTime.fromISO(day, { zone: ZONE }).weekday <= 5;
}

/** Days looked ahead for a working day (Christmas with a patron's day next to a weekend fits easily). */
const LOOKAHEAD_DAYS = 14;

/**
 * When a prompt due at `at` goes out: at `at`, unless that day is a holiday for the network; then
 * the next working day at the same wall-clock time in Europe/Rome (09:00 stays 09:00 across a
 * change of summer time). The schedule decides the days otherwise: weekends are only skipped when
 * looking for the next working day.
 */
export function nextWorkingTime(at: Date, patronDay: string | null): Date {
  const start = DateTime.fromJSDate(at, { zone: ZONE });
  if (!holidayOf(start.toISODate()!, patronDay)) return at;
  for (let i = 1; i <= LOOKAHEAD_DAYS; i++) {
    const t = start.plus({ days: i });
    if (isWorkingDay(t.toISODate()!, patronDay)) return t.toJSDate();
  }
  return at;
}

/** "2027-03-29" → "03-29", the form patron days are compared in. */
export function monthDay(day: string): string {
  return day.slice(5);
}
