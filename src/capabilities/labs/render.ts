// How a laboratorio reads in chat: the card used by /laboratori, announcements and notices, and
// the answers to /laboratori and its buttons.
import { itLabs as t } from './texts.js';
import { literal } from '../../platform/markup.js';
import type { Block, Button, OutMessage } from '../../platform/port.js';
import { labIcsAttachment } from './ics.js';
import { seatsLeft, type LabRecord, type MySignup, type Seats } from './model.js';
import type { JoinResult, LeaveResult } from './signups.js';

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

/** How an answer is seen: in the person's private chat, or in a group where everyone sees it (it then says whom it is for). */
export interface AnswerView {
  inPrivate: boolean;
  /** The person's name where the answer is public in a group; null where only they see it. */
  publicFor: string | null;
}

const forWhom = (view: AnswerView, text: string) => (view.publicFor ? `${literal(view.publicFor)}: ${text}` : text);

/** The answer to a sign-up: confirmed (with the calendar file in a private chat), on the waiting list, or already there. */
export function signupMessage(res: JoinResult, view: AnswerView, now: Date): OutMessage {
  const { lab } = res;
  switch (res.outcome) {
    case 'confirmed': {
      const text = forWhom(view, t.signup.confirmed(lab.title, lab.startsAt, lab.endsAt));
      const blocks: Block[] = [
        { type: 'text', text },
        { type: 'context', text: view.inPrivate ? t.signup.calendarHint : t.signup.calendarButtonHint },
        { type: 'buttons', buttons: view.inPrivate ? [leaveButton(lab.id)] : [leaveButton(lab.id), calendarButton(lab.id)] },
      ];
      // The calendar file comes with the confirmation in a private chat; in a channel, on request.
      return { text: t.signup.confirmedText(lab.title), blocks, ...(view.inPrivate ? { attachment: labIcsAttachment(lab, { now }) } : {}) };
    }
    case 'waiting':
    case 'already-waiting': {
      const text = forWhom(view, res.outcome === 'waiting' ? t.signup.waiting(lab.title, res.position!) : t.signup.alreadyWaiting(lab.title, res.position!));
      return {
        text,
        blocks: [
          { type: 'text', text },
          { type: 'buttons', buttons: [leaveButton(lab.id)] },
        ],
      };
    }
    case 'already-confirmed': {
      const text = forWhom(view, t.signup.alreadyConfirmed(lab.title));
      return {
        text,
        blocks: [
          { type: 'text', text },
          { type: 'buttons', buttons: [leaveButton(lab.id), calendarButton(lab.id)] },
        ],
      };
    }
  }
}

/** The answer to a withdrawal. */
export function withdrawText(res: LeaveResult, view: AnswerView): string {
  const title = res.lab.title;
  const text =
    res.outcome === 'withdrawn' ? t.signup.withdrawn(title) : res.outcome === 'left-waiting' ? t.signup.leftWaiting(title) : t.signup.notSignedUp(title);
  return forWhom(view, text);
}

const MAX_LISTED = 10;

/** /laboratori [TEMA]: the first upcoming laboratori, each with its seats and the person's place. */
export function labListMessage(rows: { lab: LabRecord; seats: Seats; mine: MySignup }[], theme: string | undefined): OutMessage | string {
  if (rows.length === 0) return theme ? t.list.noneTheme(theme) : t.list.none;
  const title = theme ? t.list.titleTheme(theme) : t.list.title;
  const blocks: Block[] = [{ type: 'header', text: title }];
  for (const [i, r] of rows.slice(0, MAX_LISTED).entries()) {
    if (i > 0) blocks.push({ type: 'divider' });
    blocks.push(...listEntry(r.lab, r.seats, r.mine));
  }
  blocks.push({ type: 'context', text: rows.length > MAX_LISTED ? `${t.list.hint} ${t.list.more(rows.length - MAX_LISTED)}` : t.list.hint });
  return { text: title, blocks };
}

/** The calendar file of a laboratorio, on request. */
export function calendarMessage(lab: LabRecord, now: Date): OutMessage {
  return { text: t.signup.calendarFile(lab.title), attachment: labIcsAttachment(lab, { now }) };
}

/** /laboratori iscritti N: who is confirmed and who waits. */
export function signupsText(lab: LabRecord, names: { confirmed: string[]; waiting: string[] }): string {
  return [t.admin.signupsTitle(lab.title, lab.id), t.admin.signupsConfirmed(names.confirmed, lab.capacity), t.admin.signupsWaiting(names.waiting)].join('\n');
}
