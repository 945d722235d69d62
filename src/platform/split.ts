// Long messages are split before they enter the outbox, at block and line boundaries (never in
// the middle of a line), so each part fits the platform: Telegram 4,096 characters per message,
// Slack 50 blocks, 3,000 characters per section and about 12,000 characters of blocks in all.
import type { Block, OutMessage } from './port.js';

interface Budget {
  /** Characters of neutral text per message (Telegram's HTML tags and Slack's JSON need room). */
  chars: number;
  /** Characters per text block. */
  blockChars: number;
  blocks: number;
}

const budgets: Record<string, Budget> = {
  telegram: { chars: 3800, blockChars: 3800, blocks: 1000 },
  slack: { chars: 11_000, blockChars: 2900, blocks: 45 },
};
const fallback: Budget = { chars: 3800, blockChars: 2900, blocks: 45 };

function blockSize(b: Block): number {
  switch (b.type) {
    case 'divider':
      return 1;
    case 'buttons':
      return b.buttons.reduce((n, x) => n + x.label.length + 2, 0);
    default:
      return b.text.length + 1;
  }
}

/** Splits text into pieces of at most `max` characters at line breaks (words for a giant line). */
export function splitLines(text: string, max: number): string[] {
  const out: string[] = [];
  let current = '';
  const push = () => {
    if (current) out.push(current);
    current = '';
  };
  for (const line of text.split('\n')) {
    const pieces = line.length <= max ? [line] : (line.match(new RegExp(`.{1,${max}}(\\s|$)|\\S{${max}}`, 'gu')) ?? [line]).map((s) => s.trimEnd());
    for (const piece of pieces) {
      if (current && current.length + 1 + piece.length > max) push();
      current = current ? `${current}\n${piece}` : piece;
    }
  }
  push();
  return out.length ? out : [''];
}

function firstLine(blocks: Block[], fallbackText: string): string {
  for (const b of blocks) if (b.type !== 'divider' && b.type !== 'buttons' && b.text.trim()) return b.text.split('\n')[0]!.slice(0, 300);
  return fallbackText.split('\n')[0]!.slice(0, 300);
}

export function splitMessage(platform: string, message: OutMessage): OutMessage[] {
  const budget = budgets[platform] ?? fallback;
  if (!message.blocks?.length) {
    const parts = splitLines(message.text, budget.blockChars);
    if (parts.length === 1) return [message];
    return parts.map((text, i) => ({ text, ...(i === parts.length - 1 && message.attachment ? { attachment: message.attachment } : {}) }));
  }
  const blocks: Block[] = message.blocks.flatMap((b) =>
    (b.type === 'text' || b.type === 'context') && b.text.length > budget.blockChars
      ? splitLines(b.text, budget.blockChars).map((text) => ({ type: b.type, text }) as Block)
      : [b],
  );
  const groups: Block[][] = [[]];
  let size = 0;
  for (const b of blocks) {
    const current = groups[groups.length - 1]!;
    const s = blockSize(b);
    if (current.length && (current.length + 1 > budget.blocks || size + s > budget.chars)) {
      groups.push([b]);
      size = s;
    } else {
      current.push(b);
      size += s;
    }
  }
  if (groups.length === 1) return [message];
  return groups.map((g, i) => ({
    text: i === 0 ? firstLine(g, message.text) : firstLine(g, message.text),
    blocks: g,
    ...(i === groups.length - 1 && message.attachment ? { attachment: message.attachment } : {}),
  }));
}
