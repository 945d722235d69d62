// The calendar file of a laboratorio: RFC 5545 text with the Europe/Rome time zone (VTIMEZONE
// with the EU summer-time rules), so calendar apps show the local time wherever they are set.
// A stable UID and SEQUENCE = revision let a new file update the event already imported;
// a cancelled laboratorio's file carries STATUS:CANCELLED.
import { DateTime } from 'luxon';
import type { Attachment } from '../../platform/port.js';
import { ZONE } from '../../time.js';
import type { LabRecord } from './model.js';

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

export interface IcsOptions {
  /** DTSTAMP: when the file was made. */
  now: Date;
  /** Host part of the UID (stable per installation). */
  domain?: string;
}

export function labIcs(lab: LabRecord, opts: IcsOptions): string {
  const description = [
    lab.description,
    lab.organiser ? `Organizza: ${lab.organiser}` : '',
    lab.onlineUrl ? `Collegamento: ${lab.onlineUrl}` : '',
    `Tema: ${lab.theme}`,
  ]
    .filter(Boolean)
    .join('\n');
  const location = lab.place || lab.onlineUrl;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//ANCI Lombardia//Reti//IT',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...VTIMEZONE_ROME,
    'BEGIN:VEVENT',
    `UID:laboratorio-${lab.id}@${opts.domain ?? 'reti.anci.lombardia.it'}`,
    `DTSTAMP:${utcStamp(opts.now)}`,
    `SEQUENCE:${lab.revision}`,
    `DTSTART;TZID=${ZONE}:${localStamp(lab.startsAt)}`,
    `DTEND;TZID=${ZONE}:${localStamp(lab.endsAt)}`,
    `SUMMARY:${escapeText(lab.title)}`,
    `DESCRIPTION:${escapeText(description)}`,
    ...(location ? [`LOCATION:${escapeText(location)}`] : []),
    ...(lab.onlineUrl ? [`URL:${lab.onlineUrl}`] : []),
    `CATEGORIES:${escapeText(lab.theme)}`,
    `STATUS:${lab.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

export function labIcsAttachment(lab: LabRecord, opts: IcsOptions): Attachment {
  return {
    filename: `laboratorio-${lab.id}.ics`,
    mimeType: 'text/calendar',
    base64: Buffer.from(labIcs(lab, opts), 'utf8').toString('base64'),
  };
}
