// The two ways a coordinator fills in a laboratorio in chat: a Slack modal (FormSpec) and, where
// there are no native forms, a guided conversation (formFlow) asking one thing at a time. Both end
// in parseLabFields + createLab, so the rules and the Italian messages are the same.
import { DateTime } from 'luxon';
import type { Actor } from '../../bus/types.js';
import type { Tx } from '../../db/client.js';
import { formFlow, type Answer, type FieldSpec, type FormState } from '../../conversation/form.js';
import { AppError, isAppError } from '../../errors.js';
import { coreTexts } from '../../i18n/core-texts.js';
import { itLabs } from './texts.js';
import type { FormSpec } from '../../platform/port.js';
import { ZONE } from '../../time.js';
import type { LabInput, LabRecord } from './model.js';
import { createLab } from './manage.js';
import { audienceOf } from './repository.js';
import { checkLabField, parseLabFields, parseStart, type RawLabFields } from './validation.js';

const f = itLabs.fields;
const t = itLabs.admin;

export const NEW_LAB_FLOW = 'labs-new';
export const FORM_NEW = 'laboratori.nuovo';
export const FORM_EDIT = 'laboratori.modifica';

export const guidedFields: FieldSpec[] = [
  { key: 'title', label: f.title, type: 'text', required: true, maxLength: 150 },
  { key: 'theme', label: f.theme, type: 'text', required: true, maxLength: 80 },
  { key: 'start', label: f.start, type: 'datetime', required: true, future: true },
  { key: 'end', label: f.end, help: f.endHelp, type: 'text', required: true, maxLength: 40 },
  { key: 'where', label: f.where, type: 'text', required: true, maxLength: 800 },
  { key: 'capacity', label: f.capacity, help: f.capacityHelp, type: 'integer', required: false, min: 1 },
  { key: 'networks', label: f.networks, help: f.networksHelp, type: 'text', required: false, maxLength: 400 },
  { key: 'organiser', label: f.organiser, type: 'text', required: false, maxLength: 150 },
  { key: 'description', label: f.description, type: 'text', required: false, maxLength: 2000 },
];

function text(a: Answer | null | undefined): string {
  return a && 'text' in a ? a.text : '';
}

export function rawFromAnswers(answers: FormState['answers']): RawLabFields {
  const start = answers.start;
  const capacity = answers.capacity;
  return {
    title: text(answers.title),
    theme: text(answers.theme),
    ...(start && 'date' in start ? { start: new Date(start.date) } : {}),
    end: text(answers.end),
    where: text(answers.where),
    capacity: capacity && 'number' in capacity ? capacity.number : null,
    networks: text(answers.networks),
    organiser: text(answers.organiser),
    description: text(answers.description),
  };
}

export function ensureCoordinator(actor: Pick<Actor, 'coordinator'>): void {
  if (!actor.coordinator) throw new AppError('forbidden', coreTexts.error.coordinatorsOnly);
}

/** The guided conversation (Telegram, the console): each answer checked at its step, the same rules as everywhere. */
export const newLabFlow = formFlow({
  id: NEW_LAB_FLOW,
  version: 1,
  resumeCommand: '/laboratori nuovo',
  summaryIntro: () => t.summaryIntro,
  check(ctx, field, answer, state) {
    return checkLabField(ctx.tx, field.key as keyof RawLabFields, rawFromAnswers({ ...state.answers, [field.key]: answer }));
  },
  async confirm(ctx, state) {
    ensureCoordinator(ctx.actor);
    try {
      const input = parseLabFields(rawFromAnswers(state.answers));
      const { lab, channels } = await createLab(ctx.tx, ctx.now, input, { createdById: ctx.actor.personId });
      return [t.created(lab.id, channels)];
    } catch (err) {
      // The summary stays where it is (the transaction rolls back): say how to correct it.
      if (isAppError(err)) throw new AppError(err.code, `${err.userMessage}\n${itLabs.invalid.fixHint}`, { cause: err });
      throw err;
    }
  },
});

function rome(d: Date, format: string): string {
  return DateTime.fromJSDate(d, { zone: ZONE }).toFormat(format);
}

/** The Slack modal; with a laboratorio, prefilled to edit it. */
export function labFormSpec(existing?: { lab: LabRecord; codes: string[] }): FormSpec {
  const lab = existing?.lab;
  const init = (value: string | undefined) => (value ? { initial: value } : {});
  const where = lab ? [lab.place, lab.onlineUrl].filter(Boolean).join(' ') : undefined;
  return {
    form: lab ? FORM_EDIT : FORM_NEW,
    title: lab ? t.formEditTitle : t.formTitle,
    submitLabel: t.formSubmit,
    context: lab ? String(lab.id) : '',
    fields: [
      { key: 'title', label: f.title, kind: 'text', ...init(lab?.title) },
      { key: 'theme', label: f.theme, kind: 'text', ...init(lab?.theme) },
      { key: 'date', label: f.date, kind: 'date', ...init(lab && rome(lab.startsAt, 'yyyy-MM-dd')) },
      { key: 'start', label: f.startTime, kind: 'time', ...init(lab && rome(lab.startsAt, 'HH:mm')) },
      { key: 'end', label: f.endTime, kind: 'time', ...init(lab && rome(lab.endsAt, 'HH:mm')) },
      { key: 'where', label: f.where, kind: 'text', ...init(where) },
      { key: 'capacity', label: f.capacity, kind: 'number', optional: true, placeholder: f.capacityPlaceholder, ...init(lab?.capacity?.toString()) },
      {
        key: 'networks',
        label: f.networks,
        kind: 'text',
        optional: true,
        placeholder: f.networksPlaceholder,
        ...init(existing && (lab!.allNetworks ? 'tutte' : existing.codes.join(', '))),
      },
      { key: 'organiser', label: f.organiser, kind: 'text', optional: true, ...init(lab?.organiser) },
      { key: 'description', label: f.description, kind: 'multiline', optional: true, ...init(lab?.description) },
    ],
  };
}

/** A submitted modal as a LabInput (date "2027-03-12", times "14:30"). */
export function inputFromForm(values: Record<string, string | string[]>): LabInput {
  const v = (key: string) => {
    const x = values[key];
    return (Array.isArray(x) ? x.join(', ') : (x ?? '')).trim();
  };
  const date = v('date');
  return parseLabFields({
    title: v('title'),
    theme: v('theme'),
    start: date && v('start') ? `${date} ${v('start')}` : '',
    end: date && v('end') ? `${date} ${v('end')}` : v('end'),
    where: v('where'),
    capacity: v('capacity'),
    networks: v('networks'),
    organiser: v('organiser'),
    description: v('description'),
  });
}

/**
 * The fields of a submitted modal that are wrong, by field key (the modal's block ids), checked
 * before the submission is recorded so that Slack shows each message under its field.
 */
export async function labFormErrors(tx: Tx, now: Date, values: Record<string, string | string[]>): Promise<Record<string, string> | null> {
  const v = (key: string) => {
    const x = values[key];
    return (Array.isArray(x) ? x.join(', ') : (x ?? '')).trim();
  };
  const date = v('date');
  const raw: RawLabFields = {
    start: date && v('start') ? `${date} ${v('start')}` : '',
    end: date && v('end') ? `${date} ${v('end')}` : v('end'),
    where: v('where'),
    capacity: v('capacity'),
    networks: v('networks'),
  };
  const errors: Record<string, string> = {};
  const start = await checkLabField(tx, 'start', raw);
  if (start) errors.start = start;
  else if (parseStart(raw.start).getTime() <= now.getTime()) errors.date = itLabs.invalid.past;
  for (const key of ['end', 'where', 'capacity', 'networks'] as const) {
    const message = await checkLabField(tx, key, raw);
    if (message) errors[key] = message;
  }
  return Object.keys(errors).length ? errors : null;
}

export async function editFormFor(tx: Tx, lab: LabRecord): Promise<FormSpec> {
  return labFormSpec({ lab, codes: lab.allNetworks ? [] : (await audienceOf(tx, lab.id)).codes });
}
