import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/platform/port.js';
import { splitMessage } from '../../src/platform/split.js';

const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').length;

describe('splitMessage', () => {
  it('measures Slack text as Slack counts it, escapes included', () => {
    // 80 lines of 100 characters, half of them < > &: 8,000 raw characters, 14,400 once escaped.
    const line = '<a> & <b> '.repeat(5) + 'x'.repeat(50);
    const blocks: Block[] = [{ type: 'text', text: Array.from({ length: 80 }, () => line).join('\n') }];
    const parts = splitMessage('slack', { text: 'lungo', blocks });
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      for (const b of p.blocks!) if (b.type === 'text') expect(escaped(b.text)).toBeLessThanOrEqual(2900);
      expect(p.blocks!.reduce((n, b) => n + (b.type === 'text' ? escaped(b.text) : 0), 0)).toBeLessThanOrEqual(11_000);
    }
    expect(parts.flatMap((p) => p.blocks!.map((b) => (b.type === 'text' ? b.text : ''))).join('\n')).toBe(blocks[0]!.type === 'text' ? blocks[0]!.text : '');
  });

  it('never ends a part on a header: the header moves on with its section', () => {
    const body = 'riga di testo abbastanza lunga\n'.repeat(100).trim();
    const blocks: Block[] = [
      { type: 'header', text: 'Primo' },
      { type: 'text', text: body.slice(0, 1895) },
      { type: 'header', text: 'Secondo' },
      { type: 'text', text: body.slice(0, 1895) },
      { type: 'header', text: 'Terzo' },
      { type: 'text', text: body.slice(0, 1895) },
    ];
    const parts = splitMessage('telegram', { text: 'Digest', blocks });
    expect(parts.map((p) => p.blocks!.map((b) => b.type))).toEqual([
      ['header', 'text'],
      ['header', 'text'],
      ['header', 'text'],
    ]);
    expect(parts.map((p) => p.text)).toEqual(['Primo', 'Secondo', 'Terzo']);
  });
});
