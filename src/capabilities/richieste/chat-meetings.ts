// The forms of meetings: setting one up (date and time Europe/Rome, end, place or link, who for
// ANCI, agenda) and the note afterwards (what was decided, next steps). A Slack modal where there
// are native forms, a guided conversation elsewhere; the same rules (meeting-fields.ts) for both.
import { DateTime } from 'luxon';
import type { Context } from '../../bus/types.js';
import { formFlow, type Answer, type FieldSpec, type FormState } from '../../conversation/form.js';
import { AppError, isAppError } from '../../errors.js';
import type { FormSpec, OutMessage } from '../../platform/port.js';
import { ZONE } from '../../time.js';
import { authorOf, ensureCoordinator, reachOf, startPrivateForm } from './chat.js';
import { checkMeetingEnd, parseMeetingFields, type RawMeetingFields } from './meeting-fields.js';
import { createMeeting, saveNote, type MeetingNote } from './meetings.js';
import type { MeetingInput, MeetingRecord, NetworkRef } from './model.js';
import { ACTIONS } from './notices.js';
import { MEETING_ACTIONS } from './meeting-notices.js';
import { itRichieste } from './texts.js';

const t = itRichieste.meeting;
const f = itRichieste.meetingFields;

export const MEETING_FLOW = 'incontri-nuovo';
export const NOTE_FLOW = 'incontri-nota';
export const MEETING_FORM = 'incontro.nuovo';
export const NOTE_FORM = 'incontro.nota';

export interface MeetingSubject extends NetworkRef {
  requestId: number | null;
}

const text = (a: Answer | null | undefined) => (a && 'text' in a ? a.text : '');

export const meetingFields: FieldSpec[] = [
  { key: 'start', label: f.start, type: 'datetime', required: true, future: true },
  { key: 'end', label: f.end, help: f.endHelp, type: 'text', required: false, maxLength: 40 },
  { key: 'where', label: f.where, help: f.whereHelp, type: 'text', required: true, maxLength: 800 },
  { key: 'anci', label: f.anci, help: f.anciHelp, type: 'text', required: true, maxLength: 300 },
  { key: 'agenda', label: f.agenda, type: 'text', required: true, maxLength: 2000 },
];

export const noteFields: FieldSpec[] = [
  { key: 'decisions', label: f.decisions, type: 'text', required: true, maxLength: 3000 },
  { key: 'next', label: f.next, type: 'text', required: false, maxLength: 3000 },
];

export function newMeetingState(subject: MeetingSubject): FormState {
  return { title: t.form.guidedTitle(subject), fields: meetingFields, answers: {}, index: 0, fromSummary: false, subject: { ...subject } };
}

export function noteState(meeting: MeetingRecord, network: NetworkRef): FormState {
  return {
    title: t.form.noteTitle(network, meeting.startsAt),
    fields: noteFields,
    answers: {},
    index: 0,
    fromSummary: false,
    subject: { meetingId: meeting.id },
  };
}

/** What the coordinator reads once the meeting is set up. */
export function createdReply(meeting: MeetingRecord, network: NetworkRef, invited: number): string {
  return t.created(meeting.id, network, meeting.startsAt, invited);
}

/** What the coordinator reads once the note is saved: closing the request from here, if open. */
export function noteSavedReply(meeting: MeetingRecord, requestOpen: boolean): OutMessage {
  const text = t.note.saved(meeting.id);
  if (!requestOpen || meeting.requestId === null) return { text };
  return {
    text,
    blocks: [
      { type: 'text', text },
      { type: 'text', text: t.note.closeAsk(meeting.requestId) },
      {
        type: 'buttons',
        buttons: [
          { label: t.buttons.markDone, action: ACTIONS.done, value: String(meeting.requestId), style: 'primary' },
          { label: t.buttons.closeRequest, action: MEETING_ACTIONS.closeRequest, value: String(meeting.id) },
        ],
      },
      { type: 'context', text: t.note.leaveOpen },
    ],
  };
}

/** Makes a meeting from the checked input (both ways end here). */
export async function setUpMeeting(ctx: Context, subject: MeetingSubject, input: MeetingInput): Promise<string> {
  ensureCoordinator(ctx, t.refuse.coordinatorsOnly);
  const { meeting, invited } = await createMeeting(ctx.tx, ctx.now, {
    networkId: subject.id,
    requestId: subject.requestId,
    input,
    by: authorOf(ctx),
    reach: reachOf(ctx),
  });
  return createdReply(meeting, subject, invited);
}

export async function writeNote(ctx: Context, meetingId: number, note: MeetingNote): Promise<OutMessage> {
  ensureCoordinator(ctx, t.refuse.coordinatorsOnly);
  const { meeting, requestOpen } = await saveNote(ctx.tx, ctx.now, meetingId, authorOf(ctx), note);
  return noteSavedReply(meeting, requestOpen);
}

/** A refusal at the end of a guided form: the summary stays, with how to correct it. */
function withFixHint(err: unknown): never {
  if (isAppError(err) && err.code === 'invalid_input') throw new AppError(err.code, `${err.userMessage}\n${t.form.fixHint}`, { cause: err });
  throw err;
}

export const meetingFlow = formFlow({
  id: MEETING_FLOW,
  version: 1,
  resumeCommand: '/incontro nuovo',
  summaryIntro: (state) => t.form.summaryIntro(state.subject as unknown as MeetingSubject),
  check(_ctx, field, answer, state) {
    const start = state.answers.start;
    if (field.key !== 'end' || !('text' in answer) || !start || !('date' in start)) return null;
    return checkMeetingEnd(new Date(start.date), answer.text);
  },
  async confirm(ctx, state) {
    const subject = state.subject as unknown as MeetingSubject;
    const start = state.answers.start;
    const raw: RawMeetingFields = {
      start: start && 'date' in start ? new Date(start.date) : '',
      end: text(state.answers.end),
      where: text(state.answers.where),
      anci: text(state.answers.anci),
      agenda: text(state.answers.agenda),
    };
    let input: MeetingInput;
    try {
      input = parseMeetingFields(raw, ctx.now);
    } catch (err) {
      withFixHint(err);
    }
    return [await setUpMeeting(ctx, subject, input)];
  },
});

export const noteFlow = formFlow({
  id: NOTE_FLOW,
  version: 1,
  resumeCommand: '/incontro nota',
  async confirm(ctx, state) {
    const meetingId = Number(state.subject.meetingId);
    return [await writeNote(ctx, meetingId, { decisions: text(state.answers.decisions), nextSteps: text(state.answers.next) })];
  },
});

export function meetingFormSpec(subject: MeetingSubject, anci: string): FormSpec {
  return {
    form: MEETING_FORM,
    title: t.form.modalTitle,
    submitLabel: t.form.modalSubmit,
    context: `${subject.id}:${subject.requestId ?? ''}`,
    fields: [
      { key: 'date', label: f.date, kind: 'date' },
      { key: 'start', label: f.startTime, kind: 'time' },
      { key: 'end', label: f.endTime, kind: 'time', optional: true },
      { key: 'where', label: f.where, kind: 'text', placeholder: f.whereHelp },
      { key: 'anci', label: f.anci, kind: 'text', initial: anci },
      { key: 'agenda', label: f.agenda, kind: 'multiline' },
    ],
  };
}

export function parseMeetingContext(context: string): { networkId: number; requestId: number | null } {
  const m = /^(\d+):(\d*)$/.exec(context);
  if (!m) throw new AppError('invalid_input', t.refuse.formExpired);
  return { networkId: Number(m[1]), requestId: m[2] ? Number(m[2]) : null };
}

/** A submitted meeting modal ("2027-01-15", "10:00"), checked. */
export function parseMeetingForm(values: Record<string, string>, now: Date): MeetingInput {
  const date = (values.date ?? '').trim();
  const time = (values.start ?? '').trim();
  const start = date && time ? DateTime.fromFormat(`${date} ${time}`, 'yyyy-MM-dd HH:mm', { zone: ZONE }) : null;
  return parseMeetingFields(
    {
      start: start?.isValid ? start.toJSDate() : '',
      end: values.end ?? '',
      where: values.where ?? '',
      anci: values.anci ?? '',
      agenda: values.agenda ?? '',
    },
    now,
  );
}

export function noteFormSpec(meeting: MeetingRecord, network: NetworkRef): FormSpec {
  return {
    form: NOTE_FORM,
    title: t.form.noteModalTitle,
    submitLabel: t.form.modalSubmit,
    context: String(meeting.id),
    fields: [
      {
        key: 'decisions',
        label: f.decisions,
        kind: 'multiline',
        placeholder: t.form.notePlaceholder(network),
        ...(meeting.decisions ? { initial: meeting.decisions } : {}),
      },
      { key: 'next', label: f.next, kind: 'multiline', optional: true, ...(meeting.nextSteps ? { initial: meeting.nextSteps } : {}) },
    ],
  };
}

/** Starts setting up a meeting: the Slack modal, or the guided conversation in the private chat. */
export async function beginMeeting(ctx: Context, subject: MeetingSubject): Promise<void> {
  ensureCoordinator(ctx, t.refuse.coordinatorsOnly);
  if (await ctx.openForm(meetingFormSpec(subject, ctx.actor.name))) return;
  await startPrivateForm(ctx, {
    flow: MEETING_FLOW,
    state: newMeetingState(subject),
    intro: t.form.intro(subject),
    command: 'incontri',
    sameAs: (s) => s.subject.id === subject.id && (s.subject.requestId ?? null) === subject.requestId,
  });
}

/** Starts the note of a meeting: the Slack modal, or the guided conversation in the private chat. */
export async function beginNote(ctx: Context, meeting: MeetingRecord, network: NetworkRef): Promise<void> {
  ensureCoordinator(ctx, t.refuse.coordinatorsOnly);
  if (meeting.status === 'cancelled') throw new AppError('conflict', t.refuse.cancelled(meeting.id));
  if (meeting.startsAt.getTime() > ctx.now.getTime()) throw new AppError('conflict', t.refuse.notYet(meeting.id, meeting.startsAt));
  if (await ctx.openForm(noteFormSpec(meeting, network))) return;
  await startPrivateForm(ctx, {
    flow: NOTE_FLOW,
    state: noteState(meeting, network),
    intro: t.form.noteIntro,
    command: 'incontri',
    sameAs: (s) => s.subject.meetingId === meeting.id,
  });
}
