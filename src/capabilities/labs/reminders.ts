// Reminders before a laboratorio and the feedback prompt after it, for the jobs that run every few
// minutes. Each (laboratorio, person, kind) is recorded in lab_reminder before the message is
// enqueued under a key made of the same parts, so a rerun, a restart or a second replica sends
// nothing twice. Reminders go only to confirmed people, only before the start, never for a
// cancelled session; a session moved to another time is reminded again (the kind names the start).
import { DateTime } from 'luxon';
import type { Db, Tx } from '../../db/client.js';
import { itLabs as t } from './texts.js';
import { enqueue } from '../../outbox/enqueue.js';
import { formatDateTime, ZONE } from '../../time.js';
import type { LabRecord } from './model.js';
import { ACTIONS, cardLines, leaveButton } from './render.js';
import { lockLab, personAddress } from './repository.js';

const MINUTE = 60_000;

export function reminderKind(offsetMinutes: number, startsAt: Date): string {
  return `remind:${offsetMinutes}m:${startsAt.toISOString()}`;
}

/** "domani alle 14:30", "oggi alle 14:30", or the full date further away. */
export function startsWhen(start: Date, now: Date): string {
  const s = DateTime.fromJSDate(start, { zone: ZONE });
  const n = DateTime.fromJSDate(now, { zone: ZONE });
  const time = s.toFormat('HH:mm');
  if (s.hasSame(n, 'day')) return t.remind.today(time);
  if (s.hasSame(n.plus({ days: 1 }), 'day')) return t.remind.tomorrow(time);
  return t.remind.on(formatDateTime(start));
}

/** What was already recorded for a laboratorio ("personId|kind"), so a rerun writes nothing. */
async function recorded(tx: Tx, labId: number, kinds: string[]): Promise<Set<string>> {
  const rows = await tx.labReminder.findMany({ where: { labId, kind: { in: kinds } }, select: { personId: true, kind: true } });
  return new Set(rows.map((r) => `${r.personId}|${r.kind}`));
}

/** Records a kind for a person; true when it was not there yet (this run sends it). */
async function record(tx: Tx, labId: number, personId: number, kinds: string[]): Promise<boolean> {
  const [first, ...rest] = kinds;
  const { count } = await tx.labReminder.createMany({ data: [{ labId, personId, kind: first! }], skipDuplicates: true });
  if (rest.length) await tx.labReminder.createMany({ data: rest.map((kind) => ({ labId, personId, kind })), skipDuplicates: true });
  return count === 1;
}

async function remindLab(tx: Tx, lab: LabRecord, now: Date, offsets: number[]): Promise<number> {
  const start = lab.startsAt.getTime();
  // The smallest due offset is the one to send; larger ones that are also due are recorded unsent.
  const due = offsets.filter((o) => now.getTime() >= start - o * MINUTE).sort((a, b) => a - b);
  if (due.length === 0) return 0;
  const signups = await tx.labSignup.findMany({ where: { labId: lab.id, status: 'confirmed' }, orderBy: { position: 'asc' } });
  const done = await recorded(
    tx,
    lab.id,
    due.map((o) => reminderKind(o, lab.startsAt)),
  );
  let sent = 0;
  for (const s of signups) {
    // Someone who signed up after a reminder was due has just been told: that one is not for them.
    const since = (s.confirmedAt ?? s.createdAt).getTime();
    const stages = due.filter((o) => since <= start - o * MINUTE);
    if (stages.length === 0) continue;
    const kinds = stages.map((o) => reminderKind(o, lab.startsAt));
    if (done.has(`${s.personId}|${kinds[0]}`)) continue;
    if (!(await record(tx, lab.id, s.personId, kinds))) continue;
    const to = await personAddress(tx, s.personId, s.platform);
    if (!to) continue;
    const body = t.remind.body(lab.title, startsWhen(lab.startsAt, now));
    await enqueue(tx, {
      delivery: {
        op: 'send',
        to,
        message: {
          text: t.remind.text(lab.title),
          blocks: [
            { type: 'text', text: body },
            { type: 'text', text: cardLines(lab).slice(1).join('\n') },
            { type: 'context', text: t.remind.leaveHint },
            { type: 'buttons', buttons: [leaveButton(lab.id)] },
          ],
        },
      },
      dedupeKey: `lab-remind:${lab.id}:${s.personId}:${kinds[0]}`,
      tag: 'labs.remind',
    });
    sent++;
  }
  return sent;
}

/** Sends the reminders due now; offsets in minutes before the start (e.g. [1440, 60]). */
export async function sendDueReminders(db: Db, now: Date, offsets: number[]): Promise<{ labs: number; sent: number }> {
  if (offsets.length === 0) return { labs: 0, sent: 0 };
  const horizon = new Date(now.getTime() + Math.max(...offsets) * MINUTE);
  const labs = await db.lab.findMany({ where: { status: 'scheduled', startsAt: { gt: now, lte: horizon } }, select: { id: true } });
  let sent = 0;
  for (const { id } of labs) {
    sent += await db.$transaction(async (tx) => {
      // Under the lab's lock: a cancellation or a move committed meanwhile is seen here.
      const lab = await lockLab(tx, id);
      if (lab.status !== 'scheduled' || lab.startsAt.getTime() <= now.getTime()) return 0;
      return remindLab(tx, lab, now, offsets);
    });
  }
  return { labs: labs.length, sent };
}

/** After the session: a 1–5 question (buttons) to each confirmed participant, once. */
export async function sendFeedbackPrompts(db: Db, now: Date, windowHours: number): Promise<{ labs: number; sent: number }> {
  const labs = await db.lab.findMany({
    where: { status: 'scheduled', endsAt: { lte: now, gt: new Date(now.getTime() - windowHours * 60 * MINUTE) } },
    select: { id: true },
  });
  let sent = 0;
  for (const { id } of labs) {
    sent += await db.$transaction(async (tx) => {
      const lab = await lockLab(tx, id);
      if (lab.status !== 'scheduled') return 0;
      const signups = await tx.labSignup.findMany({ where: { labId: id, status: 'confirmed' }, orderBy: { position: 'asc' } });
      const done = await recorded(tx, id, ['feedback']);
      let n = 0;
      for (const s of signups) {
        if (done.has(`${s.personId}|feedback`) || !(await record(tx, id, s.personId, ['feedback']))) continue;
        const to = await personAddress(tx, s.personId, s.platform);
        if (!to) continue;
        const votes = [1, 2, 3, 4, 5].map((v) => ({ label: String(v), action: ACTIONS.vote, value: `${id}:${v}` }));
        await enqueue(tx, {
          delivery: {
            op: 'send',
            to,
            message: {
              text: t.feedback.text(lab.title),
              blocks: [
                { type: 'text', text: t.feedback.ask(lab.title, lab.startsAt, lab.endsAt) },
                { type: 'buttons', buttons: votes },
                { type: 'context', text: t.feedback.hint },
              ],
            },
          },
          dedupeKey: `lab-feedback:${id}:${s.personId}`,
          tag: 'labs.feedback',
        });
        n++;
      }
      return n;
    });
  }
  return { labs: labs.length, sent };
}
