import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, testApp, type TestApp } from '../support/app.js';
import { answerAll, person } from './driver.js';

const chiara = { id: '100000005', name: 'Chiara Fontana' }; // CR04
const sara = { id: '100000007', name: 'Sara Mancini' }; // LO06
const contains = (actual: string, expected: string) => expect(actual).toContain(expected);
const rome = (local: string) => new Date(`${local}+01:00`);

describe('the weekly cycle: opening, reminders, late answers, closing', () => {
  let t: TestApp;
  const outbox = () => t.db.prisma.outboxMessage.count();
  const sentTo = (platform: 'telegram' | 'slack', chatId: string) => (platform === 'telegram' ? t.telegram : t.slack).texts(chatId);

  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('opens the week for every active network and prompts every referent once; a second run sends nothing new', async () => {
    expect(await t.app.jobs.run('checkin-open')).toEqual({ period: '2026-W48', opened: 6, closed: 0, prompts: 7, groupAsks: 0, unreachable: 0 });
    const queued = await outbox();
    expect(await t.app.jobs.run('checkin-open')).toEqual({ period: '2026-W48', opened: 0, closed: 0, prompts: 0, groupAsks: 0, unreachable: 0 });
    expect(await outbox()).toBe(queued);
    await t.deliver();
    // Maria and Davide have Slack and Telegram accounts: one prompt each, on one platform.
    expect(sentTo('slack', people.mariaSlack.id)).toHaveLength(1);
    expect(sentTo('telegram', people.maria.id)).toHaveLength(0);
    expect(sentTo('telegram', people.ahmed.id)).toHaveLength(1);
    expect(sentTo('telegram', chiara.id)).toHaveLength(1);
    const rounds = await t.db.prisma.checkinRound.findMany({ include: { network: true } });
    expect(rounds.map((r) => r.network.code).sort()).toEqual(['BG01', 'BS02', 'CR04', 'LO06', 'MI03', 'VA05']);
    expect(rounds.every((r) => r.status === 'open' && r.closesAt.toISOString() === '2026-11-30T08:00:00.000Z')).toBe(true);
  });

  it('reminds only the networks that have not finished, at most once a day, not on the opening day', async () => {
    t.clock.set(rome('2026-11-23T10:00'));
    expect(await t.app.jobs.run('checkin-remind')).toMatchObject({ networks: 0, prompts: 0 });
    t.clock.set(rome('2026-11-24T18:00'));
    const c = person(t, 'telegram', chiara);
    await c.command('checkin');
    await answerAll(c, contains);
    expect(await c.press('Conferma')).toContain('Grazie Chiara!');

    t.clock.set(rome('2026-11-25T10:00'));
    expect(await t.app.jobs.run('checkin-remind')).toEqual({ day: '2026-11-25', networks: 5, prompts: 6, groupAsks: 0, unreachable: 0 });
    await t.deliver();
    expect(t.telegram.lastText(people.ahmed.id)).toContain(
      'Promemoria: il check-in di Rete Bergamo Ovest (BG01) per la settimana 23–29 novembre 2026 non è ancora stato inviato.',
    );
    expect(t.telegram.lastText(people.ahmed.id)).toContain('Puoi rispondere fino a lun 30 novembre, 09:00');
    expect(t.telegram.buttons(people.ahmed.id).map((b) => b.label)).toEqual(['Inizia']);
    expect(sentTo('telegram', chiara.id).filter((m) => m.includes('Promemoria'))).toEqual([]);
    const queued = await outbox();
    t.clock.set(rome('2026-11-25T16:00'));
    expect(await t.app.jobs.run('checkin-remind')).toMatchObject({ networks: 0, prompts: 0 });
    expect(await outbox()).toBe(queued);

    t.clock.set(rome('2026-11-27T10:00'));
    expect(await t.app.jobs.run('checkin-remind')).toMatchObject({ networks: 5, prompts: 6 });
    await t.deliver();
    expect(sentTo('telegram', people.ahmed.id).filter((m) => m.startsWith('Promemoria'))).toHaveLength(2);
    expect((await t.db.prisma.checkinRound.findFirstOrThrow({ where: { network: { code: 'BG01' } } })).reminders).toBe(2);
  });

  it('accepts late answers until the round closes, and no reminder on the closing day', async () => {
    t.clock.set(rome('2026-11-29T22:30'));
    const s = person(t, 'telegram', sara);
    await s.command('checkin');
    await answerAll(s, contains);
    expect(await s.press('Conferma')).toContain('Grazie Sara!');
    const late = await t.db.prisma.checkinSubmission.findFirstOrThrow({ where: { period: '2026-W48', round: { network: { code: 'LO06' } } } });
    expect(late).toMatchObject({ period: '2026-W48', submittedAt: rome('2026-11-29T22:30') });

    t.clock.set(rome('2026-11-30T08:30'));
    expect(await t.app.jobs.run('checkin-remind')).toMatchObject({ networks: 0 });
    const f = person(t, 'telegram', people.francesca);
    expect(await f.command('checkin')).toContain('per la settimana 23–29 novembre 2026');
    await f.say('2');
  });

  it('closes the week when the next opens: a conversation in progress is told, nothing is stored', async () => {
    t.clock.set(rome('2026-11-30T09:00'));
    expect(await t.app.jobs.run('checkin-open')).toEqual({ period: '2026-W49', opened: 6, closed: 6, prompts: 7, groupAsks: 0, unreachable: 0 });
    await t.deliver();
    const f = person(t, 'telegram', people.francesca);
    expect(await f.say('3')).toBe(
      'Il check-in di Rete Valle Camonica (BS02) per la settimana 23–29 novembre 2026 è chiuso: le risposte di questa conversazione non sono state salvate. Scrivi /checkin per quello in corso.',
    );
    expect(await f.command('checkin')).toContain('Check-in di Rete Valle Camonica (BS02) per la settimana 30 novembre – 6 dicembre 2026');
    expect(f.last()).toContain('1/11');
    const previous = await t.db.prisma.checkinSubmission.findMany({ where: { period: '2026-W48' }, include: { round: { include: { network: true } } } });
    expect(previous.map((s) => s.round.network.code).sort()).toEqual(['CR04', 'LO06']);
    expect(await t.db.prisma.checkinRound.count({ where: { period: '2026-W48', status: 'closed' } })).toBe(6);
  });

  it('a button of last week’s prompt says that check-in is closed', async () => {
    const old = t.telegram.sent.find((m) => m.chatId === people.ahmed.id && m.message.text.includes('23–29 novembre'))!;
    const start = old.message.blocks!.flatMap((b) => (b.type === 'buttons' ? b.buttons : []))[0]!;
    await t.telegram.press(people.ahmed, t.telegram.privateChat(people.ahmed), start.action, start.value);
    await t.deliver();
    expect(t.telegram.lastText(people.ahmed.id)).toBe('Il check-in di quella settimana è chiuso. Scrivi /checkin per quello in corso.');
  });
});
