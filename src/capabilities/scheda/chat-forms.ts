// /scheda modifica, section by section: the questions of each section as form fields, asked one
// at a time in a guided conversation (which stops at «annulla» and resumes with /scheda modifica)
// or shown at once in a Slack modal. Both validate every answer with the same rules (dates real
// and not past, targets from 1 to 1,000,000, a flow between two different roles) and end in
// applySection, so the rows and the history are the same whichever way a scheda is filled.
import { DateTime } from 'luxon';
import { formFlow, parseAnswer, type Answer, type FieldSpec, type FormState } from '../../conversation/form.js';
import type { Tx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import type { FormField, FormSpec } from '../../platform/port.js';
import { ZONE } from '../../time.js';
import { addFlow, addObjective, addRole, addStrategy, setObjectiveOfChange, updateObjective, type ObjectiveInput } from './changes.js';
import { FLOW_HOW, FLOW_OFTEN, LIMITS, type Author, type Section, type SchedaView } from './model.js';
import { dayOf, isoDay, loadScheda, numericIndicators, today } from './repository.js';
import { itScheda } from './texts.js';

const f = itScheda.fields;
export const SCHEDA_FLOW = 'scheda-modifica';
export const SCHEDA_FORM = 'scheda.sezione';

export interface SchedaSubject {
  networkId: number;
  code: string;
  name: string;
  section: Section;
  /** Editing a specific objective (O3): its id. */
  objectiveId?: number;
}

const text = (key: string, label: string, max: number, help?: string, required = true): FieldSpec => ({
  key,
  label,
  type: 'text',
  required,
  maxLength: max,
  ...(help ? { help } : {}),
});

async function objectiveFields(tx: Tx, s: SchedaView, withStrategy: boolean): Promise<FieldSpec[]> {
  const indicators = await numericIndicators(tx);
  return [
    ...(withStrategy
      ? [
          {
            key: 'strategy',
            label: f.strategy,
            type: 'choice' as const,
            required: true,
            options: s.strategies.map((x) => ({ code: `S${x.number}`, label: `S${x.number} ${x.title}` })),
          },
        ]
      : []),
    text('what', f.what, LIMITS.what, f.whatHelp),
    { key: 'target', label: f.target, help: f.targetHelp, type: 'decimal', required: false, min: 1, max: LIMITS.targetMax },
    text('unit', f.unit, LIMITS.unit, f.unitHelp, false),
    { key: 'due', label: f.due, help: f.dueHelp, type: 'date', required: true },
    { key: 'indicator', label: f.indicator, type: 'choice', required: false, options: indicators },
  ];
}

/** The questions of a section, given the scheda as it is (strategies and roles to choose from). */
export async function sectionFields(tx: Tx, s: SchedaView, section: Section): Promise<FieldSpec[]> {
  switch (section) {
    case 'obiettivo':
      return [text('objective', f.objective, LIMITS.objective, f.objectiveHelp), text('needs', f.needs, LIMITS.needs, f.needsHelp)];
    case 'strategia':
      return [text('title', f.title, LIMITS.title, f.titleHelp), ...(await objectiveFields(tx, s, false))];
    case 'specifico':
      if (!s.strategies.length) throw new AppError('invalid_input', itScheda.invalid.noStrategies);
      return objectiveFields(tx, s, true);
    case 'ruolo':
      return [
        text('who', f.who, LIMITS.who, f.whoHelp),
        {
          key: 'strategy',
          label: f.roleStrategy,
          help: f.roleStrategyHelp,
          type: 'choice',
          required: false,
          options: s.strategies.map((x) => ({ code: `S${x.number}`, label: `S${x.number} ${x.title}` })),
        },
        text('doing', f.doing, LIMITS.doing),
      ];
    case 'flusso': {
      if (s.roles.length < 2) throw new AppError('invalid_input', itScheda.invalid.noRoles);
      const roles = s.roles.map((r) => ({ code: `R${r.number}`, label: `R${r.number} ${r.who}` }));
      return [
        { key: 'from', label: f.from, type: 'choice', required: true, options: roles },
        { key: 'to', label: f.to, type: 'choice', required: true, options: roles },
        { key: 'how', label: f.how, type: 'choice', required: true, options: FLOW_HOW.map((o) => ({ ...o })) },
        { key: 'often', label: f.often, type: 'choice', required: true, options: FLOW_OFTEN.map((o) => ({ ...o })) },
      ];
    }
  }
}

/** What a section's questions already hold (the objective of change, an objective being edited). */
export function currentAnswers(s: SchedaView, subject: Pick<SchedaSubject, 'section' | 'objectiveId'>): FormState['answers'] {
  if (subject.section === 'obiettivo') {
    return { ...(s.objective ? { objective: { text: s.objective } } : {}), ...(s.needs ? { needs: { text: s.needs } } : {}) };
  }
  const o = subject.objectiveId ? s.objectives.find((x) => x.id === subject.objectiveId) : undefined;
  if (subject.section === 'specifico' && o) {
    return {
      strategy: { choices: [`S${o.strategyNumber}`] },
      what: { text: o.what },
      target: o.target === null ? null : { number: o.target },
      unit: o.unit ? { text: o.unit } : null,
      due: { date: DateTime.fromISO(isoDay(o.dueOn), { zone: ZONE }).toJSDate().toISOString() },
      indicator: o.indicatorCode ? { choices: [o.indicatorCode] } : null,
    };
  }
  return {};
}

/** The calendar day of a date answer (Europe/Rome). */
function dayOfAnswer(iso: string): Date {
  return dayOf(DateTime.fromISO(iso, { zone: ZONE }).toISODate()!);
}

/** The flow's own rules beyond the field's type: a due date not past, a flow between two roles. */
export function checkAnswer(now: Date, answers: FormState['answers'], field: FieldSpec, answer: Answer): string | null {
  if (field.key === 'due' && 'date' in answer && dayOfAnswer(answer.date) < today(now)) return itScheda.invalid.duePast;
  if (field.key === 'to' && 'choices' in answer) {
    const from = answers.from;
    if (from && 'choices' in from && from.choices[0] === answer.choices[0]) return itScheda.invalid.sameRole;
  }
  return null;
}

const textOf = (a: Answer | null | undefined) => (a && 'text' in a ? a.text : '');
const choiceOf = (a: Answer | null | undefined) => (a && 'choices' in a ? (a.choices[0] ?? null) : null);

function objectiveInput(a: FormState['answers']): ObjectiveInput {
  const target = a.target && 'number' in a.target ? a.target.number : null;
  const due = a.due && 'date' in a.due ? dayOfAnswer(a.due.date) : null;
  if (!due) throw new AppError('invalid_input', itScheda.invalid.dueBad);
  return { what: textOf(a.what), target, unit: textOf(a.unit), dueOn: due, indicatorCode: choiceOf(a.indicator) };
}

const numberOf = (code: string | null) => (code ? Number(code.slice(1)) : null);

/** Stores a section's answers; returns the summary of what changed. */
export async function applySection(tx: Tx, now: Date, subject: SchedaSubject, answers: FormState['answers'], author: Author): Promise<string> {
  const s = await loadScheda(tx, subject.networkId);
  const id = subject.networkId;
  const strategyId = (code: string | null) => s.strategies.find((x) => x.number === numberOf(code))?.id ?? null;
  const roleId = (code: string | null) => s.roles.find((x) => x.number === numberOf(code))?.id ?? null;
  switch (subject.section) {
    case 'obiettivo':
      return setObjectiveOfChange(tx, now, id, { objective: textOf(answers.objective), needs: textOf(answers.needs) }, author);
    case 'strategia':
      return addStrategy(tx, now, id, textOf(answers.title), objectiveInput(answers), author);
    case 'specifico': {
      const sid = strategyId(choiceOf(answers.strategy));
      if (!sid) throw new AppError('invalid_input', itScheda.invalid.choice('la strategia'));
      if (subject.objectiveId) return updateObjective(tx, now, id, subject.objectiveId, sid, objectiveInput(answers), author);
      return addObjective(tx, now, id, sid, objectiveInput(answers), author);
    }
    case 'ruolo':
      return addRole(tx, now, id, { who: textOf(answers.who), strategyId: strategyId(choiceOf(answers.strategy)), doing: textOf(answers.doing) }, author);
    case 'flusso': {
      const from = roleId(choiceOf(answers.from));
      const to = roleId(choiceOf(answers.to));
      if (!from || !to) throw new AppError('invalid_input', itScheda.invalid.choice('i ruoli'));
      return addFlow(tx, now, id, { fromRoleId: from, toRoleId: to, how: choiceOf(answers.how)!, often: choiceOf(answers.often)! }, author);
    }
  }
}

export function subjectOf(state: FormState): SchedaSubject {
  return state.subject as unknown as SchedaSubject;
}

export const schedaFlow = formFlow({
  id: SCHEDA_FLOW,
  version: 1,
  resumeCommand: '/scheda modifica',
  check: (ctx, field, answer, state) => checkAnswer(ctx.now, state.answers, field, answer),
  async confirm(ctx, state) {
    const subject = subjectOf(state);
    ensureMayEdit(ctx.actor, subject.networkId, subject.code);
    const summary = await applySection(ctx.tx, ctx.now, subject, state.answers, { personId: ctx.actor.personId, source: 'chat' });
    return [itScheda.form.saved(subject, summary)];
  },
});

/** Referents of the network and coordinators edit a scheda. */
export function ensureMayEdit(actor: { coordinator: boolean; memberships: { networkId: number; role: string }[] }, networkId: number, code: string): void {
  const referent = actor.memberships.some((m) => m.networkId === networkId && m.role === 'referente');
  if (!referent && !actor.coordinator) throw new AppError('forbidden', itScheda.refuse.notReferent(code));
}

// ---- The Slack modal ----

function modalField(field: FieldSpec, answer: Answer | null | undefined): FormField {
  const base = {
    key: field.key,
    label: field.label,
    ...(field.required ? {} : { optional: true }),
    ...(field.help ? { placeholder: field.help.slice(0, 150) } : {}),
  };
  let initial: string | undefined;
  if (answer && 'text' in answer) initial = answer.text;
  if (answer && 'number' in answer) initial = String(answer.number);
  if (answer && 'choices' in answer) initial = answer.choices[0];
  if (answer && 'date' in answer) initial = DateTime.fromISO(answer.date, { zone: ZONE }).toISODate()!;
  const withInitial = initial ? { ...base, initial } : base;
  switch (field.type) {
    case 'decimal':
    case 'integer':
      return { ...withInitial, kind: 'number' };
    case 'date':
      return { ...withInitial, kind: 'date' };
    case 'choice':
      return { ...withInitial, kind: 'select', options: (field.options ?? []).map((o) => ({ value: o.code, label: o.label.slice(0, 75) })) };
    default:
      return { ...withInitial, kind: (field.maxLength ?? 0) > 200 ? 'multiline' : 'text' };
  }
}

export function sectionFormSpec(subject: SchedaSubject, fields: FieldSpec[], answers: FormState['answers']): FormSpec {
  return {
    form: SCHEDA_FORM,
    title: itScheda.form.modalTitle,
    submitLabel: itScheda.form.modalSubmit,
    context: `${subject.networkId}:${subject.section}:${subject.objectiveId ?? ''}`,
    fields: fields.map((x) => modalField(x, answers[x.key])),
  };
}

export function subjectFromContext(context: string): { networkId: number; section: Section; objectiveId?: number } | null {
  const m = /^(\d+):(obiettivo|strategia|specifico|ruolo|flusso):(\d*)$/.exec(context);
  if (!m) return null;
  return { networkId: Number(m[1]), section: m[2] as Section, ...(m[3] ? { objectiveId: Number(m[3]) } : {}) };
}

/** A submitted modal, checked field by field with the conversation's rules; the first problem is refused with its field named. */
export function parseModal(fields: FieldSpec[], values: Record<string, string>, now: Date): FormState['answers'] {
  const answers: FormState['answers'] = {};
  for (const field of fields) {
    let typed = (values[field.key] ?? '').trim();
    if (!typed) {
      if (field.required) throw new AppError('invalid_input', `«${field.label}»: ${itScheda.invalid.text(field.maxLength ?? 2000)}`);
      answers[field.key] = null;
      continue;
    }
    if (field.type === 'date') {
      const d = DateTime.fromISO(typed, { zone: ZONE });
      if (!d.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(typed)) throw new AppError('invalid_input', `«${field.label}»: ${itScheda.invalid.dueBad}`);
      typed = d.toFormat('d/M/yyyy');
    }
    const parsed = parseAnswer(field, typed, now);
    if ('error' in parsed) throw new AppError('invalid_input', `«${field.label}»: ${parsed.error}`);
    const refused = checkAnswer(now, answers, field, parsed.answer);
    if (refused) throw new AppError('invalid_input', `«${field.label}»: ${refused}`);
    answers[field.key] = parsed.answer;
  }
  return answers;
}
