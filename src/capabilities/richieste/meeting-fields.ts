// The rules of a meeting's details, shared by the Slack modal and the guided conversation: a start
// in the future (Europe/Rome), an end after it (an hour when not said), a place or a link, who
// takes part for ANCI, the agenda. Each refusal says, in Italian, what to write instead.
import { DateTime } from 'luxon';
import { AppError } from '../../errors.js';
import { parseItalianDateTime, ZONE } from '../../time.js';
import type { MeetingInput } from './model.js';
import { itRichieste } from './texts.js';

const t = itRichieste.meetingInvalid;

export const DEFAULT_MINUTES = 60;
const MAX_HOURS = 12;

export interface RawMeetingFields {
  start: Date | string;
  end: string;
  where: string;
  anci: string;
  agenda: string;
}

const URL = /https?:\/\/[^\s<>]+/i;

/** "Sala consiliare, Bergamo https://meet.example.org/x" → place and link. */
export function splitWhere(where: string): { place: string; onlineUrl: string } {
  const link = URL.exec(where)?.[0] ?? '';
  const place = where
    .replace(link, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;–-]+|[\s,;:–-]+$/g, '')
    .trim();
  return { place, onlineUrl: link.replace(/[.,;)]+$/, '') };
}

function parseStart(value: Date | string, now: Date): Date {
  const start = value instanceof Date ? value : /\d[:.]\d/.test(value) ? parseItalianDateTime(value) : null;
  if (!start || Number.isNaN(start.getTime())) throw new AppError('invalid_input', t.start);
  if (start.getTime() <= now.getTime()) throw new AppError('invalid_input', t.past);
  return start;
}

function parseEnd(value: string, start: Date): Date {
  const text = value.trim();
  if (!text) return new Date(start.getTime() + DEFAULT_MINUTES * 60_000);
  const time = /^(\d{1,2})[:.](\d{2})$/.exec(text);
  let end: Date | null;
  if (time) {
    const [h, m] = [Number(time[1]), Number(time[2])];
    if (h > 23 || m > 59) throw new AppError('invalid_input', t.end);
    end = DateTime.fromJSDate(start, { zone: ZONE }).set({ hour: h, minute: m, second: 0, millisecond: 0 }).toJSDate();
  } else end = parseItalianDateTime(text);
  if (!end) throw new AppError('invalid_input', t.end);
  if (end.getTime() <= start.getTime()) throw new AppError('invalid_input', t.endBeforeStart);
  if (end.getTime() - start.getTime() > MAX_HOURS * 3600_000) throw new AppError('invalid_input', t.tooLong(MAX_HOURS));
  return end;
}

function required(value: string, max: number, empty: string, long: string): string {
  const v = value.trim();
  if (!v) throw new AppError('invalid_input', empty);
  if (v.length > max) throw new AppError('invalid_input', long);
  return v;
}

/** The end answered at its step, against the start already given: the Italian reason, or null. */
export function checkMeetingEnd(start: Date, end: string): string | null {
  try {
    parseEnd(end, start);
    return null;
  } catch (err) {
    if (err instanceof AppError) return err.userMessage;
    throw err;
  }
}

export function parseMeetingFields(raw: RawMeetingFields, now: Date): MeetingInput {
  const startsAt = parseStart(raw.start, now);
  const endsAt = parseEnd(raw.end, startsAt);
  const where = required(raw.where, 800, t.whereMissing, t.tooLongText(t.whereLabel, 800));
  const { place, onlineUrl } = splitWhere(where);
  return {
    startsAt,
    endsAt,
    place,
    onlineUrl,
    anci: required(raw.anci, 300, t.anciMissing, t.tooLongText(t.anciLabel, 300)),
    agenda: required(raw.agenda, 2000, t.agendaMissing, t.tooLongText(t.agendaLabel, 2000)),
  };
}
