import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, systemClock, type Clock } from '../../src/clock.js';
import type { Database } from '../../src/db/client.js';
import { silentLogger } from '../../src/log.js';
import { enqueue } from '../../src/outbox/enqueue.js';
import { OutboxWorker } from '../../src/outbox/worker.js';
import { MemoryAdapter } from '../../src/platform/memory/adapter.js';
import { DeliveryError, type Delivery } from '../../src/platform/port.js';
import { testDatabase } from '../support/db.js';

const to = (chatId: string) => ({ platform: 'telegram', workspace: '', chatId });
const send = (chatId: string, text: string): Delivery => ({ op: 'send', to: to(chatId), message: { text } });

describe('outbox worker', () => {
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

  function worker(adapter: MemoryAdapter, id = 'w1', maxAttempts = 3, clock: Clock = systemClock) {
    return new OutboxWorker({ db: db.prisma, adapters: new Map([[adapter.platform, adapter]]), clock, logger: silentLogger, instanceId: id, maxAttempts });
  }

  it('enqueues a dedupe key once, however often it is enqueued', async () => {
    await db.prisma.$transaction(async (tx) => {
      expect(await enqueue(tx, { delivery: send('1', 'ciao'), dedupeKey: 'k1' })).toBe(1);
      expect(await enqueue(tx, { delivery: send('1', 'ciao'), dedupeKey: 'k1' })).toBe(0);
    });
    expect(await enqueue(db.prisma, { delivery: send('1', 'ciao'), dedupeKey: 'k1' })).toBe(0);
    const adapter = new MemoryAdapter('telegram');
    await worker(adapter).drain();
    expect(adapter.texts('1')).toEqual(['ciao']);
  });

  it('enqueues nothing when the transaction that caused the message rolls back', async () => {
    await expect(
      db.prisma.$transaction(async (tx) => {
        await enqueue(tx, { delivery: send('1', 'mai'), dedupeKey: 'rolled-back' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.prisma.outboxMessage.count()).toBe(0);
  });

  it('delivers the messages of one chat in order, and splits a long one at line breaks', async () => {
    const long = Array.from({ length: 300 }, (_, i) => `riga ${i + 1}: ${'x'.repeat(20)}`).join('\n');
    await enqueue(db.prisma, [{ delivery: send('7', 'primo') }, { delivery: send('7', long) }, { delivery: send('7', 'ultimo') }]);
    const adapter = new MemoryAdapter('telegram');
    await worker(adapter).drain();
    const texts = adapter.texts('7');
    expect(texts[0]).toBe('primo');
    expect(texts.at(-1)).toBe('ultimo');
    const parts = texts.slice(1, -1);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= 4096)).toBe(true);
    expect(parts.join('\n')).toBe(long);
  });

  it('waits as long as a 429 asks, then delivers once', async () => {
    await enqueue(db.prisma, { delivery: send('9', 'dopo la pausa') });
    const adapter = new MemoryAdapter('telegram');
    adapter.failures.push(new DeliveryError('rate_limited', 'Too Many Requests: retry after 1', 1000, 'bot'));
    const clock = new ManualClock('2026-11-23T10:00:00Z');
    const w = worker(adapter, 'w1', 3, clock);
    await w.drain();
    const row = await db.prisma.outboxMessage.findFirstOrThrow();
    expect(row.status).toBe('pending');
    expect(row.notBefore.toISOString()).toBe('2026-11-23T10:00:01.000Z');
    clock.advance(900);
    await w.drain();
    expect(adapter.texts('9')).toEqual([]);
    clock.advance(100);
    await w.drain();
    expect(adapter.texts('9')).toEqual(['dopo la pausa']);
    expect((await db.prisma.outboxMessage.findFirstOrThrow()).status).toBe('sent');
  });

  it('retries a transient failure with backoff and gives up after the maximum, with the reason', async () => {
    await enqueue(db.prisma, { delivery: send('5', 'instabile') });
    const adapter = new MemoryAdapter('telegram');
    for (let i = 0; i < 3; i++) adapter.failures.push(new DeliveryError('transient', 'ECONNRESET'));
    const clock = new ManualClock('2026-11-23T10:00:00Z');
    const w = worker(adapter, 'w1', 3, clock);
    await w.drain();
    const first = await db.prisma.outboxMessage.findFirstOrThrow();
    expect(first.status).toBe('pending');
    expect(first.notBefore.getTime() - clock.now().getTime()).toBeGreaterThanOrEqual(750);
    for (let i = 0; i < 2; i++) {
      clock.advance(10 * 60_000);
      await w.drain();
    }
    const row = await db.prisma.outboxMessage.findFirstOrThrow();
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(3);
    expect(row.lastError).toBe('transient: ECONNRESET');
    expect(adapter.texts('5')).toEqual([]);
  });

  it('gives up at once on a permanent failure and tells the failure listeners', async () => {
    await enqueue(db.prisma, { delivery: send('8', 'a chi non mi ha avviato'), tag: 'prova', meta: { person: 8 } });
    const adapter = new MemoryAdapter('telegram');
    adapter.unreachable.add('8');
    const w = worker(adapter);
    const heard: unknown[] = [];
    w.onFailure('prova', async (_tx, _row, payload, error) => {
      heard.push([payload.meta, error.kind]);
    });
    await w.drain();
    const row = await db.prisma.outboxMessage.findFirstOrThrow();
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(1);
    expect(row.lastError).toContain("bot can't initiate conversation");
    expect(heard).toEqual([[{ person: 8 }, 'unreachable']]);
  });

  it('never delivers a message twice when two senders run at once', async () => {
    await enqueue(
      db.prisma,
      Array.from({ length: 60 }, (_, i) => ({ delivery: send(String(1000 + (i % 20)), `m${i}`) })),
    );
    const a = new MemoryAdapter('telegram');
    const b = new MemoryAdapter('telegram');
    const wa = worker(a, 'replica-a');
    const wb = worker(b, 'replica-b');
    // Force both to believe they lead (as after a lease lost during a long pause).
    const claimsA = (wa as unknown as { claimAndSchedule(n: number): Promise<number> }).claimAndSchedule.bind(wa);
    const claimsB = (wb as unknown as { claimAndSchedule(n: number): Promise<number> }).claimAndSchedule.bind(wb);
    await Promise.all([claimsA(60), claimsB(60), claimsA(60), claimsB(60)]);
    await Promise.all([wa.drain(), wb.drain()]);
    const delivered = [...a.sent, ...b.sent].map((m) => m.message.text).sort();
    expect(delivered).toHaveLength(60);
    expect(new Set(delivered).size).toBe(60);
    expect(await db.prisma.outboxMessage.count({ where: { status: 'sent' } })).toBe(60);
  });

  it('lets only the lease holder send', async () => {
    await enqueue(db.prisma, { delivery: send('3', 'uno') });
    const a = new MemoryAdapter('telegram');
    const b = new MemoryAdapter('telegram');
    const wa = worker(a, 'replica-a');
    const wb = worker(b, 'replica-b');
    await wa.drain();
    await enqueue(db.prisma, { delivery: send('3', 'due') });
    expect(await wb.drain()).toBe(0);
    await wa.drain();
    expect(a.texts('3')).toEqual(['uno', 'due']);
    expect(b.sent).toEqual([]);
  });
});
