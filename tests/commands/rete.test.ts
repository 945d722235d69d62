import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { groups, people, testApp, type TestApp } from '../support/app.js';

describe('/rete, /aiuto and people first seen in a channel', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    t.telegram.clear();
    t.slack.clear();
  });

  const bg01 = () => t.telegram.group(groups.BG01);

  it('shows the network of the channel', async () => {
    await t.telegram.command(people.fatou, bg01(), 'rete');
    await t.deliver();
    const text = t.telegram.lastText(groups.BG01);
    expect(text).toContain('Rete Bergamo Ovest (BG01) · Bergamo');
    expect(text).toContain('Temi: lavoro, scuola, lingua italiana');
    expect(text).toContain('Referenti: Ahmed Benali, Maria Rossi');
  });

  it('records a person never seen before as a member of the channel network, with the platform name', async () => {
    const newcomer = { id: '555000111', name: 'Amina Khalil', username: 'amina_k' };
    await t.telegram.command(newcomer, bg01(), 'rete');
    await t.deliver();
    const account = await t.db.prisma.account.findUniqueOrThrow({
      where: { platform_externalId: { platform: 'telegram', externalId: newcomer.id } },
      include: { person: { include: { memberships: { include: { network: true } } } } },
    });
    expect(account.person.name).toBe('Amina Khalil');
    expect(account.username).toBe('amina_k');
    expect(account.person.memberships.map((m) => [m.network.code, m.role])).toEqual([['BG01', 'membro']]);
    expect(t.telegram.lastText(groups.BG01)).toContain('Rete Bergamo Ovest');
  });

  it('refuses /rete collega to a non-coordinator, politely and in Italian, and changes nothing', async () => {
    const before = await t.db.prisma.channel.findMany({ orderBy: { id: 'asc' } });
    const chat = t.telegram.group('-1009999');
    await t.telegram.command(people.maria, chat, 'rete', 'collega BS02');
    await t.deliver();
    expect(t.telegram.lastText('-1009999')).toBe('Questo comando è riservato ai coordinatori di ANCI Lombardia.');
    expect(await t.db.prisma.channel.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  });

  it('lets a coordinator link a channel to a network', async () => {
    const chat = t.telegram.group('-1007777', 'Gruppo Valle Camonica');
    await t.telegram.command(people.luca, chat, 'rete', 'collega bs02');
    await t.deliver();
    expect(t.telegram.lastText('-1007777')).toContain('Fatto: questo canale ora è collegato a Rete Valle Camonica (BS02).');
    const channel = await t.db.prisma.channel.findUniqueOrThrow({
      where: { platform_workspace_chatId: { platform: 'telegram', workspace: '', chatId: '-1007777' } },
      include: { network: true },
    });
    expect(channel.network.code).toBe('BS02');
    await t.telegram.command(people.fatou, chat, 'rete');
    await t.deliver();
    expect(t.telegram.lastText('-1007777')).toContain('Rete Valle Camonica (BS02)');
  });

  it('answers an unknown network code with a clear message and links nothing', async () => {
    const chat = t.telegram.group('-1006666');
    await t.telegram.command(people.luca, chat, 'rete', 'collega ZZ99');
    await t.deliver();
    expect(t.telegram.lastText('-1006666')).toContain('Non trovo nessuna rete con codice «ZZ99»');
    expect(await t.db.prisma.channel.count({ where: { chatId: '-1006666' } })).toBe(0);
  });

  it('lets a coordinator assign a referent by @username or mention', async () => {
    const newcomer = { id: '555000222', name: 'Omar Haddad', username: 'omarh' };
    await t.telegram.command(newcomer, bg01(), 'aiuto');
    await t.telegram.command(people.luca, bg01(), 'rete', 'referente BG01 @omarh');
    await t.deliver();
    expect(t.telegram.lastText(groups.BG01)).toBe('Omar Haddad ora è referente della rete BG01.');
    const m = await t.db.prisma.membership.findFirstOrThrow({ where: { person: { name: 'Omar Haddad' } } });
    expect(m.role).toBe('referente');
    await t.telegram.command(people.luca, bg01(), 'rete', 'referente BG01 <@555000222>');
    await t.deliver();
    expect(t.telegram.lastText(groups.BG01)).toBe('Omar Haddad è già referente della rete BG01.');
  });

  it('explains the usage when arguments are missing, and who it does not know', async () => {
    await t.telegram.command(people.luca, bg01(), 'rete', 'referente BG01');
    await t.deliver();
    expect(t.telegram.lastText(groups.BG01)).toContain('Uso: /rete referente CODICE @persona');
    await t.telegram.command(people.luca, bg01(), 'rete', 'referente BG01 @nessuno');
    await t.deliver();
    expect(t.telegram.lastText(groups.BG01)).toContain('Non conosco «@nessuno»');
  });

  it('answers an unknown command in Italian', async () => {
    await t.telegram.command(people.fatou, t.telegram.privateChat(people.fatou), 'pizza');
    await t.deliver();
    expect(t.telegram.lastText(people.fatou.id)).toBe('Non conosco il comando /pizza. Scrivi /aiuto per vedere quelli disponibili.');
  });

  it('lists in /aiuto only the commands the person may use', async () => {
    await t.telegram.command(people.fatou, t.telegram.privateChat(people.fatou), 'aiuto');
    await t.deliver();
    const before = t.telegram.texts(people.luca.id).length;
    await t.telegram.command(people.luca, t.telegram.privateChat(people.luca), 'aiuto');
    await t.deliver();
    const member = t.telegram.lastText(people.fatou.id);
    // A coordinator's list is long enough to be split into several messages.
    const coordinator = t.telegram.texts(people.luca.id).slice(before).join('\n');
    expect(member).toContain('/rete — Mostra la rete di questo canale');
    expect(member).not.toContain('/rete collega');
    expect(coordinator).toContain('/rete collega CODICE — Collega questo canale a una rete');
    expect(member).not.toContain('/start');
  });

  it('answers slash commands on Slack only to the person who typed them (ephemeral)', async () => {
    await t.slack.command(people.mariaSlack, t.slack.group(groups.slackBG01), 'rete');
    await t.deliver();
    const last = t.slack.last(groups.slackBG01)!;
    expect(last.visibleTo).toBe(people.mariaSlack.id);
    expect(t.slack.lastText(groups.slackBG01)).toContain('Rete Bergamo Ovest (BG01)');
  });
});
