// Calendar files (RFC 5545) for anything with a start and an end: laboratori, meetings with ANCI.
// Times are written in the Europe/Rome time zone with its VTIMEZONE (the EU summer-time rules), so
// calendar apps show the local time wherever they are set. A stable UID and SEQUENCE = revision let
// a new file update the event already imported; a cancelled event's file carries STATUS:CANCELLED.
import { DateTime } from 'luxon';
import type { Attachment } from '../platform/port.js';
import { ZONE } from '../time.js';

/** Host part of the UIDs (stable per installation). */
export const DEFAULT_UID_DOMAIN = 'reti.anci.lombardia.it';

const VTIMEZONE_ROME = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Rome',
  'X-LIC-LOCATION:Europe/Rome',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets, never inside a UTF-8 character (§3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (bytes + size > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function localStamp(d: Date): string {
  return DateTime.fromJSDate(d, { zone: ZONE }).toFormat("yyyyMMdd'T'HHmmss");
}

function utcStamp(d: Date): string {
  return DateTime.fromJSDate(d, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss'Z'");
}

export interface CalendarEvent {
  /** Unique and stable for the event: "laboratorio-12" (the domain is added). */
  uid: string;
  /** Incremented at every change (a new file replaces the one imported). */
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location?: string;
  url?: string;
  categories?: string;
  cancelled?: boolean;
}

export interface IcsOptions {
  /** DTSTAMP: when the file was made. */
  now: Date;
  /** Host part of the UID (stable per installation). */
  domain?: string;
}

export function calendarText(event: CalendarEvent, opts: IcsOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//ANCI Lombardia//Reti//IT',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...VTIMEZONE_ROME,
    'BEGIN:VEVENT',
    `UID:${event.uid}@${opts.domain ?? DEFAULT_UID_DOMAIN}`,
    `DTSTAMP:${utcStamp(opts.now)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTART;TZID=${ZONE}:${localStamp(event.start)}`,
    `DTEND;TZID=${ZONE}:${localStamp(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    ...(event.categories ? [`CATEGORIES:${escapeText(event.categories)}`] : []),
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** The file as a message attachment. */
export function calendarAttachment(filename: string, event: CalendarEvent, opts: IcsOptions): Attachment {
  return { filename, mimeType: 'text/calendar', base64: Buffer.from(calendarText(event, opts), 'utf8').toString('base64') };
}
