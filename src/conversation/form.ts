// A guided form on top of the conversation engine: typed questions one at a time ("3/11"), each
// answer validated (Italian numbers, scales and choices by button or typed), «salta», «indietro»,
// «annulla» (pause, resumable), then a summary with Conferma / Modifica. Check-ins, new laboratori
// on Telegram and good-practice proposals are all forms.
import { z } from 'zod';
import type { Context } from '../bus/types.js';
import { itConversation } from './texts.js';
import { literal } from '../platform/markup.js';
import type { Block, Button, OutMessage } from '../platform/port.js';
import { formatDate, formatDateTime, impossibleDate, parseItalianDateTime } from '../time.js';
import { button, type ConversationRef, type Flow, type FlowEnv, type Input, type Transition } from './engine.js';
import { matchOption, matchOptions, normalize, parseNumber, parseYesNo } from './parse.js';

const t = itConversation.form;

export const fieldTypes = ['integer', 'decimal', 'scale', 'yesno', 'choice', 'multi', 'text', 'date', 'datetime'] as const;

export const fieldSchema = z.object({
  key: z.string(),
  label: z.string(),
  help: z.string().optional(),
  type: z.enum(fieldTypes),
  required: z.boolean(),
  min: z.number().optional(),
  max: z.number().optional(),
  options: z.array(z.object({ code: z.string(), label: z.string() })).optional(),
  maxLength: z.number().optional(),
  /** date/datetime: must be after now. */
  future: z.boolean().optional(),
});
export type FieldSpec = z.infer<typeof fieldSchema>;

export const answerSchema = z.union([
  z.object({ number: z.number() }),
  z.object({ choices: z.array(z.string()) }),
  z.object({ text: z.string() }),
  z.object({ bool: z.boolean() }),
  z.object({ date: z.string() }),
]);
export type Answer = z.infer<typeof answerSchema>;

export const formStateSchema = z.object({
  title: z.string(),
  fields: z.array(fieldSchema),
  /** null: skipped. Missing: not asked yet. */
  answers: z.record(z.string(), answerSchema.nullable()),
  index: z.number().int().min(0),
  /** Multiple choice being toggled. */
  draft: z.array(z.string()).optional(),
  /** Came from the summary to edit one answer: return there after it. */
  fromSummary: z.boolean().default(false),
  /** The flow's own data (round id, network, …). */
  subject: z.record(z.string(), z.unknown()).default({}),
  /** An answer waiting for «Confermi …?» (step 'confirmValue'), with the question asked. */
  pending: z.object({ answer: answerSchema, message: z.string() }).optional(),
});
export type FormState = z.infer<typeof formStateSchema>;

/** Counts and quantities without a configured maximum stop here (no 10^20 partners). */
export const DEFAULT_NUMBER_MAX = 100_000;

/** What a flow says of one answer, checked at its step against the answers before it. */
export type StepCheck = string | { confirm: string } | null | undefined;

/** Thrown by `confirm` (or a check) for an answer that is wrong: the summary names the step. */
export class FieldError extends Error {
  constructor(
    readonly key: string,
    readonly userMessage: string,
  ) {
    super(userMessage);
  }
}

/** "1.000.000" */
export function formatNumber(n: number): string {
  return n.toLocaleString('it-IT', { maximumFractionDigits: 2, useGrouping: 'always' } as Intl.NumberFormatOptions);
}
export interface SummaryOption {
  key: string;
  /** Whether the summary asks it (e.g. only when there are written answers). */
  applies(state: FormState): boolean;
  /** The line under the answers, saying what is chosen. */
  text(on: boolean): string;
  /** The button that switches it. */
  label(on: boolean): string;
  /** Typed words that switch it on and off. */
  words: { on: string[]; off: string[] };
}

const optionOn = (option: SummaryOption, state: FormState) => state.subject[option.key] === true;

export interface FormFlowSpec {
  id: string;
  version: number;
  /** The command that resumes a paused form, shown when pausing ("/checkin"). */
  resumeCommand: string;
  /** Stores the confirmed answers; returns what to say. Throw AppError to refuse. */
  confirm(ctx: Context, state: FormState, conv: ConversationRef<FormState>): Promise<(OutMessage | string)[]>;
  /** Runs before every input: a transition here (e.g. "the round has closed") overrides it. */
  guard?(ctx: Context, conv: ConversationRef<FormState>): Promise<Transition<FormState> | null>;
  /** Lines shown above the summary. */
  summaryIntro?(state: FormState): string;
  /**
   * Checks one answer where it is given, against the answers before it (the end against the
   * start, network codes that exist): an Italian message asks the same question again;
   * `{ confirm }` asks «Confermi …?» before the answer is kept. Run again for every answer
   * before `confirm` (then `{ confirm }` counts as accepted).
   */
  check?(ctx: Context, field: FieldSpec, answer: Answer, state: FormState): Promise<StepCheck> | StepCheck;
  /** A yes/no choice asked in the summary (not a question of the form), kept in the subject under `key`; off unless chosen. */
  summaryOption?: SummaryOption;
  upgrade?: Flow<FormState>['upgrade'];
}

/** How an answer reads back to a person. */
export function formatAnswer(field: FieldSpec, answer: Answer | null | undefined): string {
  if (answer === null || answer === undefined) return t.skipped;
  if ('number' in answer) return String(answer.number).replace('.', ',');
  if ('bool' in answer) return answer.bool ? t.yes : t.no;
  if ('text' in answer) return literal(answer.text);
  if ('date' in answer) return field.type === 'date' ? formatDate(new Date(answer.date)) : formatDateTime(new Date(answer.date));
  const labels = answer.choices.map((c) => field.options?.find((o) => o.code === c)?.label ?? c);
  return labels.length ? labels.map(literal).join(', ') : t.skipped;
}

/** Parses typed input for a field: the answer, or the Italian explanation of what is expected. */
export function parseAnswer(field: FieldSpec, text: string, now: Date): { answer: Answer } | { error: string } {
  const options = field.options ?? [];
  switch (field.type) {
    case 'integer':
    case 'decimal':
    case 'scale': {
      const n = parseNumber(text);
      const min = field.min ?? (field.type === 'scale' ? 1 : undefined);
      const max = field.max ?? (field.type === 'scale' ? 5 : DEFAULT_NUMBER_MAX);
      if (n !== null && field.type !== 'scale' && n > max) return { error: t.expected.tooLarge(formatNumber(n), formatNumber(max)) };
      const ok = n !== null && (field.type === 'decimal' || Number.isInteger(n)) && (min === undefined || n >= min) && (max === undefined || n <= max);
      if (ok) return { answer: { number: n } };
      if (field.type === 'scale') return { error: t.expected.scale(min!, max!) };
      return { error: field.type === 'integer' ? t.expected.integer(min, field.max) : t.expected.decimal(min, field.max) };
    }
    case 'yesno': {
      const b = parseYesNo(text);
      return b === null ? { error: t.expected.yesno } : { answer: { bool: b } };
    }
    case 'choice': {
      const o = matchOption(text, options);
      return o ? { answer: { choices: [o.code] } } : { error: t.expected.choice(options.map((x) => x.label)) };
    }
    case 'multi': {
      const list = matchOptions(text, options);
      return list ? { answer: { choices: list.map((o) => o.code) } } : { error: t.expected.multi };
    }
    case 'text': {
      const value = text.trim();
      const max = field.maxLength ?? 2000;
      return value && value.length <= max ? { answer: { text: value } } : { error: t.expected.text(max) };
    }
    case 'date':
    case 'datetime': {
      const impossible = impossibleDate(text);
      if (impossible) return { error: t.expected.impossible(impossible) };
      const d = parseItalianDateTime(text);
      if (!d || (field.type === 'datetime' && !/\d[:.]\d/.test(text))) return { error: field.type === 'date' ? t.expected.date : t.expected.datetime };
      if (field.future && d.getTime() <= now.getTime()) return { error: t.expected.future };
      return { answer: { date: d.toISOString() } };
    }
  }
}

function fieldButtons(conv: ConversationRef<FormState>, field: FieldSpec, state: FormState): Button[] {
  const options = field.options ?? [];
  switch (field.type) {
    case 'scale': {
      const min = field.min ?? 1;
      const max = field.max ?? 5;
      return Array.from({ length: max - min + 1 }, (_, i) => button(conv, String(min + i), `v:${min + i}`));
    }
    case 'yesno':
      return [button(conv, t.yes, 'v:si'), button(conv, t.no, 'v:no')];
    case 'choice':
      return options.map((o, i) => button(conv, o.label, `o:${i}`));
    case 'multi': {
      const draft = state.draft ?? [];
      return [...options.map((o, i) => button(conv, `${draft.includes(o.code) ? '☑' : '☐'} ${o.label}`, `o:${i}`)), button(conv, t.done, 'done', 'primary')];
    }
    default:
      return [];
  }
}

function summaryButtons(conv: ConversationRef<FormState>): Block {
  return { type: 'buttons', buttons: [button(conv, t.confirm, 'confirm', 'primary'), button(conv, t.edit, 'edit'), button(conv, t.pause, 'pause')] };
}

/** A short label for a "which answer" button: "3. Data e ora di inizio". */
function pickLabel(i: number, label: string): string {
  const clipped = label.length > 32 ? `${label.slice(0, 31).trimEnd()}…` : label;
  return `${i + 1}. ${clipped}`;
}

function prompt(conv: ConversationRef<FormState>, option?: SummaryOption): OutMessage {
  const s = conv.state;
  if (conv.step === 'summary' || conv.step === 'pick') {
    const lines = s.fields.map((f, i) => `${i + 1}. ${literal(f.label)}\n    **${formatAnswer(f, s.answers[f.key])}**`);
    const blocks: Block[] = [
      { type: 'header', text: `${t.summaryTitle} — ${s.title}` },
      { type: 'text', text: lines.join('\n') },
    ];
    if (conv.step === 'pick') {
      blocks.push({ type: 'text', text: t.whichToEdit(s.fields.length) });
      blocks.push({ type: 'buttons', buttons: s.fields.map((f, i) => button(conv, pickLabel(i, f.label), `pick:${i + 1}`)) });
    } else {
      const asked = option?.applies(s) ? option : undefined;
      if (asked) blocks.push({ type: 'text', text: asked.text(optionOn(asked, s)) });
      blocks.push({ type: 'context', text: t.summaryHint });
      blocks.push(summaryButtons(conv));
      if (asked) blocks.push({ type: 'buttons', buttons: [button(conv, asked.label(optionOn(asked, s)), optionOn(asked, s) ? 'opt:0' : 'opt:1')] });
    }
    return { text: `${t.summaryTitle} — ${s.title}`, blocks };
  }
  const field = s.fields[s.index]!;
  if (conv.step === 'confirmValue' && s.pending) {
    return {
      text: s.pending.message,
      blocks: [
        { type: 'text', text: s.pending.message },
        { type: 'buttons', buttons: [button(conv, t.confirmYes, 'v:si', 'primary'), button(conv, t.confirmNo, 'v:no')] },
      ],
    };
  }
  const hint = field.type === 'scale' ? t.hint.scale(field.min ?? 1, field.max ?? 5) : t.hint[field.type];
  const text = `**${t.progress(s.index + 1, s.fields.length)}** ${literal(field.label)}`;
  // A hint the question already gives ("Da 1 a 5: …", "es. 12/03/2027") is not said twice.
  const said = normalize(`${field.label} ${field.help ?? ''}`);
  const repeated =
    typeof hint !== 'string' || said.includes(normalize(hint).replace(/\.$/, '')) || (field.type === 'datetime' && /\d{1,2}\/\d{1,2}\/\d{4}/.test(said));
  const notes = [field.help ? literal(field.help) : '', repeated ? '' : hint, field.required ? '' : t.optional].filter(Boolean).join(' ');
  const current = s.answers[field.key];
  const controls: Button[] = [];
  if (current !== undefined) controls.push(button(conv, t.keep, 'keep', 'primary'));
  if (!field.required) controls.push(button(conv, t.skip, 'skip'));
  if (s.index > 0) controls.push(button(conv, t.back, 'back'));
  controls.push(button(conv, t.pause, 'pause'));
  const choices = fieldButtons(conv, field, s);
  const blocks: Block[] = [{ type: 'text', text }];
  if (notes) blocks.push({ type: 'context', text: notes });
  if (current !== undefined) blocks.push({ type: 'text', text: t.current(formatAnswer(field, current)) });
  if (choices.length) blocks.push({ type: 'buttons', buttons: choices });
  blocks.push({ type: 'buttons', buttons: controls });
  return { text: `${t.progress(s.index + 1, s.fields.length)} ${field.label}`, blocks };
}

type Command = 'skip' | 'back' | 'pause' | 'confirm' | 'edit' | 'done' | 'keep';

function commandOf(input: Input): Command | null {
  if ('action' in input) return (['skip', 'back', 'pause', 'confirm', 'edit', 'done', 'keep'] as const).find((c) => c === input.value) ?? null;
  const word = normalize(input.text);
  const map: Record<string, Command> = {
    salta: 'skip',
    indietro: 'back',
    annulla: 'pause',
    pausa: 'pause',
    stop: 'pause',
    conferma: 'confirm',
    confermo: 'confirm',
    modifica: 'edit',
    fatto: 'done',
    mantieni: 'keep',
  };
  return map[word] ?? null;
}

/** The choices already given, ticked again when a multiple choice is asked a second time. */
function draftOf(answer: Answer | null | undefined): string[] | undefined {
  return answer && 'choices' in answer ? answer.choices : undefined;
}

export function formFlow(spec: FormFlowSpec): Flow<FormState> {
  const next = (state: FormState, index: number): Transition<FormState> =>
    state.fromSummary || index >= state.fields.length
      ? { to: 'step', step: 'summary', state: { ...state, fromSummary: false, draft: undefined, pending: undefined } }
      : { to: 'step', step: 'ask', state: { ...state, index, draft: draftOf(state.answers[state.fields[index]!.key]), pending: undefined } };

  const answer = (state: FormState, field: FieldSpec, value: Answer | null): Transition<FormState> =>
    next({ ...state, answers: { ...state.answers, [field.key]: value } }, state.index + 1);

  /** The flow's own check of an answer, then on to the next question. */
  async function accept(ctx: Context, state: FormState, field: FieldSpec, value: Answer | null): Promise<Transition<FormState>> {
    if (value !== null && spec.check) {
      const verdict = await spec.check(ctx, field, value, state);
      if (typeof verdict === 'string') return { to: 'retry', say: verdict };
      if (verdict) return { to: 'step', step: 'confirmValue', state: { ...state, pending: { answer: value, message: verdict.confirm } } };
    }
    return answer(state, field, value);
  }

  /** The first answer that no longer holds (an edit moved the start after the end): the step's number and why. */
  async function firstProblem(ctx: Context, state: FormState): Promise<{ index: number; message: string } | null> {
    if (!spec.check) return null;
    for (const [index, field] of state.fields.entries()) {
      const value = state.answers[field.key];
      if (!value) continue;
      const verdict = await spec.check(ctx, field, value, state);
      if (typeof verdict === 'string') return { index, message: verdict };
    }
    return null;
  }

  /** A problem left at the summary: one line naming the step, and the summary's buttons again. */
  function atSummary(conv: ConversationRef<FormState>, index: number, message: string): Transition<FormState> {
    const field = conv.state.fields[index]!;
    const line = `${t.stepError(index + 1, field.label, message)} ${t.fixStep(index + 1)}`;
    return { to: 'retry', brief: true, say: { text: line, blocks: [{ type: 'text', text: line }, summaryButtons(conv)] } };
  }

  async function handle(ctx: Context, conv: ConversationRef<FormState>, input: Input): Promise<Transition<FormState>> {
    const guarded = await spec.guard?.(ctx, conv);
    if (guarded) return guarded;
    const state = conv.state;
    const cmd = commandOf(input);
    const editMatch = 'text' in input ? /^modifica\s+(\d+)$/.exec(normalize(input.text)) : null;
    if (cmd === 'pause') return { to: 'pause', say: [t.paused(spec.resumeCommand)] };

    const option = spec.summaryOption;
    if (conv.step === 'summary' && option?.applies(state)) {
      const word = 'text' in input ? normalize(input.text) : null;
      const chosen =
        'action' in input
          ? input.value === 'opt:1'
            ? true
            : input.value === 'opt:0'
              ? false
              : null
          : option.words.on.includes(word!)
            ? true
            : option.words.off.includes(word!)
              ? false
              : null;
      if (chosen !== null) return { to: 'step', step: 'summary', state: { ...state, subject: { ...state.subject, [option.key]: chosen } } };
    }

    if (conv.step === 'summary' || conv.step === 'pick') {
      const total = state.fields.length;
      const pressed = 'action' in input ? /^pick:(\d+)$/.exec(input.value) : null;
      const pick = pressed ? Number(pressed[1]) : editMatch ? Number(editMatch[1]) : conv.step === 'pick' && 'text' in input ? parseNumber(input.text) : null;
      if (pick !== null && pick !== undefined) {
        if (!Number.isInteger(pick) || pick < 1 || pick > total) return { to: 'retry', brief: true, say: t.badEditNumber(total) };
        const field = state.fields[pick - 1]!;
        return { to: 'step', step: 'ask', state: { ...state, index: pick - 1, fromSummary: true, draft: draftOf(state.answers[field.key]) } };
      }
      if (cmd === 'edit') return { to: 'step', step: 'pick', state };
      if (cmd === 'back')
        return { to: 'step', step: 'ask', state: { ...state, index: total - 1, draft: draftOf(state.answers[state.fields[total - 1]!.key]) } };
      if (cmd === 'confirm' && conv.step === 'summary') {
        const problem = await firstProblem(ctx, state);
        if (problem) return atSummary(conv, problem.index, problem.message);
        try {
          return { to: 'done', say: await spec.confirm(ctx, state, conv) };
        } catch (err) {
          const index = err instanceof FieldError ? state.fields.findIndex((f) => f.key === err.key) : -1;
          if (index >= 0) return atSummary(conv, index, (err as FieldError).userMessage);
          throw err;
        }
      }
      if (conv.step === 'pick') return { to: 'retry', brief: true, say: t.badEditNumber(total) };
      return { to: 'retry', brief: true, say: { text: t.summaryHint, blocks: [{ type: 'text', text: t.summaryHint }, summaryButtons(conv)] } };
    }

    const field = state.fields[state.index]!;
    if (conv.step === 'confirmValue') {
      const yes = 'action' in input ? (input.value === 'v:si' ? true : input.value === 'v:no' ? false : null) : parseYesNo(input.text);
      if (yes === true && state.pending) return answer({ ...state, pending: undefined }, field, state.pending.answer);
      if (yes === false || !state.pending) return { to: 'step', step: 'ask', state: { ...state, pending: undefined } };
      return { to: 'retry', say: t.confirmAgain };
    }
    const current = state.answers[field.key];
    if (cmd === 'keep' && current !== undefined) return answer(state, field, current);
    if (cmd === 'skip') return field.required ? { to: 'retry', say: t.cannotSkip } : answer(state, field, null);
    if (cmd === 'back') {
      if (state.index === 0) return { to: 'retry', say: t.atFirst };
      const previous = state.fields[state.index - 1]!;
      return { to: 'step', step: 'ask', state: { ...state, index: state.index - 1, draft: draftOf(state.answers[previous.key]) } };
    }

    if ('action' in input) {
      const options = field.options ?? [];
      const value = input.value;
      if (field.type === 'multi') {
        if (cmd === 'done') {
          const draft = state.draft ?? [];
          if (!draft.length && field.required) return { to: 'retry', say: t.expected.multi };
          return accept(ctx, state, field, draft.length ? { choices: draft } : null);
        }
        const option = /^o:(\d+)$/.exec(value) ? options[Number(value.slice(2))] : undefined;
        if (!option) return { to: 'retry', say: t.expected.multi };
        const draft = state.draft ?? [];
        const toggled = draft.includes(option.code) ? draft.filter((c) => c !== option.code) : [...draft, option.code];
        return { to: 'step', step: 'ask', state: { ...state, draft: options.map((o) => o.code).filter((c) => toggled.includes(c)) }, inPlace: true };
      }
      if (/^o:\d+$/.test(value) && field.type === 'choice') {
        const option = options[Number(value.slice(2))];
        if (option) return accept(ctx, state, field, { choices: [option.code] });
      }
      if (value.startsWith('v:')) {
        const parsed = parseAnswer(field, value.slice(2), ctx.now);
        if ('answer' in parsed) return accept(ctx, state, field, parsed.answer);
      }
      return { to: 'retry', say: itConversation.notCurrent };
    }

    const parsed = parseAnswer(field, input.text, ctx.now);
    if ('error' in parsed) return { to: 'retry', say: parsed.error };
    return accept(ctx, state, field, parsed.answer);
  }

  return {
    id: spec.id,
    version: spec.version,
    state: formStateSchema,
    prompt: (_env: FlowEnv, conv) => {
      const intro = conv.step === 'summary' ? spec.summaryIntro?.(conv.state) : undefined;
      const p = prompt(conv, spec.summaryOption);
      return intro ? { ...p, blocks: [{ type: 'text', text: intro }, ...(p.blocks ?? [])] } : p;
    },
    handle,
    pausedNote: (state, step) =>
      step === 'ask' || step === 'confirmValue'
        ? t.pausedAt(state.title, state.index + 1, state.fields.length, spec.resumeCommand)
        : t.pausedAtSummary(state.title, spec.resumeCommand),
    ...(spec.upgrade ? { upgrade: spec.upgrade } : {}),
  };
}

/** The initial state of a form. */
export function newForm(title: string, fields: FieldSpec[], subject: Record<string, unknown> = {}, answers: FormState['answers'] = {}): FormState {
  return { title, fields, answers, index: 0, fromSummary: false, subject };
}
