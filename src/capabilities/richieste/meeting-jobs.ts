// The scheduled side of meetings. Reminders the day before: from 24 hours before the start, once
// per person and start (a meeting moved is reminded again), to everyone invited who has not said
// «Non posso» and was invited before the reminder was due (the others have just been told). After
// the meeting: the organiser is asked once for the note. Each send is recorded with a conditional
// update before the message is enqueued under a key of the same parts, so a rerun, a restart or a
// second replica sends nothing twice.
import type { Db } from '../../db/client.js';
import { enqueue } from '../../outbox/enqueue.js';
import { notePromptMessage, reminderMessage } from './meeting-notices.js';
import { linkedRequest } from './meetings.js';
import { PRIVATE_TAG } from './notices.js';
import { addressesOf, lockMeeting, networkRef, type Reach } from './repository.js';

const HOUR = 3600_000;
export const REMIND_BEFORE_MS = 24 * HOUR;
/** The note is asked only for meetings ended within a week (not for old ones after an outage). */
const NOTE_WINDOW_MS = 7 * 24 * HOUR;

export async function sendMeetingReminders(db: Db, now: Date, reach: Reach): Promise<{ meetings: number; sent: number }> {
  const due = await db.meeting.findMany({
    where: { status: 'scheduled', startsAt: { gt: now, lte: new Date(now.getTime() + REMIND_BEFORE_MS) } },
    select: { id: true },
    orderBy: { startsAt: 'asc' },
  });
  let sent = 0;
  for (const { id } of due) {
    sent += await db.$transaction(async (tx) => {
      // Under the meeting's lock: a cancellation committed meanwhile is seen here.
      const m = await lockMeeting(tx, id);
      if (m.status !== 'scheduled' || m.startsAt.getTime() <= now.getTime()) return 0;
      const startKey = m.startsAt.toISOString();
      const invites = await tx.meetingInvite.findMany({
        where: {
          meetingId: id,
          OR: [{ answer: null }, { answer: 'si' }],
          invitedAt: { lte: new Date(m.startsAt.getTime() - REMIND_BEFORE_MS) },
        },
        orderBy: { personId: 'asc' },
      });
      const pending = invites.filter((i) => i.remindedFor !== startKey);
      if (pending.length === 0) return 0;
      const network = await networkRef(tx, m.networkId);
      const request = await linkedRequest(tx, m);
      const addresses = await addressesOf(
        tx,
        pending.map((i) => i.personId),
        reach,
      );
      let n = 0;
      for (const invite of pending) {
        const { count } = await tx.meetingInvite.updateMany({
          where: { meetingId: id, personId: invite.personId, OR: [{ remindedFor: null }, { remindedFor: { not: startKey } }] },
          data: { remindedFor: startKey },
        });
        const to = addresses.get(invite.personId);
        if (count === 0 || !to) continue;
        await enqueue(tx, {
          delivery: { op: 'send', to, message: reminderMessage(m, network, request, now, invite.answer !== null) },
          dedupeKey: `incontro:${id}:promemoria:${startKey}:${invite.personId}`,
          tag: PRIVATE_TAG,
          meta: { personId: invite.personId, networkId: m.networkId },
        });
        n++;
      }
      return n;
    });
  }
  return { meetings: due.length, sent };
}

export async function promptMeetingNotes(db: Db, now: Date, reach: Reach): Promise<{ meetings: number; sent: number }> {
  const ended = await db.meeting.findMany({
    where: { status: 'scheduled', decisions: null, notePromptedAt: null, endsAt: { lte: now, gt: new Date(now.getTime() - NOTE_WINDOW_MS) } },
    select: { id: true },
    orderBy: { endsAt: 'asc' },
  });
  let sent = 0;
  for (const { id } of ended) {
    sent += await db.$transaction(async (tx) => {
      const { count } = await tx.meeting.updateMany({ where: { id, notePromptedAt: null, decisions: null }, data: { notePromptedAt: now } });
      if (count === 0) return 0;
      const m = await lockMeeting(tx, id);
      const to = (await addressesOf(tx, [m.createdById], reach)).get(m.createdById);
      if (!to) return 0;
      await enqueue(tx, {
        delivery: { op: 'send', to, message: notePromptMessage(m, await networkRef(tx, m.networkId)) },
        dedupeKey: `incontro:${id}:nota`,
        tag: PRIVATE_TAG,
        meta: { personId: m.createdById, networkId: m.networkId },
      });
      return 1;
    });
  }
  return { meetings: ended.length, sent };
}
