import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { InboundEvent } from '../../src/platform/port.js';
import { MemoryAdapter } from '../../src/platform/memory/adapter.js';
import { groups, people, testApp, type TestApp } from '../support/app.js';

describe('inbound events: recorded first, handled once', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('handles a redelivered event once (same platform id)', async () => {
    const chat = t.telegram.group(groups.BG01);
    const event = await t.telegram.command(people.fatou, chat, 'rete');
    await t.telegram.emit(event);
    await t.telegram.emit(event);
    await t.deliver();
    expect(t.telegram.texts(groups.BG01).filter((x) => x.includes('Rete Bergamo Ovest'))).toHaveLength(1);
    expect(await t.db.prisma.inboundEvent.count({ where: { externalId: event.id } })).toBe(1);
  });

  it('handles after a restart an event that was recorded but never handled', async () => {
    // The process died between recording the event and handling it: the row is all that is left.
    const event: InboundEvent = {
      id: 'telegram-crashed-1',
      platform: 'telegram',
      type: 'command',
      command: 'rete',
      text: '',
      chat: { platform: 'telegram', workspace: '', chatId: groups.BS02, kind: 'group' },
      actor: { platform: 'telegram', workspace: '', userId: people.francesca.id, displayName: people.francesca.name },
      receivedAt: new Date().toISOString(),
    };
    await t.db.prisma.inboundEvent.create({ data: { platform: 'telegram', externalId: event.id, payload: event as object } });
    await t.app.stop();
    const telegram = new MemoryAdapter('telegram');
    const app = createApp({ config: loadConfig({ INSTANCE_ID: 'after-crash' }), db: t.db, adapters: [telegram], clock: t.clock });
    await app.start({ scheduler: false, outbox: false });
    await app.inbox.idle();
    await app.outbox.drain();
    expect(telegram.lastText(groups.BS02)).toContain('Rete Valle Camonica (BS02)');
    const row = await t.db.prisma.inboundEvent.findFirstOrThrow({ where: { externalId: event.id } });
    expect(row.status).toBe('done');
    await app.stop();
    await t.app.start({ scheduler: false, outbox: false });
  });

  it('records a failing handler as failed, apologises in Italian, and keeps none of its writes', async () => {
    const before = await t.db.prisma.membership.count();
    const ghost = { id: '999000999', name: 'Nuovo Arrivato' };
    // A slash command in a group records the newcomer as a member — unless the handler fails.
    const broken = { ...t.telegram.group(groups.BG01) };
    await t.db.prisma.$executeRawUnsafe('ALTER TABLE partner RENAME TO partner_hidden');
    try {
      await t.telegram.command(ghost, broken, 'rete');
    } finally {
      await t.db.prisma.$executeRawUnsafe('ALTER TABLE partner_hidden RENAME TO partner');
    }
    await t.deliver();
    expect(t.telegram.lastText(groups.BG01)).toBe(
      'Qualcosa non ha funzionato dalla mia parte. Riprova tra poco; se il problema continua avvisa il coordinamento.',
    );
    expect(await t.db.prisma.membership.count()).toBe(before);
    const row = await t.db.prisma.inboundEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(row.status).toBe('failed');
    expect(row.error).toContain('partner');
  });
});
