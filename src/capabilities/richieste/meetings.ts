// Meetings between ANCI Lombardia and a network: set up by a coordinator (for a request, or with
// /incontro nuovo), the network's referents invited privately with the calendar file, their
// answers, a cancellation, and the note afterwards attached to the network and the request. Each
// change happens under the meeting's row lock.
import type { Tx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { enqueue } from '../../outbox/enqueue.js';
import { formatDateTime } from '../../time.js';
import { record } from './history.js';
import { MEETING_KINDS } from './kinds.js';
import { cancellationMessage, invitationMessage, type LinkedRequest } from './meeting-notices.js';
import type { Author, MeetingInput, MeetingRecord } from './model.js';
import { PRIVATE_TAG, tellPeople } from './notices.js';
import { addressesOf, findRequest, isReferentOf, lockMeeting, lockRequest, networkRef, personName, referentsOf, type Reach } from './repository.js';
import { close, start } from './requests.js';
import { isOpen } from './states.js';
import { itRichieste } from './texts.js';

const t = itRichieste.meeting;

export async function linkedRequest(tx: Tx, m: { requestId: number | null }): Promise<LinkedRequest | null> {
  if (m.requestId === null) return null;
  const r = await tx.supportRequest.findUnique({ where: { id: m.requestId }, select: { id: true, kind: true } });
  return r;
}

/** The request a meeting can be set for: open, of a kind ANCI meets the network for. */
export async function requestForMeeting(tx: Tx, requestId: number) {
  const r = await findRequest(tx, requestId);
  if (!isOpen(r.state)) throw new AppError('conflict', t.refuse.requestNotOpen(r.id));
  if (!MEETING_KINDS.has(r.kind)) throw new AppError('invalid_input', t.refuse.notMeetingKind(r.id));
  return r;
}

export interface NewMeeting {
  networkId: number;
  requestId: number | null;
  input: MeetingInput;
  by: Author;
  reach: Reach;
}

/** Creates the meeting and invites the network's referents; returns how many were invited. */
export async function createMeeting(tx: Tx, now: Date, m: NewMeeting): Promise<{ meeting: MeetingRecord; invited: number }> {
  if (m.requestId !== null) {
    const r = await lockRequest(tx, m.requestId);
    if (r.networkId !== m.networkId) throw new AppError('invalid_input', t.refuse.otherNetwork(r.id));
    await requestForMeeting(tx, r.id);
  }
  const meeting = await tx.meeting.create({
    data: { networkId: m.networkId, requestId: m.requestId, ...m.input, createdById: m.by.personId, createdAt: now },
  });
  const referents = (await referentsOf(tx, m.networkId)).filter((id) => id !== m.by.personId);
  await tx.meetingInvite.createMany({
    data: [
      { meetingId: meeting.id, personId: m.by.personId, role: 'anci', answer: 'si', answeredAt: now, invitedAt: now },
      ...referents.map((personId) => ({ meetingId: meeting.id, personId, role: 'referente', invitedAt: now })),
    ],
    skipDuplicates: true,
  });
  const network = await networkRef(tx, m.networkId);
  const request = await linkedRequest(tx, meeting);
  const invited = await tellPeople(
    tx,
    m.reach,
    referents,
    invitationMessage(meeting, network, request, now),
    (id) => `incontro:${meeting.id}:invito:${id}`,
    m.networkId,
  );
  if (request) {
    await record(tx, request.id, { kind: 'incontro', personId: m.by.personId, note: t.history.scheduled(meeting.id, meeting.startsAt), at: now });
    await start(tx, now, request.id, m.by, '', m.reach);
  }
  return { meeting, invited };
}

function ensureUpcoming(m: MeetingRecord, now: Date): void {
  if (m.status === 'cancelled') throw new AppError('conflict', t.refuse.cancelled(m.id));
  if (m.startsAt.getTime() <= now.getTime()) throw new AppError('conflict', t.refuse.started(m.id));
}

export type AnswerOutcome = 'recorded' | 'changed' | 'same';

/** «Ci sarò» / «Non posso» from one of the network's referents. */
export async function answerInvite(
  tx: Tx,
  now: Date,
  meetingId: number,
  who: Author,
  yes: boolean,
  reach: Reach,
): Promise<{ outcome: AnswerOutcome; meeting: MeetingRecord }> {
  const meeting = await lockMeeting(tx, meetingId);
  const invite = await tx.meetingInvite.findUnique({ where: { meetingId_personId: { meetingId, personId: who.personId } } });
  if (!invite && !(await isReferentOf(tx, who.personId, meeting.networkId))) throw new AppError('forbidden', t.refuse.notInvited(meetingId));
  ensureUpcoming(meeting, now);
  const answer = yes ? 'si' : 'no';
  if (invite?.answer === answer) return { outcome: 'same', meeting };
  await tx.meetingInvite.upsert({
    where: { meetingId_personId: { meetingId, personId: who.personId } },
    create: { meetingId, personId: who.personId, role: 'referente', answer, answeredAt: now, invitedAt: now },
    update: { answer, answeredAt: now },
  });
  // The organiser hears when someone cannot come.
  if (!yes) {
    const to = (await addressesOf(tx, [meeting.createdById], reach)).get(meeting.createdById);
    const network = await networkRef(tx, meeting.networkId);
    if (to && meeting.createdById !== who.personId) {
      await enqueue(tx, {
        delivery: { op: 'send', to, message: { text: t.answer.toOrganiser(who.name, network, meeting.startsAt) } },
        dedupeKey: `incontro:${meetingId}:nonposso:${who.personId}:${now.toISOString()}`,
        tag: PRIVATE_TAG,
        meta: { personId: meeting.createdById, networkId: meeting.networkId },
      });
    }
  }
  return { outcome: invite?.answer ? 'changed' : 'recorded', meeting };
}

/** Cancels a meeting and tells everyone invited (with a calendar file that removes it). */
export async function cancelMeeting(
  tx: Tx,
  now: Date,
  meetingId: number,
  who: Author,
  reason: string,
  reach: Reach,
): Promise<{ meeting: MeetingRecord; told: number }> {
  const current = await lockMeeting(tx, meetingId);
  ensureUpcoming(current, now);
  const meeting = await tx.meeting.update({
    where: { id: meetingId },
    data: { status: 'cancelled', cancelledAt: now, cancelReason: reason.trim().slice(0, 500), revision: { increment: 1 } },
  });
  const invites = await tx.meetingInvite.findMany({ where: { meetingId, role: 'referente' }, orderBy: { personId: 'asc' } });
  const network = await networkRef(tx, meeting.networkId);
  const told = await tellPeople(
    tx,
    reach,
    invites.map((i) => i.personId),
    cancellationMessage(meeting, network, now),
    (id) => `incontro:${meetingId}:annullato:${id}`,
    meeting.networkId,
  );
  if (meeting.requestId !== null) {
    await record(tx, meeting.requestId, {
      kind: 'incontro',
      personId: who.personId,
      note: t.history.cancelled(meetingId, meeting.startsAt, meeting.cancelReason),
      at: now,
    });
  }
  return { meeting, told };
}

export interface MeetingNote {
  decisions: string;
  nextSteps: string;
}

/** The note after the meeting: on the meeting (so on the network) and in the request's history. */
export async function saveNote(
  tx: Tx,
  now: Date,
  meetingId: number,
  who: Author,
  note: MeetingNote,
): Promise<{ meeting: MeetingRecord; requestOpen: boolean }> {
  const decisions = note.decisions.trim();
  if (!decisions) throw new AppError('invalid_input', t.refuse.noteEmpty);
  if (decisions.length > 3000 || note.nextSteps.trim().length > 3000) throw new AppError('invalid_input', t.refuse.noteTooLong(3000));
  const current = await lockMeeting(tx, meetingId);
  if (current.status === 'cancelled') throw new AppError('conflict', t.refuse.cancelled(meetingId));
  if (current.startsAt.getTime() > now.getTime()) throw new AppError('conflict', t.refuse.notYet(meetingId, current.startsAt));
  const meeting = await tx.meeting.update({
    where: { id: meetingId },
    data: { decisions, nextSteps: note.nextSteps.trim(), noteById: who.personId, noteAt: now },
  });
  let requestOpen = false;
  if (meeting.requestId !== null) {
    await record(tx, meeting.requestId, { kind: 'nota', personId: who.personId, note: t.history.note(meetingId, decisions, meeting.nextSteps), at: now });
    requestOpen = isOpen((await findRequest(tx, meeting.requestId)).state);
  }
  return { meeting, requestOpen };
}

/** «Chiudi la richiesta» under the note: closes the meeting's request, the meeting as the reason. */
export async function closeRequestAfterMeeting(tx: Tx, now: Date, meetingId: number, who: Author, reach: Reach) {
  const meeting = await lockMeeting(tx, meetingId);
  if (meeting.requestId === null) throw new AppError('invalid_input', t.refuse.noRequest(meetingId));
  return close(tx, now, meeting.requestId, who, t.history.closedAfterMeeting(meetingId, formatDateTime(meeting.startsAt)), reach);
}

export async function organiserName(tx: Tx, m: MeetingRecord): Promise<string> {
  return personName(tx, m.createdById);
}
