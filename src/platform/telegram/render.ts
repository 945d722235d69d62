// Renders a neutral OutMessage as Telegram sees it: HTML text (parse_mode HTML, every user-typed
// & < > escaped) plus an inline keyboard. Lengths are counted on the visible text, which is what
// Telegram limits (4,096 characters for a message, 1,024 for a caption).
import type { InlineKeyboardButton } from 'telegraf/types';
import { parseMarkup } from '../markup.js';
import { DeliveryError, type Block, type Button, type OutMessage } from '../port.js';

export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;
export const CALLBACK_DATA_LIMIT = 64;

/** A thin rule for divider blocks. */
const RULE = '──────────';
/** Buttons share a row while their labels fit in about this many characters (phones are narrow). */
const ROW_CHARS = 30;
const ROW_BUTTONS = 3;

export interface RenderedText {
  html: string;
  /** Characters the person reads (what Telegram's limits count). */
  length: number;
}

export interface Rendered extends RenderedText {
  keyboard?: InlineKeyboardButton.CallbackButton[][];
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}

/** Neutral markup (`**bold**`, `_italic_`, `[label](url)`) to Telegram HTML. */
export function renderMarkup(text: string): RenderedText {
  let html = '';
  let length = 0;
  for (const span of parseMarkup(text)) {
    const inner = escapeHtml(span.text);
    length += span.text.length;
    if (span.kind === 'bold') html += `<b>${inner}</b>`;
    else if (span.kind === 'italic') html += `<i>${inner}</i>`;
    else if (span.kind === 'link') html += `<a href="${escapeAttribute(span.url)}">${inner}</a>`;
    else html += inner;
  }
  return { html, length };
}

function wrap(tag: string, r: RenderedText): RenderedText {
  return { html: `<${tag}>${r.html}</${tag}>`, length: r.length };
}

function renderBlock(block: Exclude<Block, { type: 'buttons' }>): RenderedText {
  switch (block.type) {
    case 'header':
      return wrap('b', renderMarkup(block.text));
    case 'text':
      return renderMarkup(block.text);
    case 'context':
      return wrap('i', renderMarkup(block.text));
    case 'divider':
      return { html: RULE, length: RULE.length };
  }
}

/** The text of a message: its blocks one per line, or its plain `text` when it has no text blocks. */
export function renderText(message: OutMessage): RenderedText {
  const parts = (message.blocks ?? []).filter((b): b is Exclude<Block, { type: 'buttons' }> => b.type !== 'buttons').map(renderBlock);
  if (parts.length === 0) return renderMarkup(message.text);
  return {
    html: parts.map((p) => p.html).join('\n'),
    length: parts.reduce((n, p) => n + p.length, 0) + parts.length - 1,
  };
}

/** `action|value`, the form callback_query data comes back in (see inbound.ts). */
export function callbackData(button: Button): string {
  if (button.action.includes('|')) throw new DeliveryError('permanent', `azione di pulsante non valida (contiene «|»): ${button.action}`);
  const data = `${button.action}|${button.value ?? ''}`;
  const bytes = Buffer.byteLength(data, 'utf8');
  if (bytes > CALLBACK_DATA_LIMIT) {
    throw new DeliveryError('permanent', `callback_data di ${bytes} byte (Telegram ne accetta al massimo ${CALLBACK_DATA_LIMIT}): ${data.slice(0, 80)}`);
  }
  return data;
}

export function renderKeyboard(blocks: Block[] | undefined): InlineKeyboardButton.CallbackButton[][] | undefined {
  const rows: InlineKeyboardButton.CallbackButton[][] = [];
  for (const block of blocks ?? []) {
    if (block.type !== 'buttons') continue;
    let row: InlineKeyboardButton.CallbackButton[] = [];
    let chars = 0;
    for (const button of block.buttons) {
      const cell = { text: button.label, callback_data: callbackData(button) };
      if (row.length > 0 && (row.length >= ROW_BUTTONS || chars + button.label.length > ROW_CHARS)) {
        rows.push(row);
        row = [];
        chars = 0;
      }
      row.push(cell);
      chars += button.label.length;
    }
    if (row.length) rows.push(row);
  }
  return rows.length ? rows : undefined;
}

export function render(message: OutMessage): Rendered {
  const keyboard = renderKeyboard(message.blocks);
  return { ...renderText(message), ...(keyboard ? { keyboard } : {}) };
}
