// A sender replica dies (kill -9) holding claimed rows: the replica that takes the lease takes them
// over at once, and on Slack looks each one up in the conversation's history (message metadata
// carries the outbox id) before sending it again.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/client.js';
import { silentLogger } from '../../src/log.js';
import { enqueue } from '../../src/outbox/enqueue.js';
import { OutboxWorker } from '../../src/outbox/worker.js';
import { MemoryAdapter } from '../../src/platform/memory/adapter.js';
import type { Delivery, PlatformAdapter } from '../../src/platform/port.js';
import { createSlackAdapter } from '../../src/platform/slack/adapter.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { testDatabase } from '../support/db.js';
import { slackUsers } from '../support/slack.js';

const LEASE = 'outbox-sender';

describe('outbox: a sender that dies is taken over at lease change', () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(async () => {
    await db.close();
  });
  afterEach(async () => {
    await db.prisma.outboxMessage.deleteMany();
    await db.prisma.lease.deleteMany();
  });

  function worker(adapter: PlatformAdapter, id: string) {
    // A long claim TTL, as in production: the take-over must not wait for it.
    return new OutboxWorker({
      db: db.prisma,
      adapters: new Map([[adapter.platform, adapter]]),
      clock: systemClock,
      logger: silentLogger,
      instanceId: id,
      claimTtlMs: 120_000,
    });
  }

  /** What a replica killed with -9 leaves behind: rows claimed by it and a lease it no longer renews. */
  async function dieHolding(holder: string, ids: bigint[], leaseExpired = true): Promise<void> {
    await db.prisma.outboxMessage.updateMany({
      where: { id: { in: ids } },
      data: { status: 'sending', lockedBy: holder, lockedUntil: new Date(Date.now() + 120_000), attempts: 1 },
    });
    await db.prisma.lease.upsert({
      where: { name: LEASE },
      create: { name: LEASE, holder, expiresAt: new Date(Date.now() + (leaseExpired ? -1000 : 15_000)) },
      update: { holder, expiresAt: new Date(Date.now() + (leaseExpired ? -1000 : 15_000)) },
    });
  }

  const send = (chatId: string, text: string): Delivery => ({ op: 'send', to: { platform: 'telegram', workspace: '', chatId }, message: { text } });

  it('delivers the dead sender’s claimed rows as soon as the lease is taken, not when the claims expire', async () => {
    await enqueue(
      db.prisma,
      Array.from({ length: 8 }, (_, i) => ({ delivery: send(String(500 + (i % 3)), `promemoria ${i}`) })),
    );
    const rows = await db.prisma.outboxMessage.findMany({ orderBy: { id: 'asc' } });
    await dieHolding(
      'replica-a',
      rows.slice(0, 5).map((r) => r.id),
      false,
    );
    const survivor = new MemoryAdapter('telegram');
    const b = worker(survivor, 'replica-b');
    // While the dead replica's lease has not expired, the survivor does not send.
    expect(await b.drain()).toBe(0);
    expect(survivor.sent).toEqual([]);

    await db.prisma.lease.update({ where: { name: LEASE }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await b.drain();
    const delivered = survivor.sent.map((m) => m.message.text).sort();
    expect(delivered).toEqual(rows.map((_, i) => `promemoria ${i}`).sort());
    expect(await db.prisma.outboxMessage.count({ where: { status: 'sent' } })).toBe(8);
    expect(await db.prisma.outboxMessage.count({ where: { takenOver: true } })).toBe(5);
    expect((await db.prisma.lease.findUniqueOrThrow({ where: { name: LEASE } })).holder).toBe('replica-b');
  });

  it('on Slack, does not post again what the dead sender had already posted (found by its metadata)', async () => {
    const api = await FakeSlackApi.start({ users: slackUsers });
    try {
      const env = loadConfig({ SLACK_BOT_TOKEN: api.token, SLACK_API_URL: api.apiUrl, SLACK_SIGNING_SECRET: 'x'.repeat(32) }).env;
      const limits = { globalPerSecond: 1000, perChatIntervalMs: 0, perGroupPerMinute: 60_000 };
      const slack = (): PlatformAdapter => createSlackAdapter(env, silentLogger, { commands: [], limits });
      const to = (chatId: string) => ({ platform: 'slack', workspace: 'T0EXAMPLE', chatId });
      const texts = ['primo nel canale', 'secondo nel canale', 'privato per Maria', 'terzo nel canale', 'ancora per Maria'];
      await enqueue(db.prisma, [
        { delivery: { op: 'send', to: to('C0BG01'), message: { text: texts[0]! } } },
        { delivery: { op: 'send', to: to('C0BG01'), message: { text: texts[1]! } } },
        { delivery: { op: 'send', to: to('U0MARIA'), message: { text: texts[2]! } } },
      ]);
      // Replica A posts three messages, then is killed before it marks them sent.
      const a = worker(slack(), 'replica-a');
      await a.drain();
      const posted = await db.prisma.outboxMessage.findMany({ orderBy: { id: 'asc' } });
      expect(api.callsTo('chat.postMessage')).toHaveLength(3);
      expect(api.callsTo('chat.postMessage').every((c) => (c.args.metadata as { event_type: string }).event_type === 'reti_outbox')).toBe(true);
      // It had also claimed two more, not posted yet.
      await enqueue(db.prisma, [
        { delivery: { op: 'send', to: to('C0BG01'), message: { text: texts[3]! } } },
        { delivery: { op: 'send', to: to('U0MARIA'), message: { text: texts[4]! } } },
      ]);
      const all = await db.prisma.outboxMessage.findMany({ orderBy: { id: 'asc' } });
      await dieHolding(
        'replica-a',
        all.map((r) => r.id),
      );

      const b = worker(slack(), 'replica-b');
      await b.drain();
      // Each message is in Slack exactly once.
      const inSlack = [...api.history.values()].flat().map((m) => m.text);
      expect(inSlack.sort()).toEqual([...texts].sort());
      expect(api.callsTo('chat.postMessage')).toHaveLength(5);
      const looked = api.callsTo('conversations.history');
      expect(looked.length).toBeGreaterThanOrEqual(5);
      expect(looked.every((c) => c.args.include_all_metadata === 'true' || c.args.include_all_metadata === true)).toBe(true);
      // The rows found in the history keep the ts of the message already there.
      const after = await db.prisma.outboxMessage.findMany({ orderBy: { id: 'asc' } });
      expect(after.every((r) => r.status === 'sent')).toBe(true);
      for (const row of posted) {
        const ts = after.find((r) => r.id === row.id)!.externalId;
        expect(ts).toBe(row.externalId);
      }
    } finally {
      await api.close();
    }
  });
});
