// A guided form on top of the conversation engine: typed questions one at a time ("3/11"), each
// answer validated (Italian numbers, scales and choices by button or typed), «salta», «indietro»,
// «annulla» (pause, resumable), then a summary with Conferma / Modifica. Check-ins, new laboratori
// on Telegram and good-practice proposals are all forms.
import { z } from 'zod';
import type { Context } from '../bus/types.js';
import { itConversation } from './texts.js';
import { literal } from '../platform/markup.js';
import type { Block, Button, OutMessage } from '../platform/port.js';
import { formatDate, formatDateTime, parseItalianDateTime } from '../time.js';
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
});
export type FormState = z.infer<typeof formStateSchema>;

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
      const max = field.max ?? (field.type === 'scale' ? 5 : undefined);
      const ok = n !== null && (field.type === 'decimal' || Number.isInteger(n)) && (min === undefined || n >= min) && (max === undefined || n <= max);
      if (ok) return { answer: { number: n } };
      if (field.type === 'scale') return { error: t.expected.scale(min!, max!) };
      return { error: field.type === 'integer' ? t.expected.integer(min, max) : t.expected.decimal(min, max) };
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

function prompt(conv: ConversationRef<FormState>, option?: SummaryOption): OutMessage {
  const s = conv.state;
  if (conv.step === 'summary' || conv.step === 'pick') {
    const lines = s.fields.map((f, i) => `${i + 1}. ${literal(f.label)}\n    **${formatAnswer(f, s.answers[f.key])}**`);
    const blocks: Block[] = [
      { type: 'header', text: `${t.summaryTitle} — ${s.title}` },
      { type: 'text', text: lines.join('\n') },
    ];
    if (conv.step === 'pick') blocks.push({ type: 'text', text: t.whichToEdit(s.fields.length) });
    else {
      const asked = option?.applies(s) ? option : undefined;
      if (asked) blocks.push({ type: 'text', text: asked.text(optionOn(asked, s)) });
      blocks.push({ type: 'context', text: t.summaryHint });
      blocks.push({ type: 'buttons', buttons: [button(conv, t.confirm, 'confirm', 'primary'), button(conv, t.edit, 'edit'), button(conv, t.pause, 'pause')] });
      if (asked) blocks.push({ type: 'buttons', buttons: [button(conv, asked.label(optionOn(asked, s)), optionOn(asked, s) ? 'opt:0' : 'opt:1')] });
    }
    return { text: `${t.summaryTitle} — ${s.title}`, blocks };
  }
  const field = s.fields[s.index]!;
  const hint = field.type === 'scale' ? t.hint.scale(field.min ?? 1, field.max ?? 5) : t.hint[field.type];
  const text = `**${t.progress(s.index + 1, s.fields.length)}** ${literal(field.label)}`;
  const notes = [field.help ? literal(field.help) : '', typeof hint === 'string' ? hint : '', field.required ? '' : t.optional].filter(Boolean).join(' ');
  const controls: Button[] = [];
  if (!field.required) controls.push(button(conv, t.skip, 'skip'));
  if (s.index > 0) controls.push(button(conv, t.back, 'back'));
  controls.push(button(conv, t.pause, 'pause'));
  const choices = fieldButtons(conv, field, s);
  const blocks: Block[] = [
    { type: 'text', text },
    { type: 'context', text: notes },
  ];
  if (choices.length) blocks.push({ type: 'buttons', buttons: choices });
  blocks.push({ type: 'buttons', buttons: controls });
  return { text: `${t.progress(s.index + 1, s.fields.length)} ${field.label}`, blocks };
}

type Command = 'skip' | 'back' | 'pause' | 'confirm' | 'edit' | 'done';

function commandOf(input: Input): Command | null {
  if ('action' in input) return (['skip', 'back', 'pause', 'confirm', 'edit', 'done'] as const).find((c) => c === input.value) ?? null;
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
  };
  return map[word] ?? null;
}

export function formFlow(spec: FormFlowSpec): Flow<FormState> {
  const next = (state: FormState, index: number): Transition<FormState> =>
    state.fromSummary || index >= state.fields.length
      ? { to: 'step', step: 'summary', state: { ...state, fromSummary: false, draft: undefined } }
      : { to: 'step', step: 'ask', state: { ...state, index, draft: undefined } };

  const answer = (state: FormState, field: FieldSpec, value: Answer | null): Transition<FormState> =>
    next({ ...state, answers: { ...state.answers, [field.key]: value } }, state.index + 1);

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
      const pick = editMatch ? Number(editMatch[1]) : conv.step === 'pick' && 'text' in input ? parseNumber(input.text) : null;
      if (pick !== null && pick !== undefined) {
        if (!Number.isInteger(pick) || pick < 1 || pick > total) return { to: 'retry', say: t.badEditNumber(total) };
        const field = state.fields[pick - 1]!;
        const current = state.answers[field.key];
        return {
          to: 'step',
          step: 'ask',
          state: { ...state, index: pick - 1, fromSummary: true, draft: current && 'choices' in current ? current.choices : undefined },
        };
      }
      if (cmd === 'edit') return { to: 'step', step: 'pick', state };
      if (cmd === 'back') return { to: 'step', step: 'ask', state: { ...state, index: total - 1 } };
      if (cmd === 'confirm' && conv.step === 'summary') return { to: 'done', say: await spec.confirm(ctx, state, conv) };
      return { to: 'retry', say: conv.step === 'pick' ? t.badEditNumber(total) : t.summaryHint };
    }

    const field = state.fields[state.index]!;
    if (cmd === 'skip') return field.required ? { to: 'retry', say: t.cannotSkip } : answer(state, field, null);
    if (cmd === 'back')
      return state.index === 0 ? { to: 'retry', say: t.atFirst } : { to: 'step', step: 'ask', state: { ...state, index: state.index - 1, draft: undefined } };

    if ('action' in input) {
      const options = field.options ?? [];
      const value = input.value;
      if (field.type === 'multi') {
        if (cmd === 'done') {
          const draft = state.draft ?? [];
          if (!draft.length && field.required) return { to: 'retry', say: t.expected.multi };
          return answer(state, field, draft.length ? { choices: draft } : null);
        }
        const option = /^o:(\d+)$/.exec(value) ? options[Number(value.slice(2))] : undefined;
        if (!option) return { to: 'retry', say: t.expected.multi };
        const draft = state.draft ?? [];
        const toggled = draft.includes(option.code) ? draft.filter((c) => c !== option.code) : [...draft, option.code];
        return { to: 'step', step: 'ask', state: { ...state, draft: options.map((o) => o.code).filter((c) => toggled.includes(c)) }, inPlace: true };
      }
      if (/^o:\d+$/.test(value) && field.type === 'choice') {
        const option = options[Number(value.slice(2))];
        if (option) return answer(state, field, { choices: [option.code] });
      }
      if (value.startsWith('v:')) {
        const parsed = parseAnswer(field, value.slice(2), ctx.now);
        if ('answer' in parsed) return answer(state, field, parsed.answer);
      }
      return { to: 'retry', say: itConversation.notCurrent };
    }

    const parsed = parseAnswer(field, input.text, ctx.now);
    if ('error' in parsed) return { to: 'retry', say: parsed.error };
    return answer(state, field, parsed.answer);
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
    ...(spec.upgrade ? { upgrade: spec.upgrade } : {}),
  };
}

/** The initial state of a form. */
export function newForm(title: string, fields: FieldSpec[], subject: Record<string, unknown> = {}, answers: FormState['answers'] = {}): FormState {
  return { title, fields, answers, index: 0, fromSummary: false, subject };
}
