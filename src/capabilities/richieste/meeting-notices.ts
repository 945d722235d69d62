// What a meeting says: the invitation to the network's referents (with «Ci sarò» / «Non posso»
// and the calendar file), the cancellation, the reminder the day before, and the organiser's
// prompt for the note afterwards.
import { DateTime } from 'luxon';
import type { Attachment, Block, Button, OutMessage } from '../../platform/port.js';
import { calendarAttachment, type CalendarEvent } from '../../reports/ics.js';
import { formatDateTime, ZONE } from '../../time.js';
import { kindLabel } from './kinds.js';
import type { MeetingRecord, NetworkRef } from './model.js';
import { itRichieste } from './texts.js';

const t = itRichieste.meeting;

export const MEETING_ACTIONS = {
  yes: 'incontro.si',
  no: 'incontro.no',
  calendar: 'incontro.ics',
  note: 'incontro.nota',
  closeRequest: 'incontro.chiudi',
  retry: 'incontro.correggi',
} as const;

export interface LinkedRequest {
  id: number;
  kind: string;
}

function calendarEvent(m: MeetingRecord, network: NetworkRef, request: LinkedRequest | null): CalendarEvent {
  const description = [
    t.ics.agenda(m.agenda),
    t.ics.anci(m.anci),
    m.onlineUrl ? t.ics.link(m.onlineUrl) : '',
    request ? t.ics.request(request.id, kindLabel(request.kind)) : '',
  ]
    .filter(Boolean)
    .join('\n');
  const location = m.place || m.onlineUrl;
  return {
    uid: `incontro-${m.id}`,
    sequence: m.revision,
    start: m.startsAt,
    end: m.endsAt,
    summary: t.ics.summary(network),
    description,
    ...(location ? { location } : {}),
    ...(m.onlineUrl ? { url: m.onlineUrl } : {}),
    cancelled: m.status === 'cancelled',
  };
}

export function meetingCalendar(m: MeetingRecord, network: NetworkRef, request: LinkedRequest | null, now: Date): Attachment {
  return calendarAttachment(`incontro-${m.id}.ics`, calendarEvent(m, network, request), { now });
}

/** The lines that describe a meeting (when, where, who for ANCI, agenda, the request). */
export function meetingLines(m: MeetingRecord, request: LinkedRequest | null): string[] {
  return [
    t.card.when(m.startsAt, m.endsAt),
    ...(m.place ? [t.card.place(m.place)] : []),
    ...(m.onlineUrl ? [t.card.online(m.onlineUrl)] : []),
    t.card.anci(m.anci),
    t.card.agenda(m.agenda),
    ...(request ? [t.card.request(request.id, kindLabel(request.kind))] : []),
  ];
}

export function answerButtons(meetingId: number): Button[] {
  return [
    { label: t.buttons.yes, action: MEETING_ACTIONS.yes, value: String(meetingId), style: 'primary' },
    { label: t.buttons.no, action: MEETING_ACTIONS.no, value: String(meetingId) },
  ];
}

export function invitationMessage(m: MeetingRecord, network: NetworkRef, request: LinkedRequest | null, now: Date): OutMessage {
  return {
    text: t.invite.plain(network, m.startsAt),
    blocks: [
      { type: 'header', text: t.invite.header },
      { type: 'text', text: t.invite.lead(network) },
      { type: 'text', text: meetingLines(m, request).join('\n') },
      { type: 'context', text: t.invite.hint },
      { type: 'buttons', buttons: answerButtons(m.id) },
    ],
    attachment: meetingCalendar(m, network, request, now),
  };
}

export function cancellationMessage(m: MeetingRecord, network: NetworkRef, now: Date): OutMessage {
  const text = t.cancel.notice(network, m.startsAt, m.cancelReason);
  return { text, blocks: [{ type: 'text', text }], attachment: meetingCalendar(m, network, null, now) };
}

/** "domani alle 10:00", "oggi alle 10:00", or the full date further away. */
export function startsWhen(start: Date, now: Date): string {
  const s = DateTime.fromJSDate(start, { zone: ZONE });
  const n = DateTime.fromJSDate(now, { zone: ZONE });
  const time = s.toFormat('HH:mm');
  if (s.hasSame(n, 'day')) return t.remind.today(time);
  if (s.hasSame(n.plus({ days: 1 }), 'day')) return t.remind.tomorrow(time);
  return t.remind.on(formatDateTime(start));
}

export function reminderMessage(m: MeetingRecord, network: NetworkRef, request: LinkedRequest | null, now: Date, answered: boolean): OutMessage {
  const blocks: Block[] = [
    { type: 'text', text: t.remind.body(network, startsWhen(m.startsAt, now)) },
    { type: 'text', text: meetingLines(m, request).join('\n') },
  ];
  if (!answered) blocks.push({ type: 'context', text: t.remind.askAnswer }, { type: 'buttons', buttons: answerButtons(m.id) });
  return { text: t.remind.plain(network), blocks };
}

export function notePromptMessage(m: MeetingRecord, network: NetworkRef): OutMessage {
  const text = t.note.prompt(network, m.startsAt);
  return {
    text,
    blocks: [
      { type: 'text', text },
      { type: 'buttons', buttons: [{ label: t.buttons.writeNote, action: MEETING_ACTIONS.note, value: String(m.id), style: 'primary' }] },
    ],
  };
}
