// Periods of the weekly check-in: ISO weeks and days in Europe/Rome, and when a round closes
// (by default when the next one opens, i.e. at the opening job's next run in the following week).
import cron from 'node-cron';
import { DateTime } from 'luxon';
import { ZONE, isoWeek, shiftWeek, weekStart } from '../../time.js';

/** Default schedules (Europe/Rome); SCHEDULE_CHECKIN_OPEN / SCHEDULE_CHECKIN_REMIND override them. */
export const OPEN_CRON = '0 9 * * 1';
export const REMIND_CRON = '0 10 * * 3,5';
/** The prompts a holiday moved: every working day at the opening's time (SCHEDULE_CHECKIN_DEFERRED). */
export const DEFERRED_CRON = '0 9 * * 1-5';

/** Minute and hour of a cron expression ("0 9"), to check that two schedules run at the same time. */
export function timeOfDay(expr: string): string {
  return expr.trim().split(/\s+/).slice(0, 2).join(' ');
}

export { isoWeek };

/** The day in Europe/Rome: "2026-11-25". */
export function romeDay(d: Date): string {
  return DateTime.fromJSDate(d, { zone: ZONE }).toISODate()!;
}

/** Midnight (Europe/Rome) at the start of the day after `d`. */
export function startOfNextDay(d: Date): Date {
  return DateTime.fromJSDate(d, { zone: ZONE }).startOf('day').plus({ days: 1 }).toJSDate();
}

/** Midnight (Europe/Rome) at the start of the day of `d`. */
export function startOfDay(d: Date): Date {
  return DateTime.fromJSDate(d, { zone: ZONE }).startOf('day').toJSDate();
}

/**
 * When the round of `week` closes: the first time the opening schedule fires in the following
 * week (Monday 09:00 with the default schedule). A schedule that never fires in a week (or cannot
 * be read) falls back to Monday 09:00.
 */
export function closingTime(week: string, openCron: string = OPEN_CRON): Date {
  const start = DateTime.fromJSDate(weekStart(shiftWeek(week, 1)), { zone: ZONE });
  let fields: ReturnType<typeof cron.parse> | undefined;
  try {
    fields = cron.parse(openCron);
  } catch {
    fields = undefined;
  }
  if (fields) {
    const weekdays = new Set(fields.dayOfWeek.map((d) => Number(d) % 7));
    const days = new Set(fields.dayOfMonth.map(Number));
    for (let i = 0; i < 7; i++) {
      const day = start.plus({ days: i });
      if (!weekdays.has(day.weekday % 7) || !days.has(day.day) || !fields.month.includes(day.month)) continue;
      return day.set({ hour: Math.min(...fields.hour), minute: Math.min(...fields.minute) }).toJSDate();
    }
  }
  return start.set({ hour: 9 }).toJSDate();
}
