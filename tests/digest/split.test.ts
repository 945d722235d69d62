// A large digest (300 networks with obstacles, 100 silent) through the real outbox on both
// platforms: every part within the platform's limits, in order, nothing lost, no line cut.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPlain, type SentMessage } from '../../src/platform/memory/adapter.js';
import { toPlain } from '../../src/platform/markup.js';
import type { OutMessage } from '../../src/platform/port.js';
import { people, testApp, type TestApp } from '../support/app.js';
import { buildDigest, renderDigest } from '../support/reports.js';
import { CheckinData } from './data.js';

const code = (i: number) => `R${String(i).padStart(3, '0')}`;

function obstacle(i: number): string {
  if (i % 50 === 0) return `Ostacolo lungo della rete ${code(i)}: ${'trasporti, orari & <sportelli> chiusi; '.repeat(48)}fine.`;
  if (i % 7 === 0) return `Prima riga dell'ostacolo ${i}\nseconda riga con **asterischi** e _trattini_`;
  return `Difficoltà n. ${i}: i partner si incontrano poco & le associazioni <di stranieri> non sono coinvolte abbastanza.`;
}

/** Slack's escaping of & < >, which is what counts against 3,000 characters per section (markup included: an upper bound). */
const slackLength = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').length;

describe('a large digest split for each platform', () => {
  let t: TestApp;
  let original: OutMessage;
  const sent = (adapter: 'telegram' | 'slack', chatId: string): SentMessage[] => t[adapter].sent.filter((m) => m.chatId === chatId);

  beforeAll(async () => {
    t = await testApp();
    await t.db.prisma.network.createMany({ data: Array.from({ length: 400 }, (_, k) => ({ code: code(k + 1), name: `Rete di prova ${k + 1}`, themes: [] })) });
    const data = await new CheckinData(t.db).init();
    for (let i = 1; i <= 400; i++) {
      if (i > 300) await data.round(code(i), '2026-W47');
      else await data.submit({ network: code(i), week: '2026-W47', values: { incontri: i % 5, ostacoli: obstacle(i), supporto: ['formazione'] } });
    }
    expect(await t.app.jobs.run('digest-coordinators')).toMatchObject({ sent: 3 });
    await t.deliver();
    original = renderDigest(await buildDigest(t.db.prisma, { week: '2026-W47', now: t.clock.now() }));
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('is long enough to need several messages on both platforms', () => {
    expect(toPlain(original.blocks!.map((b) => ('text' in b ? b.text : '')).join('\n')).length).toBeGreaterThan(40_000);
    expect(sent('telegram', people.luca.id).length).toBeGreaterThan(10);
    expect(sent('slack', people.lucaSlack.id).length).toBeGreaterThan(3);
  });

  it('keeps every Telegram message within 4,096 characters', () => {
    for (const m of sent('telegram', people.luca.id)) expect(renderPlain(m.message).length).toBeLessThanOrEqual(4096);
  });

  it('keeps every Slack message within 50 blocks and 3,000 characters per section', () => {
    for (const m of sent('slack', people.lucaSlack.id)) {
      const blocks = m.message.blocks ?? [];
      expect(blocks.length).toBeLessThanOrEqual(50);
      for (const b of blocks) if (b.type === 'text' || b.type === 'context') expect(slackLength(b.text)).toBeLessThanOrEqual(3000);
      for (const b of blocks) if (b.type === 'header') expect(b.text.length).toBeLessThanOrEqual(150);
      expect(blocks.reduce((n, b) => n + ('text' in b ? slackLength(b.text) : 10), 0)).toBeLessThan(12_000);
    }
  });

  for (const [platform, chat] of [
    ['telegram', people.luca.id],
    ['slack', people.lucaSlack.id],
  ] as const) {
    it(`on ${platform}, the parts in order are the whole digest, split only between lines`, () => {
      const parts = sent(platform, chat).map((m) => renderPlain(m.message));
      // The digest's image travels with the last part only.
      expect(parts.join('\n')).toBe(`${renderPlain(original)}\n📎 reti-digest-2026-W47.png`);
      expect(sent(platform, chat).filter((m) => m.message.attachment)).toEqual([sent(platform, chat).at(-1)]);
    });

    it(`on ${platform}, every obstacle is whole in one message, and no part ends on a section header`, () => {
      const parts = sent(platform, chat);
      for (let i = 1; i <= 300; i++) {
        const line = `${code(i)} · ${obstacle(i)}`;
        expect(
          parts.filter((m) =>
            renderPlain(m.message)
              .replace(/\u200b/g, '')
              .includes(line),
          ),
        ).toHaveLength(1);
      }
      for (const m of parts.slice(0, -1)) expect(m.message.blocks?.at(-1)?.type).not.toBe('header');
    });
  }

  it('lists the 100 silent networks in short lines', () => {
    const text = renderPlain(original);
    expect(text).toContain('Senza risposta questa settimana (100):\n  R301, R302, R303, R304, R305, R306, R307, R308, R309, R310, R311, R312\n');
    expect(text).toContain('Hanno risposto 300 reti su 400: 300 in tempo, 0 in ritardo.');
  });
});
