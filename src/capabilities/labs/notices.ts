// What the network channels and the people signed up are told: the announcement of a new
// laboratorio, a change, a cancellation. Everything is enqueued in the caller's transaction under
// keys made of the laboratorio, its revision and the recipient, so nothing is sent twice.
import type { Tx } from '../../db/client.js';
import { itLabs as t } from './texts.js';
import { enqueue, type OutboxEntry } from '../../outbox/enqueue.js';
import type { Block, OutMessage } from '../../platform/port.js';
import { labIcsAttachment } from './ics.js';
import type { LabRecord } from './model.js';
import { announcementBlocks, cardLines, leaveButton } from './render.js';
import { channelsOf, personAddress, waitingRank } from './repository.js';

function channelAddress(c: { platform: string; workspace: string; chatId: string }) {
  return { platform: c.platform, workspace: c.workspace, chatId: c.chatId };
}

/** Announces a new laboratorio in every channel of its audience; returns how many channels. */
export async function announce(tx: Tx, lab: LabRecord, networkIds: number[] | null, codes: string[]): Promise<number> {
  const channels = await channelsOf(tx, networkIds);
  const message: OutMessage = { text: t.announce.text(lab.title, lab.startsAt, lab.endsAt), blocks: announcementBlocks(lab, codes) };
  await enqueue(
    tx,
    channels.map((c) => ({
      delivery: { op: 'send' as const, to: channelAddress(c), message },
      dedupeKey: `lab-announce:${lab.id}:${c.id}`,
      tag: 'labs.announce',
    })),
  );
  return channels.length;
}

interface Notice {
  /** Dedupe key prefix, e.g. "lab-change:12:3". */
  key: string;
  text: string;
  header: string;
  body: string[];
  /** For each person signed up: the line about their own place, and whether to attach the calendar file. */
  personal(status: 'confirmed' | 'waiting', rank: number): { note: string; calendar: boolean; leave: boolean };
}

/** Tells channels and signed-up people; returns how many recipients. */
async function notify(tx: Tx, lab: LabRecord, networkIds: number[] | null, notice: Notice, now: Date, skipPeople: number[] = []): Promise<number> {
  const channels = await channelsOf(tx, networkIds);
  const header: Block = { type: 'header', text: notice.header };
  const entries: OutboxEntry[] = channels.map((c) => ({
    delivery: { op: 'send', to: channelAddress(c), message: { text: notice.text, blocks: [header, { type: 'text', text: notice.body.join('\n') }] } },
    dedupeKey: `${notice.key}:c${c.id}`,
  }));
  const signups = await tx.labSignup.findMany({
    where: { labId: lab.id, status: { in: ['confirmed', 'waiting'] }, personId: { notIn: skipPeople } },
    orderBy: { position: 'asc' },
  });
  for (const s of signups) {
    const to = await personAddress(tx, s.personId, s.platform);
    if (!to) continue;
    const rank = s.status === 'waiting' ? await waitingRank(tx, lab.id, s.position) : 0;
    const mine = notice.personal(s.status as 'confirmed' | 'waiting', rank);
    const blocks: Block[] = [header, { type: 'text', text: notice.body.join('\n') }, { type: 'context', text: mine.note }];
    if (mine.leave) blocks.push({ type: 'buttons', buttons: [leaveButton(lab.id)] });
    const message: OutMessage = { text: notice.text, blocks, ...(mine.calendar ? { attachment: labIcsAttachment(lab, { now }) } : {}) };
    entries.push({ delivery: { op: 'send', to, message }, dedupeKey: `${notice.key}:p${s.personId}` });
  }
  await enqueue(tx, entries);
  return entries.length;
}

/** A change: the changed lines, then the card as it is now. */
export async function notifyChange(
  tx: Tx,
  lab: LabRecord,
  networkIds: number[] | null,
  changes: string[],
  now: Date,
  options: { calendar: boolean; skipPeople: number[] },
): Promise<number> {
  return notify(
    tx,
    lab,
    networkIds,
    {
      key: `lab-change:${lab.id}:${lab.revision}`,
      text: t.change.text(lab.title),
      header: t.change.header,
      body: [t.change.lead(lab.title, lab.id), ...changes, '', ...cardLines(lab)],
      personal: (status, rank) =>
        status === 'confirmed'
          ? { note: t.change.signedUpNote, calendar: options.calendar, leave: true }
          : { note: t.change.waitingNote(rank), calendar: false, leave: true },
    },
    now,
    options.skipPeople,
  );
}

export async function notifyCancel(tx: Tx, lab: LabRecord, networkIds: number[] | null, reason: string, now: Date): Promise<number> {
  const body = [t.cancel.body(lab.title, lab.startsAt, lab.endsAt, lab.id), ...(reason ? [t.cancel.reason(reason)] : [])];
  return notify(
    tx,
    lab,
    networkIds,
    {
      key: `lab-cancel:${lab.id}:${lab.revision}`,
      text: t.cancel.text(lab.title),
      header: t.cancel.header,
      body,
      // The file with STATUS:CANCELLED removes the event from the calendars it was added to.
      personal: (status) => ({ note: t.cancel.signedUpNote, calendar: status === 'confirmed', leave: false }),
    },
    now,
  );
}

/** Tells a person on the waiting list that they got a seat, with the calendar file. */
export async function tellPromoted(tx: Tx, lab: LabRecord, signup: { personId: number; platform: string; position: number }, now: Date): Promise<void> {
  const to = await personAddress(tx, signup.personId, signup.platform);
  if (!to) return;
  await enqueue(tx, {
    delivery: {
      op: 'send',
      to,
      message: {
        text: t.signup.promotedText(lab.title),
        blocks: [
          { type: 'text', text: t.signup.promoted(lab.title, lab.startsAt, lab.endsAt) },
          { type: 'text', text: cardLines(lab).slice(1).join('\n') },
          { type: 'context', text: t.signup.calendarHint },
          { type: 'buttons', buttons: [leaveButton(lab.id)] },
        ],
        attachment: labIcsAttachment(lab, { now }),
      },
    },
    dedupeKey: `lab-promoted:${lab.id}:${signup.personId}:${signup.position}`,
    tag: 'labs.promoted',
    meta: { labId: lab.id, personId: signup.personId },
  });
}
