// Blocks of a digest section: a header, its body, a note. Long digests are split per platform by
// the outbox (src/platform/split.ts) at block and line boundaries; here lines are packed into text
// blocks that never cut an item (an obstacle stays whole), so a split falls between items.
import type { Block } from '../platform/port.js';

/** Characters per text block: well under Slack's 3,000 per section, even after escaping. */
export const BLOCK_CHARS = 2000;

/** Lines packed into as few text blocks as fit, each line whole. */
export function packLines(lines: string[], max = BLOCK_CHARS): Block[] {
  const blocks: Block[] = [];
  let current = '';
  for (const line of lines) {
    if (current && current.length + 1 + line.length > max) {
      blocks.push({ type: 'text', text: current });
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) blocks.push({ type: 'text', text: current });
  return blocks;
}

/** A header over its body, and a note under it; nothing at all when the body is empty. */
export function section(header: string, body: Block[], note?: string): Block[] {
  if (!body.length) return [];
  return [{ type: 'header', text: header }, ...body, ...(note ? [{ type: 'context' as const, text: note }] : [])];
}
