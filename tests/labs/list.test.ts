import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelLabFromCli } from '../../src/capabilities/labs/cli-actions.js';
import { people, testApp, type TestApp } from '../support/app.js';
import { newLab, slackChannels, tgGroups } from './helpers.js';

describe('/laboratori: what is coming, for whom', () => {
  let t: TestApp;
  const list = async (user: { id: string; name: string }, chatId: string, text = '', platform = t?.telegram) => {
    const chat = chatId === user.id ? platform.privateChat(user) : platform.group(chatId);
    await platform.command(user, chat, 'laboratori', text);
    await t.deliver();
    return platform.lastText(chatId);
  };
  const titles = (text: string) => [...text.matchAll(/^(.+) \(n\. \d+\)$/gm)].map((m) => m[1]);

  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('says so in a friendly line when nothing is coming', async () => {
    expect(await list(people.fatou, tgGroups.BG01)).toBe(
      'Per ora non ci sono laboratori in programma per la tua rete. Appena ne viene fissato uno lo annuncio nei canali della rete.',
    );
    expect(await list(people.maria, people.maria.id, 'casa')).toBe(
      'Non ci sono laboratori in programma sul tema «casa». Scrivi /laboratori per vederli tutti.',
    );
  });

  it('shows in a channel the sessions open to its network, in date order, with date, theme, place and seats', async () => {
    await newLab(t, { title: 'Mediazione interculturale nei servizi', theme: 'Mediazione', capacity: 2 });
    await newLab(t, {
      title: 'Orientamento al lavoro',
      theme: 'lavoro',
      start: '01/12/2026 09:00',
      end: '12:30',
      where: 'https://meet.example.org/lavoro',
      networks: 'BG01',
    });
    await newLab(t, { title: 'Abitare in valle', theme: 'casa', start: '10/12/2026 17:30', end: '19:00', where: 'Breno', networks: 'BS02' });
    const cancelled = await newLab(t, { title: 'Annullato', theme: 'mediazione' });
    await cancelLabFromCli(t.db.prisma, t.clock, cancelled);

    const bg01 = await list(people.fatou, tgGroups.BG01);
    expect(bg01).toContain('Laboratori in programma');
    expect(titles(bg01)).toEqual(['Orientamento al lavoro', 'Mediazione interculturale nei servizi']);
    expect(bg01).toContain('mar 1 dicembre, 09:00–12:30 · Tema: lavoro\n💻 Collegamento online (https://meet.example.org/lavoro)\nPosti senza limite');
    expect(bg01).toContain('gio 3 dicembre, 14:30–17:00 · Tema: Mediazione\n📍 Sala civica, Bergamo\n✅ 2 posti liberi su 2');
    expect(t.telegram.buttons(tgGroups.BG01).map((b) => `${b.label}:${b.action}:${b.value}`)).toEqual([
      'Mi iscrivo:laboratori.join:2',
      'Mi iscrivo:laboratori.join:1',
    ]);

    expect(titles(await list(people.francesca, tgGroups.BS02))).toEqual(['Mediazione interculturale nei servizi', 'Abitare in valle']);
    // A coordinator in a network's channel sees that network's sessions, like everyone there.
    expect(titles(await list(people.luca, tgGroups.BS02))).toEqual(['Mediazione interculturale nei servizi', 'Abitare in valle']);
  });

  it('shows in a private chat the sessions of all the person’s networks, and every session to coordinators', async () => {
    expect(titles(await list(people.maria, people.maria.id))).toEqual(['Orientamento al lavoro', 'Mediazione interculturale nei servizi']);
    expect(titles(await list(people.luca, people.luca.id))).toEqual(['Orientamento al lavoro', 'Mediazione interculturale nei servizi', 'Abitare in valle']);
    const stranger = { id: '777000111', name: 'Nadia Nuova' };
    // Someone in no network sees no laboratorio (the access policy: tests/access/policy.test.ts).
    expect(titles(await list(stranger, stranger.id))).toEqual([]);
  });

  it('filters by theme leniently: case, accents, plurals, the beginning of a word', async () => {
    expect(titles(await list(people.maria, people.maria.id, 'mediazione'))).toEqual(['Mediazione interculturale nei servizi']);
    expect(titles(await list(people.maria, people.maria.id, 'MEDIAZIONI'))).toEqual(['Mediazione interculturale nei servizi']);
    expect(titles(await list(people.maria, people.maria.id, 'lavorò'))).toEqual(['Orientamento al lavoro']);
    expect(titles(await list(people.luca, people.luca.id, 'abit'))).toEqual(['Abitare in valle']);
    const filtered = await list(people.maria, people.maria.id, 'Mediaz');
    expect(filtered.split('\n')[0]).toBe('Laboratori in programma sul tema «Mediaz»');
    expect(await list(people.francesca, tgGroups.BS02, 'lavoro')).toBe(
      'Non ci sono laboratori in programma sul tema «lavoro». Scrivi /laboratori per vederli tutti.',
    );
  });

  it('shows seats left, the waiting list when full, and the person’s own place with the right button', async () => {
    await t.telegram.command(people.maria, t.telegram.privateChat(people.maria), 'laboratori', 'iscrivimi 1');
    await t.deliver();
    let text = await list(people.maria, people.maria.id, 'mediazione');
    expect(text).toContain('✅ 1 posto libero su 2\n✔ Iscrizione confermata');
    expect(t.telegram.buttons(people.maria.id)).toEqual([{ label: 'Annulla iscrizione', action: 'laboratori.leave', value: '1' }]);

    await t.telegram.command(people.ahmed, t.telegram.privateChat(people.ahmed), 'laboratori', 'iscrivimi 1');
    await t.telegram.command(people.fatou, t.telegram.privateChat(people.fatou), 'laboratori', 'iscrivimi 1');
    await t.deliver();
    text = await list(people.fatou, people.fatou.id, 'mediazione');
    expect(text).toContain('⏳ Al completo: lista d’attesa (1 persona in attesa)\n⏳ Sei in lista d’attesa, posizione 1');
    text = await list(people.francesca, tgGroups.BS02, 'mediazione');
    expect(text).toContain('⏳ Al completo: lista d’attesa (1 persona in attesa)');
    expect(t.telegram.buttons(tgGroups.BS02).map((b) => b.label)).toEqual(['Mettimi in lista d’attesa']);
  });

  it('answers on Slack only to the person who asked, in the channel', async () => {
    const text = await list(people.mariaSlack, slackChannels.BG01, '', t.slack);
    expect(titles(text)).toEqual(['Orientamento al lavoro', 'Mediazione interculturale nei servizi']);
    expect(t.slack.last(slackChannels.BG01)?.visibleTo).toBe('U0MARIA');
    // The same person on another platform: her sign-up on Telegram shows here too.
    expect(text).toContain('✔ Iscrizione confermata');
  });

  it('stops listing a session once it has started', async () => {
    t.clock.set('2026-12-02T08:00:00Z');
    expect(titles(await list(people.fatou, tgGroups.BG01))).toEqual(['Mediazione interculturale nei servizi']);
    t.clock.set('2026-12-03T13:30:00Z');
    expect(await list(people.fatou, tgGroups.BG01)).toContain('Per ora non ci sono laboratori in programma');
  });
});
