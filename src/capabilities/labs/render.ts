// How a laboratorio reads in chat: the card used by /laboratori, announcements and notices.
import { itLabs as t } from './texts.js';
import { literal } from '../../platform/markup.js';
import type { Block, Button } from '../../platform/port.js';
import { seatsLeft, type LabRecord, type MySignup, type Seats } from './model.js';

export const ACTIONS = {
  join: 'laboratori.join',
  leave: 'laboratori.leave',
  calendar: 'laboratori.ics',
  vote: 'laboratori.voto',
} as const;

export function joinButton(labId: number, full = false): Button {
  return { label: full ? t.buttons.joinWaiting : t.buttons.join, action: ACTIONS.join, value: String(labId), style: 'primary' };
}

export function leaveButton(labId: number): Button {
  return { label: t.buttons.leave, action: ACTIONS.leave, value: String(labId), style: 'danger' };
}

export function calendarButton(labId: number): Button {
  return { label: t.buttons.calendar, action: ACTIONS.calendar, value: String(labId) };
}

export function whereLines(lab: Pick<LabRecord, 'place' | 'onlineUrl'>): string[] {
  return [lab.place ? t.card.place(lab.place) : '', lab.onlineUrl ? t.card.online(lab.onlineUrl) : ''].filter(Boolean);
}

export function seatsLine(seats: Seats): string {
  const left = seatsLeft(seats);
  if (left === null) return t.card.noLimit;
  return left > 0 ? t.card.seatsLeft(left, seats.capacity!) : t.card.full(seats.waiting);
}

export function audienceLine(lab: Pick<LabRecord, 'allNetworks'>, codes: string[]): string {
  return lab.allNetworks ? t.card.audienceAll : t.card.audience(codes);
}

/** Title, date, theme, place: the lines every view of a laboratorio starts with. */
export function cardLines(lab: LabRecord): string[] {
  return [`**${literal(lab.title)}** (${t.ref(lab.id)})`, `${t.card.when(lab.startsAt, lab.endsAt)} · ${t.card.theme(lab.theme)}`, ...whereLines(lab)];
}

/** One laboratorio in /laboratori: the card, the seats, the person's own place and a button. */
export function listEntry(lab: LabRecord, seats: Seats, mine: MySignup): Block[] {
  const lines = [...cardLines(lab), seatsLine(seats)];
  if (mine?.status === 'confirmed') lines.push(t.card.signedUp);
  if (mine?.status === 'waiting') lines.push(t.card.waiting(mine.position));
  return [
    { type: 'text', text: lines.join('\n') },
    { type: 'buttons', buttons: [mine ? leaveButton(lab.id) : joinButton(lab.id, seatsLeft(seats) === 0)] },
  ];
}

/** The announcement of a new laboratorio in a network channel. */
export function announcementBlocks(lab: LabRecord, codes: string[]): Block[] {
  const details = [
    lab.capacity === null ? t.card.noLimit : t.card.capacity(lab.capacity),
    audienceLine(lab, codes),
    lab.organiser ? t.card.organiser(lab.organiser) : '',
  ].filter(Boolean);
  return [
    { type: 'header', text: t.announce.header },
    { type: 'text', text: [...cardLines(lab), ...details].join('\n') },
    ...(lab.description ? [{ type: 'text' as const, text: literal(lab.description) }] : []),
    { type: 'context', text: t.announce.hint(lab.id) },
    { type: 'buttons', buttons: [joinButton(lab.id)] },
  ];
}
