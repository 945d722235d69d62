// The outbox worker, running as in production (real clock), against a stand-in that enforces
// Telegram's limits: a 429 is waited out for exactly retry_after and the message arrives once;
// with the adapter's limits, replies to one person arrive in order, once, a second apart.
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { until } from '../fakes/telegram-api.js';
import { tgErrors } from '../fakes/telegram-errors.js';
import { privateChat, textMessage } from '../fakes/telegram-updates.js';
import { telegramApp, tg, type TelegramTestApp } from './telegram-harness.js';

describe('Telegram pacing through the outbox', () => {
  let t: TelegramTestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('waits retry_after after a 429, then delivers the message once', async () => {
    t = await telegramApp({ clock: systemClock, env: { OUTBOX_POLL_MS: '50' } });
    t.app.outbox.start();
    t.api.fail('sendMessage', tgErrors.tooManyRequests(1));
    const update = t.api.push(textMessage(tg.fatou, tg.BG01, '/rete'));
    await t.handled(update);
    await until(() => t!.api.sentTo(tg.BG01.id).length === 1, 10_000, 'the reply');
    const [refused, accepted] = t.api.callsTo('sendMessage');
    expect(refused!.error?.error_code).toBe(429);
    expect(accepted!.ok).toBe(true);
    expect(accepted!.at - refused!.at).toBeGreaterThanOrEqual(1000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(t.api.callsTo('sendMessage')).toHaveLength(2);
    expect(t.api.stats).toMatchObject({ tooManyRequests: 1, duplicates: 0, delivered: 1 });
    const row = await t.db.prisma.outboxMessage.findFirstOrThrow({ where: { chatId: String(tg.BG01.id) } });
    expect(row.status).toBe('sent');
  });

  it('with Telegram’s own limits enforced, quick replies to one person arrive once each, in order, a second apart', async () => {
    t = await telegramApp({
      clock: systemClock,
      env: { OUTBOX_POLL_MS: '50' },
      // The adapter's defaults: 1 s between messages to one chat, 20 a minute per group, 30 a second.
      limits: { globalPerSecond: 30, perChatIntervalMs: 1000, perGroupPerMinute: 20 },
    });
    t.api.enforceRateLimits({ perChatPerSecond: 1, perGroupPerMinute: 20, globalPerSecond: 30 });
    t.app.outbox.start();
    const chat = privateChat(tg.maria);
    for (const text of ['/start', '/aiuto', '/rete']) await t.handled(t.api.push(textMessage(tg.maria, chat, text)));
    await until(() => t!.api.sentTo(chat.id).length === 3, 10_000, 'three replies');
    const sent = t.api.sentTo(chat.id);
    expect(sent.map((m) => m.text.split('\n')[0])).toEqual([
      expect.stringMatching(/^Ciao Maria Rossi!/),
      expect.stringMatching(/^Comandi di Reti/),
      expect.stringMatching(/^Le tue reti: Rete Bergamo Ovest/),
    ]);
    expect(sent[1]!.sentAt - sent[0]!.sentAt).toBeGreaterThanOrEqual(1000);
    expect(sent[2]!.sentAt - sent[1]!.sentAt).toBeGreaterThanOrEqual(1000);
    expect(t.api.stats.duplicates).toBe(0);
    // Pacing counts from when a send starts, Telegram from when it arrives: a first request slowed
    // on its way can bring the next one under a second, and Telegram answers 429 — waited out.
    expect(t.api.stats.tooManyRequests).toBeLessThanOrEqual(2);
    // Delivered rows are marked sent in small batches, a few milliseconds later.
    await until(async () => (await t!.db.prisma.outboxMessage.count({ where: { chatId: String(chat.id), status: 'sent' } })) === 3, 2000, 'rows marked sent');
    const rows = await t.db.prisma.outboxMessage.findMany({ where: { chatId: String(chat.id) } });
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
  });
});
