// Neutral forms (FormSpec) ↔ Slack modals. The modal carries the form id as callback_id and, in
// private_metadata, the form's opaque context plus the chat the form was opened from, so the
// submission is answered where the person asked.
import type { types } from '@slack/bolt';
import { itSlack } from './texts.js';
import type { ChatRef, FormField, FormSpec } from '../port.js';
import { clip } from './render.js';
import { toPlain } from '../markup.js';

export interface FormOrigin {
  context: string;
  chatId: string;
  kind: ChatRef['kind'];
}

const plain = (text: string, max: number): types.PlainTextElement => ({ type: 'plain_text', text: clip(text, max) || '…', emoji: true });

export function encodeMetadata(origin: FormOrigin): string {
  return JSON.stringify({ reti: 1, c: origin.context, ch: origin.chatId, k: origin.kind });
}

/** The origin of a submitted modal; a modal opened by something else yields only its metadata as context. */
export function decodeMetadata(raw: string | undefined): Partial<FormOrigin> & { context: string } {
  if (!raw) return { context: '' };
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && (parsed as { reti?: unknown }).reti === 1) {
      const { c, ch, k } = parsed as { c?: unknown; ch?: unknown; k?: unknown };
      return {
        context: typeof c === 'string' ? c : '',
        ...(typeof ch === 'string' && ch ? { chatId: ch } : {}),
        ...(k === 'group' || k === 'private' ? { kind: k } : {}),
      };
    }
  } catch {
    // not ours: the whole string is the context
  }
  return { context: raw };
}

function textInput(field: FormField, multiline: boolean): types.PlainTextInput {
  return {
    type: 'plain_text_input',
    action_id: field.key,
    ...(multiline ? { multiline: true } : {}),
    ...(field.initial ? { initial_value: field.initial } : {}),
    ...(field.placeholder ? { placeholder: plain(field.placeholder, 150) } : {}),
  };
}

type InputElement = types.InputBlock['element'];

function element(field: FormField): InputElement {
  switch (field.kind) {
    case 'text':
    case 'number':
      return textInput(field, false);
    case 'multiline':
      return textInput(field, true);
    case 'date':
      return {
        type: 'datepicker',
        action_id: field.key,
        ...(field.initial && /^\d{4}-\d{2}-\d{2}$/.test(field.initial) ? { initial_date: field.initial } : {}),
        ...(field.placeholder ? { placeholder: plain(field.placeholder, 150) } : {}),
      };
    case 'time':
      return {
        type: 'timepicker',
        action_id: field.key,
        ...(field.initial && /^\d{2}:\d{2}$/.test(field.initial) ? { initial_time: field.initial } : {}),
        ...(field.placeholder ? { placeholder: plain(field.placeholder, 150) } : {}),
      };
    case 'select': {
      const options = (field.options ?? []).slice(0, 100).map((o) => ({ text: plain(o.label, 75), value: o.value.slice(0, 150) }));
      if (options.length === 0) return textInput(field, false);
      const initial = options.find((o) => o.value === field.initial);
      return {
        type: 'static_select',
        action_id: field.key,
        options,
        ...(initial ? { initial_option: initial } : {}),
        placeholder: plain(field.placeholder ?? itSlack.choose, 150),
      };
    }
  }
}

export function renderForm(form: FormSpec, origin: FormOrigin): types.ModalView {
  return {
    type: 'modal',
    callback_id: form.form,
    private_metadata: encodeMetadata(origin),
    title: plain(form.title, 24),
    submit: plain(form.submitLabel, 24),
    close: plain(itSlack.cancel, 24),
    blocks: form.fields.slice(0, 100).map((field): types.InputBlock => ({
      type: 'input',
      block_id: field.key,
      optional: Boolean(field.optional),
      label: plain(field.label, 2000),
      element: element(field),
    })),
  };
}

/** What Slack reports for one input of a submitted modal (the fields Reti reads). */
export interface StateValue {
  type: string;
  value?: string | null;
  selected_date?: string | null;
  selected_time?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
}

/** Flattens view.state.values ({block: {action: value}}) to {field key: answer}. */
export function formValues(values: Record<string, Record<string, StateValue>>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const actions of Object.values(values)) {
    for (const [key, v] of Object.entries(actions)) {
      if (v.selected_options) out[key] = v.selected_options.map((o) => o.value);
      else out[key] = v.value ?? v.selected_date ?? v.selected_time ?? v.selected_option?.value ?? '';
    }
  }
  return out;
}

/** Errors by field key as Slack shows them under each input (block id = field key; plain text, at most 2000 characters). */
export function fieldErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([key, message]) => [key, clip(toPlain(message), 2000)]));
}

/** The block to attach an error to when a submission cannot be recorded. */
export function firstBlockId(values: Record<string, unknown>): string | undefined {
  return Object.keys(values)[0];
}
