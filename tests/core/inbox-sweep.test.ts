// While the service runs, events whose handler is surely gone (a replica that died mid-transaction,
// a database error that also failed to record the failure) are handled again by a periodic sweep,
// not only at the next start; an event still within a handler's time is left alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../src/platform/port.js';
import { groups, people, testApp, type TestApp } from '../support/app.js';

const ago = (ms: number) => new Date(Date.now() - ms);

function command(id: string, who: { id: string; name: string }, chatId: string): InboundEvent {
  return {
    id,
    platform: 'telegram',
    type: 'command',
    command: 'rete',
    text: '',
    chat: { platform: 'telegram', workspace: '', chatId, kind: 'group' },
    actor: { platform: 'telegram', workspace: '', userId: who.id, displayName: who.name },
    receivedAt: new Date().toISOString(),
  };
}

describe('inbox sweep', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ env: { INBOX_SWEEP_MS: '200' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('handles again, while running, events left processing or received once their handler is surely gone', async () => {
    const rows = [
      // A replica died inside the handler three minutes ago.
      { status: 'processing', attempts: 1, claimedAt: ago(180_000), event: command('sweep-died', people.francesca, groups.BS02) },
      // Recorded three minutes ago, never taken up (the database failed right after recording).
      { status: 'received', attempts: 0, claimedAt: null, event: command('sweep-forgotten', people.maria, groups.BG01) },
      // Taken ten seconds ago: its handler may still be running.
      { status: 'processing', attempts: 1, claimedAt: ago(10_000), event: command('sweep-running', people.ahmed, groups.BG01) },
      // Took its handler down three times already.
      { status: 'processing', attempts: 3, claimedAt: ago(180_000), event: command('sweep-poison', people.fatou, groups.BG01) },
    ];
    for (const r of rows) {
      await t.db.prisma.inboundEvent.create({
        data: {
          platform: 'telegram',
          externalId: r.event.id,
          payload: r.event as object,
          status: r.status,
          attempts: r.attempts,
          claimedAt: r.claimedAt,
          receivedAt: ago(180_000),
        },
      });
    }
    const statusOf = async (id: string) => (await t.db.prisma.inboundEvent.findFirstOrThrow({ where: { externalId: id } })).status;
    // No restart: the periodic sweep (every 200 ms here) finds them.
    for (let i = 0; i < 100 && ((await statusOf('sweep-died')) !== 'done' || (await statusOf('sweep-forgotten')) !== 'done'); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await t.app.inbox.idle();
    await t.deliver();
    expect(await statusOf('sweep-died')).toBe('done');
    expect(await statusOf('sweep-forgotten')).toBe('done');
    expect(t.telegram.texts(groups.BS02).filter((x) => x.includes('Rete Valle Camonica (BS02)'))).toHaveLength(1);
    expect(t.telegram.texts(groups.BG01).filter((x) => x.includes('Rete Bergamo Ovest (BG01)'))).toHaveLength(1);
    expect(await statusOf('sweep-running')).toBe('processing');
    const poison = await t.db.prisma.inboundEvent.findFirstOrThrow({ where: { externalId: 'sweep-poison' } });
    expect(poison.status).toBe('failed');
    expect(poison.error).toContain('3 volte');
    // Sweeping again changes nothing: each was handled once.
    await t.app.inbox.sweep();
    await t.app.inbox.idle();
    await t.deliver();
    expect(t.telegram.texts(groups.BS02).filter((x) => x.includes('Rete Valle Camonica (BS02)'))).toHaveLength(1);
  });
});
