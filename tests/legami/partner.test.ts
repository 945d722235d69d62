import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { groups, people, testApp, type TestApp } from '../support/app.js';

describe('/partner: the partner directory', () => {
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

  const ask = async (user: { id: string; name: string }, text: string) => {
    await t.telegram.command(user, t.telegram.privateChat(user), 'partner', text);
    await t.deliver();
    return t.telegram.lastText(user.id);
  };

  it('lists the partners on a theme in every network, grouped by network, matching leniently', async () => {
    const text = await ask(people.fatou, 'Mediazioni');
    expect(text).toContain('Partner sul tema «Mediazioni» (3)');
    // BG01, BS02, MI03 in that order, each with its partners.
    const bg = text.indexOf('Rete Bergamo Ovest (BG01)');
    const bs = text.indexOf('Rete Valle Camonica (BS02)');
    const mi = text.indexOf('Rete Nord Milano (MI03)');
    expect(bg).toBeGreaterThan(0);
    expect(bs).toBeGreaterThan(bg);
    expect(mi).toBeGreaterThan(bs);
    expect(text).toContain('• Associazione Donne del Mondo — associazione di stranieri');
    expect(text).toContain('• Associazione Senegalesi Camuni — associazione di stranieri');
    expect(text).toContain('• Cooperativa Il Ponte — ente del terzo settore');
    expect(text).not.toContain('Cooperativa Alfa');
  });

  it('shows description and contact, and finds multi-word themes from any form of their words', async () => {
    // Contacts are for referents and coordinators (tests/access/policy.test.ts).
    const lavoro = await ask(people.maria, 'LAVORI');
    expect(lavoro).toContain(
      '• Cooperativa Alfa — ente del terzo settore\n   Orientamento al lavoro e tirocini\n   Temi: lavoro\n   Contatto: Marco Villa, m.villa@example.org',
    );
    expect(lavoro).toContain('Rete Cremona e Casalasco (CR04)');
    const lingua = await ask(people.fatou, 'lingue italiane');
    expect(lingua).toContain('Partner sul tema «lingue italiane» (3)');
    expect(lingua).toContain('CPIA Varese');
    expect(lingua).toContain('Istituto Comprensivo Casalmaggiore');
    expect(await ask(people.fatou, 'scuole')).toContain('Comune di Dalmine');
  });

  it('says when no partner works on a theme, and which themes there are', async () => {
    const text = await ask(people.fatou, 'orti urbani');
    expect(text).toContain('Nessun partner sul tema «orti urbani».');
    expect(text).toContain('Temi presenti: ');
    expect(text).toContain('mediazione');
  });

  it('lists the themes with their counts when no theme is given', async () => {
    const text = await ask(people.fatou, '');
    expect(text).toContain('Temi dei partner');
    expect(text).toContain('• lavoro (3)');
    expect(text).toContain('• mediazione (3)');
    expect(text).toContain('• cittadinanza (3)');
    expect(text).toContain('• salute (2)');
    expect(text).toContain('Scrivi /partner TEMA');
    expect(text.indexOf('• lavoro (3)')).toBeLessThan(text.indexOf('• salute (2)'));
  });

  it('answers in a channel only to the person who asked (Slack)', async () => {
    await t.slack.command(people.mariaSlack, t.slack.group(groups.slackBG01), 'partner', 'salute');
    await t.deliver();
    const last = t.slack.last(groups.slackBG01)!;
    expect(last.visibleTo).toBe(people.mariaSlack.id);
    expect(t.slack.lastText(groups.slackBG01)).toContain('ASST Nord Milano — ASST');
  });

  it('lets a referent add a partner with a few guided questions, keeping a contact typed as is', async () => {
    const ahmed = people.ahmed;
    const chat = t.telegram.privateChat(ahmed);
    const say = async (text: string) => {
      await t.telegram.message(ahmed, chat, text);
      await t.deliver();
      return t.telegram.lastText(ahmed.id);
    };
    await t.telegram.command(ahmed, chat, 'partner', 'aggiungi');
    await t.deliver();
    const first = t.telegram.texts(ahmed.id).join('\n');
    expect(first).toContain('Aggiungiamo un partner a Rete Bergamo Ovest (BG01)');
    expect(first).toContain('1/6 Come si chiama l’organizzazione?');
    expect(await say('Biblioteca di Treviglio')).toContain('2/6 Di che tipo è?');
    expect(await say('comune')).toContain('3/6 Su quali temi lavora?');
    expect(await say('Lingue italiane e Mediazioni')).toContain('4/6');
    expect(await say('Corsi serali di italiano')).toContain('5/6 Chi è la persona di riferimento?');
    expect(await say('@fatou_d')).toContain('6/6');
    const summary = await say('salta');
    expect(summary).toContain('Nuovo partner di Rete Bergamo Ovest (BG01).');
    expect(summary).toContain('Biblioteca di Treviglio');
    await say('conferma');
    expect(t.telegram.lastText(ahmed.id)).toBe('Fatto: «Biblioteca di Treviglio» è nell’elenco dei partner di BG01.');
    const partner = await t.db.prisma.partner.findFirstOrThrow({ where: { name: 'Biblioteca di Treviglio' }, include: { network: true } });
    expect(partner.network.code).toBe('BG01');
    expect(partner.type).toBe('Comune');
    // Typed themes snap to the labels already in use.
    expect(partner.themes).toEqual(['lingua italiana', 'mediazione']);
    expect(partner.contactName).toBe('@fatou_d');
    expect(await ask(people.fatou, 'lingua')).toContain('Biblioteca di Treviglio');
  });

  it('links the contact person when the referent names someone known to Reti', async () => {
    await t.db.prisma.account.updateMany({ where: { externalId: people.fatou.id }, data: { username: 'fatou_d' } });
    const francesca = people.francesca;
    const chat = t.telegram.privateChat(francesca);
    await t.telegram.command(francesca, chat, 'partner', 'aggiungi');
    for (const answer of ['Caritas Camuna', 'ente del terzo settore', 'casa', 'salta', '@fatou_d', 'fatou@example.org', 'conferma']) {
      await t.telegram.message(francesca, chat, answer);
    }
    await t.deliver();
    expect(t.telegram.lastText(francesca.id)).toBe('Fatto: «Caritas Camuna» è nell’elenco dei partner di BS02. Persona di riferimento: Fatou Diop.');
    const partner = await t.db.prisma.partner.findFirstOrThrow({ where: { name: 'Caritas Camuna' }, include: { contactPerson: true } });
    expect(partner.contactPerson?.name).toBe('Fatou Diop');
    expect(partner.contact).toBe('fatou@example.org');
  });

  it('refuses a partner the network already lists, and keeps the answers to correct the name', async () => {
    const maria = people.maria;
    const chat = t.telegram.privateChat(maria);
    await t.telegram.command(maria, chat, 'partner', 'aggiungi');
    for (const answer of ['cooperativa alfa', 'cooperativa', 'lavoro', 'salta', 'salta', 'salta', 'conferma']) await t.telegram.message(maria, chat, answer);
    await t.deliver();
    expect(t.telegram.lastText(maria.id)).toBe('Il partner «Cooperativa Alfa» è già nell’elenco di questa rete.');
    expect(await t.db.prisma.partner.count({ where: { name: { equals: 'cooperativa alfa', mode: 'insensitive' } } })).toBe(1);
    await t.telegram.message(maria, chat, 'modifica 1');
    await t.telegram.message(maria, chat, 'Cooperativa Alfa Due');
    await t.telegram.message(maria, chat, 'conferma');
    await t.deliver();
    expect(t.telegram.lastText(maria.id)).toContain('«Cooperativa Alfa Due» è nell’elenco dei partner di BG01');
  });

  it('refuses /partner aggiungi to members, in Italian, and starts nothing', async () => {
    const before = await t.db.prisma.partner.count();
    await t.telegram.command(people.fatou, t.telegram.group(groups.BG01), 'partner', 'aggiungi');
    await t.telegram.command(people.fatou, t.telegram.privateChat(people.fatou), 'partner', 'aggiungi');
    await t.deliver();
    expect(t.telegram.lastText(groups.BG01)).toBe('Questo comando è riservato ai referenti della rete.');
    expect(t.telegram.lastText(people.fatou.id)).toBe('Questo comando è riservato ai referenti della rete.');
    expect(await t.db.prisma.partner.count()).toBe(before);
    const fatou = await t.db.prisma.person.findFirstOrThrow({ where: { name: 'Fatou Diop' } });
    expect(await t.db.prisma.conversation.count({ where: { flow: 'partner-aggiungi', personId: fatou.id } })).toBe(0);
  });

  it('from a group, continues privately (with a link to the private chat) for referents of that network only', async () => {
    await t.telegram.command(people.francesca, t.telegram.group(groups.BG01), 'partner', 'aggiungi');
    await t.deliver();
    expect(t.telegram.lastText(groups.BG01)).toBe('Questo comando è riservato ai referenti della rete.');
    await t.telegram.command(people.ahmed, t.telegram.group(groups.BG01), 'partner', 'aggiungi');
    await t.deliver();
    expect(t.telegram.lastText(groups.BG01)).toContain('Ti scrivo in privato per le domande sul nuovo partner.');
    expect(t.telegram.lastText(groups.BG01)).toContain('https://t.me/reti_bot?start=partner');
    expect(t.telegram.lastText(people.ahmed.id)).toContain('1/6 Come si chiama');
    // The deep link (/start partner) brings back the question.
    await t.telegram.command(people.ahmed, t.telegram.privateChat(people.ahmed), 'start', 'partner');
    await t.deliver();
    expect(t.telegram.lastText(people.ahmed.id)).toContain('1/6 Come si chiama');
  });
});
