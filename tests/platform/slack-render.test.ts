// Neutral messages as Slack shows them: mrkdwn conversion and escaping, Block Kit limits.
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/platform/port.js';
import { decodeMetadata, encodeMetadata } from '../../src/platform/slack/forms.js';
import { renderMessage, splitText, toMrkdwn } from '../../src/platform/slack/render.js';
import { readBlocks } from '../support/slack.js';

type Rendered = {
  type: string;
  text?: { type: string; text: string };
  elements?: { action_id?: string; value?: string; style?: string; text?: { text: string } | string }[];
};
const blocksOf = (blocks: Block[], text = 'messaggio') => renderMessage({ text, blocks }).blocks as Rendered[];

describe('mrkdwn', () => {
  it('converts bold, italic and links', () => {
    expect(toMrkdwn('**Rete Bergamo Ovest** è _attiva_: [apri il programma](https://example.org/lab?id=7&x=1)')).toBe(
      '*Rete Bergamo Ovest* è _attiva_: <https://example.org/lab?id=7&amp;x=1|apri il programma>',
    );
  });

  it('escapes & < > so typed text cannot become a mention, a channel ping or a link', () => {
    expect(toMrkdwn('Comune & ASST <@U0COORD1> <!channel> <https://evil.example|clicca>')).toBe(
      'Comune &amp; ASST &lt;@U0COORD1&gt; &lt;!channel&gt; &lt;https://evil.example|clicca&gt;',
    );
    expect(toMrkdwn('**A & B** [x > y](https://example.org/a|b)')).toBe('*A &amp; B* <https://example.org/a%7Cb|x &gt; y>');
  });

  it('moves spaces out of bold and italic marks, which Slack needs touching the words', () => {
    expect(toMrkdwn('** spazi **! e _ corsivo _.')).toBe(' *spazi* ! e  _corsivo_ .');
  });
});

describe('Block Kit', () => {
  it('renders header, text, context and divider, always with a fallback text', () => {
    const { text, blocks } = renderMessage({
      text: 'Digest di **novembre**',
      blocks: [
        { type: 'header', text: 'Digest di **novembre**' },
        { type: 'text', text: 'Hanno risposto _12 reti_ su 35.' },
        { type: 'divider' },
        { type: 'context', text: 'Inviato il lun 23 novembre, 9:00' },
      ],
    });
    expect(text).toBe('Digest di *novembre*');
    expect(blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Digest di novembre', emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: 'Hanno risposto _12 reti_ su 35.' } },
      { type: 'divider' },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Inviato il lun 23 novembre, 9:00' }] },
    ]);
  });

  it('renders a plain message as a section', () => {
    expect(renderMessage({ text: 'Ciao & benvenuta' })).toEqual({
      text: 'Ciao &amp; benvenuta',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Ciao &amp; benvenuta' } }],
    });
  });

  it('clips a header to 150 characters', () => {
    const [header] = blocksOf([{ type: 'header', text: 'L'.repeat(200) }]);
    expect(header!.text!.text).toHaveLength(150);
    expect(header!.text!.text.endsWith('…')).toBe(true);
  });

  it('splits long text at line breaks, and an over-long line at a space', () => {
    const long = Array.from({ length: 400 }, (_, i) => `riga ${i} & co`).join('\n');
    const sections = blocksOf([{ type: 'text', text: long }]);
    expect(sections.length).toBeGreaterThan(1);
    expect(sections.every((b) => b.type === 'section' && b.text!.text.length <= 3000)).toBe(true);
    expect(sections.map((b) => b.text!.text).join('\n')).toBe(toMrkdwn(long));

    const words = 'parola '.repeat(1000).trim();
    const pieces = splitText(words, 3000);
    expect(pieces.every((p) => p.length <= 3000 && !p.startsWith(' ') && p.endsWith('parola'))).toBe(true);
    expect(pieces.join(' ')).toBe(words);
    expect(splitText('&amp;'.repeat(1000), 3000).every((p) => /^(&amp;)+$/.test(p))).toBe(true);
  });

  it('renders buttons: value, style, unique action ids for repeated actions, at most 25 per actions block', () => {
    const buttons = Array.from({ length: 30 }, (_, i) => ({
      label: `Lab ${i + 1}`,
      action: 'laboratori.iscrivi',
      value: `lab-${i + 1}`,
      ...(i === 0 ? { style: 'primary' as const } : {}),
    }));
    const blocks = blocksOf([{ type: 'buttons', buttons }]);
    expect(blocks.map((b) => [b.type, b.elements!.length])).toEqual([
      ['actions', 25],
      ['actions', 5],
    ]);
    const elements = blocks.flatMap((b) => b.elements!);
    expect(elements[0]).toEqual({
      type: 'button',
      text: { type: 'plain_text', text: 'Lab 1', emoji: true },
      action_id: 'laboratori.iscrivi',
      value: 'lab-1',
      style: 'primary',
    });
    expect(elements.slice(1, 3).map((e) => e.action_id)).toEqual(['laboratori.iscrivi#2', 'laboratori.iscrivi#3']);
    expect(new Set(elements.map((e) => e.action_id)).size).toBe(30);
    expect(elements.map((e) => e.value)).toEqual(buttons.map((b) => b.value));
  });

  it('never sends more than 50 blocks, and says the message was cut', () => {
    const many: Block[] = Array.from({ length: 70 }, (_, i) => ({ type: 'text', text: `Punto ${i + 1}` }));
    const blocks = blocksOf(many);
    expect(blocks).toHaveLength(50);
    expect(readBlocks(blocks).split('\n').at(-1)).toBe('… (messaggio troncato: era troppo lungo per Slack)');
  });
});

describe('modal metadata', () => {
  it('carries context and origin, and takes foreign metadata as plain context', () => {
    const raw = encodeMetadata({ context: 'lab:7', chatId: 'C0BG01', kind: 'group' });
    expect(raw.length).toBeLessThan(3000);
    expect(decodeMetadata(raw)).toEqual({ context: 'lab:7', chatId: 'C0BG01', kind: 'group' });
    expect(decodeMetadata('qualcos-altro')).toEqual({ context: 'qualcos-altro' });
    expect(decodeMetadata('{"a":1}')).toEqual({ context: '{"a":1}' });
    expect(decodeMetadata(undefined)).toEqual({ context: '' });
  });
});
