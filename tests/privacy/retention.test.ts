// The housekeeping job applies the retention of personal data on the (test) clock and reports
// what it removed: payloads after 30 days (attachments included), stuck and undeliverable rows,
// conversations after 90 days, people with no role unseen for 24 months.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/app.js';

const DAY = 24 * 60 * 60 * 1000;

describe('retention (housekeeping)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('empties, removes and erases what is past its time, keeps the rest, and reports it', async () => {
    const p = t.db.prisma;
    const now = t.clock.now().getTime();
    const ago = (days: number) => new Date(now - days * DAY);
    const attachment = {
      text: 'Esportazione',
      attachment: { filename: 'reti.csv', mimeType: 'text/csv', base64: Buffer.from('Maria Rossi,3').toString('base64') },
    };
    const msg = (key: string, status: string, days: number) =>
      p.outboxMessage.create({
        data: { dedupeKey: key, platform: 'telegram', chatId: '100000001', status, payload: { op: 'send', message: attachment }, createdAt: ago(days) },
      });
    await msg('old-sent', 'sent', 31);
    await msg('new-sent', 'sent', 10);
    await msg('old-failed', 'failed', 31);
    await p.inboundEvent.create({ data: { platform: 'telegram', externalId: 'stuck-1', payload: { text: 'ciao' }, status: 'received', receivedAt: ago(31) } });
    const fatou = await p.person.findFirstOrThrow({ where: { name: 'Fatou Diop' } });
    const conv = (key: string, days: number) =>
      p.conversation
        .create({ data: { personId: fatou.id, platform: 'telegram', chatId: key, flow: 'x', version: 1, step: 'ask', state: {}, status: 'done' } })
        .then((c) => p.$executeRaw`UPDATE conversation SET updated_at = ${ago(days)} WHERE id = ${c.id}`);
    await conv('c-old', 91);
    await conv('c-new', 10);
    const gone = await p.person.create({ data: { name: 'Vecchio Contatto', createdAt: ago(800) } });
    await p.account.create({ data: { personId: gone.id, platform: 'telegram', externalId: '555000999', lastSeenAt: ago(800) } });
    const recent = await p.person.create({ data: { name: 'Contatto Recente', createdAt: ago(800) } });
    await p.account.create({ data: { personId: recent.id, platform: 'telegram', externalId: '555000998', lastSeenAt: ago(100) } });
    await p.$executeRaw`UPDATE person SET created_at = ${ago(800)} WHERE id = ${fatou.id}`;

    const result = await t.app.jobs.run('housekeeping');
    expect(result).toMatchObject({ payloadsEmptied: 1, undeliverable: 1, stuckEvents: 1, conversations: 1, peopleErased: 1 });

    expect((await p.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: 'old-sent' } })).payload).toEqual({});
    expect(JSON.stringify((await p.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: 'new-sent' } })).payload)).toContain('reti.csv');
    expect(await p.outboxMessage.count({ where: { dedupeKey: 'old-failed' } })).toBe(0);
    expect(await p.inboundEvent.count({ where: { externalId: 'stuck-1' } })).toBe(0);
    expect((await p.conversation.findMany({ where: { personId: fatou.id } })).map((c) => c.chatId)).toEqual(['c-new']);
    expect(await p.person.findUniqueOrThrow({ where: { id: gone.id } })).toMatchObject({ name: 'persona rimossa' });
    expect(await p.account.count({ where: { externalId: '555000999' } })).toBe(0);
    expect((await p.person.findUniqueOrThrow({ where: { id: recent.id } })).name).toBe('Contatto Recente');
    expect((await p.person.findUniqueOrThrow({ where: { id: fatou.id } })).name).toBe('Fatou Diop');
    // A second run finds nothing more.
    expect(await t.app.jobs.run('housekeeping')).toMatchObject({ payloadsEmptied: 0, undeliverable: 0, stuckEvents: 0, conversations: 0, peopleErased: 0 });
  });
});
