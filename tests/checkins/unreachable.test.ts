import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryAdapter } from '../../src/platform/memory/adapter.js';
import { groups, people, testApp, type TestApp } from '../support/app.js';
import { person } from './driver.js';

const rome = (local: string) => new Date(`${local}+01:00`);
const link = 'https://t.me/reti_bot?start=checkin';

describe('a Telegram referent the bot cannot write to privately', () => {
  let t: TestApp;
  const account = (externalId: string) => t.db.prisma.account.findUniqueOrThrow({ where: { platform_externalId: { platform: 'telegram', externalId } } });
  const prompts = async (name: string) => {
    const p = await t.db.prisma.person.findFirstOrThrow({ where: { name } });
    return t.db.prisma.checkinPrompt.findMany({ where: { personId: p.id }, orderBy: { id: 'asc' } });
  };

  beforeAll(async () => {
    t = await testApp();
    // Neither has ever pressed /start: Telegram answers 403 to a private message.
    t.telegram.unreachable.add(people.ahmed.id);
    t.telegram.unreachable.add(people.francesca.id);
  });
  afterAll(async () => {
    await t.close();
  });

  it('is asked once in the network’s group to open the private chat, and the prompt is recorded as pending', async () => {
    await t.app.jobs.run('checkin-open');
    await t.deliver();
    expect(t.telegram.texts(groups.BG01)).toEqual([
      `Ahmed Benali, per il check-in settimanale della rete BG01 devo scriverti in privato, ma Telegram non me lo permette finché non avvii la chat con me. Apri la chat con Reti (${link}) e premi «Avvia»: ti farò subito le domande.`,
    ]);
    expect(t.telegram.texts(groups.BS02)).toHaveLength(1);
    expect((await account(people.ahmed.id)).unreachable).toContain("bot can't initiate conversation");
    expect(await prompts('Ahmed Benali')).toEqual([expect.objectContaining({ kind: 'open', status: 'pending', via: 'group', chatId: groups.BG01 })]);

    // Neither the opening run again nor the reminders ask in the group a second time.
    await t.app.jobs.run('checkin-open');
    t.clock.set(rome('2026-11-25T10:00'));
    await t.app.jobs.run('checkin-remind');
    await t.deliver();
    expect(t.telegram.texts(groups.BG01)).toHaveLength(1);
    expect(t.telegram.texts(groups.BS02)).toHaveLength(1);
  });

  it('gets the check-in when they open the private chat through the link (/start checkin)', async () => {
    t.telegram.unreachable.delete(people.ahmed.id); // pressing «Avvia» lets the bot write
    const ahmed = person(t, 'telegram', people.ahmed);
    const first = await ahmed.command('start', 'checkin');
    expect(first).toContain('Check-in di Rete Bergamo Ovest (BG01)');
    expect(first).toContain('1/11 Quanti incontri');
    expect((await account(people.ahmed.id)).unreachable).toBeNull();
    expect(await prompts('Ahmed Benali')).toEqual([expect.objectContaining({ status: 'resolved' })]);
  });

  it('next week, an account already known to be unreachable is asked in the group right away, once', async () => {
    t.clock.set(rome('2026-11-30T09:00'));
    const result = await t.app.jobs.run('checkin-open');
    expect(result).toMatchObject({ period: '2026-W49', prompts: 6, groupAsks: 1 });
    const privateTry = await t.db.prisma.outboxMessage.findMany({ where: { platform: 'telegram', chatId: people.francesca.id } });
    expect(privateTry.map((m) => m.dedupeKey)).toEqual([
      'checkin-prompt:BS02:2026-W48:' + (await t.db.prisma.person.findFirstOrThrow({ where: { name: 'Francesca Gatti' } })).id,
    ]);
    await t.deliver();
    expect(t.telegram.texts(groups.BS02)).toHaveLength(2);
    expect(t.telegram.lastText(groups.BS02)).toContain('Francesca Gatti, per il check-in settimanale della rete BS02');
    // Ahmed opened the private chat last week: this week he is written to privately.
    expect(t.telegram.lastText(people.ahmed.id)).toContain(
      'È il momento del check-in di Rete Bergamo Ovest (BG01) per la settimana 30 novembre – 6 dicembre 2026',
    );
    await t.app.jobs.run('checkin-open');
    await t.deliver();
    expect(t.telegram.texts(groups.BS02)).toHaveLength(2);
  });

  it('a referent who also has Slack gets the prompt there instead, and nothing is asked in the group', async () => {
    const davide = { telegram: { id: '100000006', name: 'Davide Ricci' }, slack: { id: 'U0DAVIDE', name: 'Davide Ricci' } };
    // Davide last wrote on Telegram (so the prompt goes there), then blocked the bot.
    await t.telegram.command(davide.telegram, t.telegram.privateChat(davide.telegram), 'aiuto');
    t.telegram.unreachable.add(davide.telegram.id);
    t.clock.set(rome('2026-12-07T09:00'));
    await t.app.jobs.run('checkin-open');
    await t.deliver();
    expect(t.slack.lastText(davide.slack.id)).toContain('È il momento del check-in di Rete Varese Laghi (VA05) per la settimana 7–13 dicembre 2026');
    expect(t.telegram.texts('-1001000000005')).toEqual([]);
    const tried = await t.db.prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: 'checkin-prompt:VA05:2026-W50:' } }, orderBy: { id: 'asc' } });
    expect(tried.map((m) => [m.platform, m.status])).toEqual([
      ['telegram', 'failed'],
      ['slack', 'sent'],
    ]);
  });
});

describe('a platform the check-in has never heard of, answered by its declared capabilities', () => {
  // A third platform: the bot may not write first and there are no deep links, but people have
  // usernames. Nothing in the check-ins knows its name; the group ask follows from these answers.
  const matrix = Object.assign(new MemoryAdapter('matrix'), {
    label: 'Matrix',
    capabilities: { forms: false, ephemeral: false, groupDm: false, writesFirst: false, deepLinks: false, usernames: true, workspaces: false },
  });
  const group = '!bg01:example.org';
  let t: TestApp;
  let ahmed: { id: number };
  beforeAll(async () => {
    t = await testApp({ adapters: [matrix] });
    ahmed = await t.db.prisma.person.findFirstOrThrow({ where: { name: 'Ahmed Benali' } });
    const bg01 = await t.db.prisma.network.findUniqueOrThrow({ where: { code: 'BG01' } });
    await t.db.prisma.account.create({ data: { personId: ahmed.id, platform: 'matrix', externalId: '@ahmed:example.org', workspace: '', username: 'ahmed' } });
    await t.db.prisma.channel.create({ data: { networkId: bg01.id, platform: 'matrix', workspace: '', chatId: group } });
    matrix.unreachable.add('@ahmed:example.org');
  });
  afterAll(async () => {
    await t.close();
  });

  it('asks in the network’s group on that platform, by @username, naming the platform, without a link', async () => {
    expect(await t.app.jobs.run('checkin-open')).toMatchObject({ prompts: 1 });
    await t.deliver();
    expect(matrix.texts(group)).toEqual([
      '@ahmed, per il check-in settimanale della rete BG01 devo scriverti in privato, ma Matrix non me lo permette finché non avvii la chat con me. Scrivimi /start in privato: ti farò subito le domande.',
    ]);
    const prompts = await t.db.prisma.checkinPrompt.findMany({ where: { personId: ahmed.id } });
    expect(prompts).toEqual([expect.objectContaining({ status: 'pending', via: 'group', platform: 'matrix', chatId: group })]);
  });
});
