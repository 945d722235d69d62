// Neutral messages → Block Kit. The neutral markup becomes Slack mrkdwn with & < > escaped, so
// nothing a person typed can turn into a mention or a link; Block Kit's limits are respected here
// (section text, header length, 25 buttons per actions block, 50 blocks, unique action ids).
import type { types } from '@slack/bolt';
import { itSlack } from './texts.js';
import { parseMarkup, toPlain } from '../markup.js';
import type { Block, Button, OutMessage } from '../port.js';

export const blockKitLimits = {
  blocks: 50,
  sectionText: 3000,
  contextText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  buttonsPerBlock: 25,
  fallbackText: 4000,
} as const;

export interface SlackMessage {
  /** Fallback for notifications and clients without Block Kit; always set. */
  text: string;
  blocks: types.KnownBlock[];
}

/** Escapes Slack's three control characters; everything else is shown as typed. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeUrl(url: string): string {
  return url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
}

/** Bold and italic marks must touch the words: spaces inside the markup move outside it. */
function emphasise(mark: string, text: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  const [, lead = '', core = '', trail = ''] = m;
  return core ? `${lead}${mark}${escapeText(core)}${mark}${trail}` : escapeText(text);
}

/** Neutral markup (`**bold**`, `_italic_`, `[label](url)`) → Slack mrkdwn. */
export function toMrkdwn(input: string): string {
  return parseMarkup(input)
    .map((span) => {
      switch (span.kind) {
        case 'text':
          return escapeText(span.text);
        case 'bold':
          return emphasise('*', span.text);
        case 'italic':
          return emphasise('_', span.text);
        case 'link':
          return `<${escapeUrl(span.url)}|${escapeText(span.text)}>`;
      }
    })
    .join('');
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Where a too-long line can be cut: at a space, never inside an entity (&amp;) or a link (<…>). */
function cutPoint(line: string, max: number): number {
  let cut = line.lastIndexOf(' ', max);
  if (cut < max / 2) cut = max;
  const amp = line.lastIndexOf('&', cut - 1);
  if (amp >= 0 && amp > cut - 6 && line.indexOf(';', amp) >= cut) cut = amp;
  const open = line.lastIndexOf('<', cut - 1);
  if (open > 0 && open > line.lastIndexOf('>', cut - 1)) cut = open;
  return cut > 0 ? cut : max;
}

/** Splits rendered mrkdwn into pieces of at most `max` characters, at line breaks when possible. */
export function splitText(text: string, max: number = blockKitLimits.sectionText): string[] {
  const chunks: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) chunks.push(current);
    current = '';
  };
  for (let line of text.split('\n')) {
    while (line.length > max) {
      flush();
      const cut = cutPoint(line, max);
      chunks.push(line.slice(0, cut));
      line = line.slice(cut).replace(/^ /, '');
    }
    if (current && current.length + 1 + line.length > max) flush();
    current = current ? `${current}\n${line}` : line;
  }
  flush();
  return chunks;
}

/** action_id must be unique within a message: the second "x" becomes "x#2" (see inbound.ts). */
class ActionIds {
  private readonly seen = new Map<string, number>();
  next(action: string): string {
    const base = action.slice(0, blockKitLimits.actionId - 4);
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  }
}

function button(b: Button, ids: ActionIds): types.Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: clip(toPlain(b.label), blockKitLimits.buttonText) || '…', emoji: true },
    action_id: ids.next(b.action),
    ...(b.value ? { value: b.value.slice(0, blockKitLimits.buttonValue) } : {}),
    ...(b.style ? { style: b.style } : {}),
  };
}

function sections(text: string): types.SectionBlock[] {
  return splitText(toMrkdwn(text)).map((chunk) => ({ type: 'section', text: { type: 'mrkdwn', text: chunk } }));
}

function context(text: string): types.ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: clip(toMrkdwn(text), blockKitLimits.contextText) }] };
}

function renderBlock(block: Block, ids: ActionIds): types.KnownBlock[] {
  switch (block.type) {
    case 'header': {
      const text = clip(toPlain(block.text).replace(/\s+/g, ' ').trim(), blockKitLimits.headerText);
      return text ? [{ type: 'header', text: { type: 'plain_text', text, emoji: true } }] : [];
    }
    case 'text':
      return sections(block.text);
    case 'context':
      return block.text.trim() ? [context(block.text)] : [];
    case 'divider':
      return [{ type: 'divider' }];
    case 'buttons': {
      const out: types.ActionsBlock[] = [];
      for (let i = 0; i < block.buttons.length; i += blockKitLimits.buttonsPerBlock) {
        out.push({ type: 'actions', elements: block.buttons.slice(i, i + blockKitLimits.buttonsPerBlock).map((b) => button(b, ids)) });
      }
      return out;
    }
  }
}

function fallbackSource(message: OutMessage): string {
  if (message.text.trim()) return message.text;
  const texts = (message.blocks ?? []).flatMap((b) => (b.type === 'divider' || b.type === 'buttons' ? [] : [b.text]));
  return texts.join('\n') || ' ';
}

/** The message as Slack receives it: blocks always (a plain message is one or more sections). */
export function renderMessage(message: OutMessage): SlackMessage {
  const ids = new ActionIds();
  const source: Block[] = message.blocks?.length ? message.blocks : [{ type: 'text', text: message.text }];
  let blocks = source.flatMap((b) => renderBlock(b, ids));
  if (blocks.length > blockKitLimits.blocks) {
    // The core splits long messages before enqueueing; this is the last line of defence.
    blocks = [...blocks.slice(0, blockKitLimits.blocks - 1), context(itSlack.truncated)];
  }
  return { text: clip(toMrkdwn(fallbackSource(message)), blockKitLimits.fallbackText), blocks };
}
