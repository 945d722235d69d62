// A period typed in chat ("2027-08-01 2027-08-31", "dal 4/1/2027 al 17/1/2027"), checked where it
// is given: real days, the end not before the start, not in the past, bounded in length and in how
// far ahead it starts. Shared by /rete pausa and /checkin sostituto.
import { DateTime } from 'luxon';
import { ZONE } from '../../time.js';
import { itCalendar as t } from './texts.js';

/** Longest period, in days (both ends included). */
export const MAX_PERIOD_DAYS = 366;
/** How far ahead a period may start, in days. */
export const MAX_START_AHEAD_DAYS = 366;

export interface Period {
  /** "2027-08-01" (Europe/Rome days, both included). */
  from: string;
  to: string;
}

const FORMATS = ['yyyy-MM-dd', 'd/M/yyyy', 'd-M-yyyy', 'd.M.yyyy'];

/** "2027-08-01" from a typed day, or null. */
export function parseDay(text: string): string | null {
  for (const f of FORMATS) {
    const d = DateTime.fromFormat(text.trim(), f, { zone: ZONE });
    if (d.isValid) return d.toISODate();
  }
  return null;
}

/** The period in the words after a command ("dal" and "al" are optional), or the Italian reason it is refused. */
export function parsePeriod(words: string[], today: string): { ok: true; period: Period } | { ok: false; message: string } {
  const days = words.filter((w) => !/^(dal|al|dall'|fino|a|-|–)$/i.test(w));
  if (days.length !== 2) return { ok: false, message: t.period.twoDays };
  const [fromText, toText] = days as [string, string];
  const from = parseDay(fromText);
  if (!from) return { ok: false, message: t.period.badDay(fromText) };
  const to = parseDay(toText);
  if (!to) return { ok: false, message: t.period.badDay(toText) };
  if (to < from) return { ok: false, message: t.period.endBeforeStart(from, to) };
  if (to < today) return { ok: false, message: t.period.past(to) };
  if (from < today) return { ok: false, message: t.period.startsInPast(from) };
  const length = DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days + 1;
  if (length > MAX_PERIOD_DAYS) return { ok: false, message: t.period.tooLong(MAX_PERIOD_DAYS) };
  if (DateTime.fromISO(from).diff(DateTime.fromISO(today), 'days').days > MAX_START_AHEAD_DAYS) return { ok: false, message: t.period.tooFar };
  return { ok: true, period: { from, to } };
}
