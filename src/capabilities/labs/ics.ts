// The calendar file of a laboratorio, written by the shared RFC 5545 writer (src/reports/ics.ts):
// Europe/Rome times, a stable UID, SEQUENCE = revision, STATUS:CANCELLED for a cancelled session.
import type { Attachment } from '../../platform/port.js';
import { calendarAttachment, calendarText, type CalendarEvent, type IcsOptions } from '../../reports/ics.js';
import type { LabRecord } from './model.js';

export { escapeText, foldLine, type IcsOptions } from '../../reports/ics.js';

function labEvent(lab: LabRecord): CalendarEvent {
  const description = [
    lab.description,
    lab.organiser ? `Organizza: ${lab.organiser}` : '',
    lab.onlineUrl ? `Collegamento: ${lab.onlineUrl}` : '',
    `Tema: ${lab.theme}`,
  ]
    .filter(Boolean)
    .join('\n');
  const location = lab.place || lab.onlineUrl;
  return {
    uid: `laboratorio-${lab.id}`,
    sequence: lab.revision,
    start: lab.startsAt,
    end: lab.endsAt,
    summary: lab.title,
    description,
    ...(location ? { location } : {}),
    ...(lab.onlineUrl ? { url: lab.onlineUrl } : {}),
    categories: lab.theme,
    cancelled: lab.status === 'cancelled',
  };
}

export function labIcs(lab: LabRecord, opts: IcsOptions): string {
  return calendarText(labEvent(lab), opts);
}

export function labIcsAttachment(lab: LabRecord, opts: IcsOptions): Attachment {
  return calendarAttachment(`laboratorio-${lab.id}.ics`, labEvent(lab), opts);
}
