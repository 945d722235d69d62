// Long messages are split before they enter the outbox, at block and line boundaries (never in
// the middle of a line), so each part fits the platform: Telegram 4,096 characters per message,
// Slack 50 blocks, 3,000 characters per section and about 12,000 characters of blocks in all.
// Sizes are measured as the platform counts them: Slack counts its escapes (&amp; &lt; &gt;).
// A section header never ends a part: it moves to the next one, with its content.
import type { Block, OutMessage } from './port.js';

type Measure = (text: string) => number;

interface Budget {
  /** Characters of neutral text per message (Telegram's HTML tags and Slack's JSON need room). */
  chars: number;
  /** Characters per text block. */
  blockChars: number;
  blocks: number;
  measure: Measure;
}

const plainLength: Measure = (text) => text.length;
/** Slack escapes & < > in mrkdwn (&amp; &lt; &gt;), and the escapes count against its limits. */
const slackLength: Measure = (text) => {
  let n = text.length;
  for (const c of text)
    if (c === '&') n += 4;
    else if (c === '<' || c === '>') n += 3;
  return n;
};

const budgets: Record<string, Budget> = {
  telegram: { chars: 3800, blockChars: 3800, blocks: 1000, measure: plainLength },
  slack: { chars: 11_000, blockChars: 2900, blocks: 45, measure: slackLength },
};
const fallback: Budget = { chars: 3800, blockChars: 2900, blocks: 45, measure: plainLength };

function blockSize(b: Block, measure: Measure): number {
  switch (b.type) {
    case 'divider':
      return 1;
    case 'buttons':
      return b.buttons.reduce((n, x) => n + x.label.length + 2, 0);
    default:
      return measure(b.text) + 1;
  }
}

/** Splits text into pieces of at most `max` (measured) characters at line breaks (words for a giant line). */
export function splitLines(text: string, max: number, measure: Measure = plainLength): string[] {
  const out: string[] = [];
  let current = '';
  let size = 0;
  const push = () => {
    if (current) out.push(current);
    current = '';
    size = 0;
  };
  for (const line of text.split('\n')) {
    const lineSize = measure(line);
    // A giant line is cut between words, at a raw length that keeps the measured size under max.
    const raw = Math.max(1, Math.floor((max * line.length) / Math.max(lineSize, 1)));
    const pieces = lineSize <= max ? [line] : (line.match(new RegExp(`.{1,${raw}}(\\s|$)|\\S{${raw}}`, 'gu')) ?? [line]).map((s) => s.trimEnd());
    for (const piece of pieces) {
      const pieceSize = measure(piece);
      if (current && size + 1 + pieceSize > max) push();
      size = current ? size + 1 + pieceSize : pieceSize;
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
    const parts = splitLines(message.text, budget.blockChars, budget.measure);
    if (parts.length === 1) return [message];
    return parts.map((text, i) => ({ text, ...(i === parts.length - 1 && message.attachment ? { attachment: message.attachment } : {}) }));
  }
  const { measure } = budget;
  const blocks: Block[] = message.blocks.flatMap((b) =>
    (b.type === 'text' || b.type === 'context') && measure(b.text) > budget.blockChars
      ? splitLines(b.text, budget.blockChars, measure).map((text) => ({ type: b.type, text }) as Block)
      : [b],
  );
  const groups: Block[][] = [[]];
  let size = 0;
  for (const b of blocks) {
    const current = groups[groups.length - 1]!;
    const s = blockSize(b, measure);
    if (current.length && (current.length + 1 > budget.blocks || size + s > budget.chars)) {
      // A header stays with what it introduces.
      const carried = current.length > 1 && current[current.length - 1]!.type === 'header' ? [current.pop()!] : [];
      groups.push([...carried, b]);
      size = carried.reduce((n, x) => n + blockSize(x, measure), s);
    } else {
      current.push(b);
      size += s;
    }
  }
  if (groups.length === 1) return blocks.length === message.blocks.length ? [message] : [{ ...message, blocks }];
  return groups.map((g, i) => ({
    text: i === 0 ? firstLine(g, message.text) : firstLine(g, message.text),
    blocks: g,
    ...(i === groups.length - 1 && message.attachment ? { attachment: message.attachment } : {}),
  }));
}
