import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryAdapter, MemoryUser } from '../../src/platform/memory/adapter.js';
import { onPostgres } from '../support/db.js';
import { people, testApp, type TestApp } from '../support/app.js';
import { newLab, signupsOf, slackChannels, tgGroups } from './helpers.js';

// Real concurrency: the presses are dispatched at once (each its own transaction; on PostgreSQL
// each on its own connection), and the lab's row lock decides who gets the last seat.
describe(`the race for the last seat (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const racers = (): [MemoryAdapter, MemoryUser, string][] => [
    [t.telegram, people.maria, tgGroups.BG01],
    [t.telegram, people.ahmed, tgGroups.BG01],
    [t.telegram, { id: '100000005', name: 'Chiara Fontana' }, tgGroups.CR04],
    [t.slack, people.lucaSlack, slackChannels.BG01],
    [t.slack, { id: 'U0DAVIDE', name: 'Davide Ricci' }, slackChannels.VA05],
    [t.slack, { id: 'U0PAOLO', name: 'Paolo Colombo' }, slackChannels.MI03],
  ];

  for (const round of [1, 2, 3]) {
    it(`gives the last seat to exactly one of six people pressing at once on Slack and Telegram (round ${round})`, async () => {
      const lab = await newLab(t, { title: `Ultimo posto ${round}`, capacity: 2 });
      await t.telegram.press(people.fatou, t.telegram.group(tgGroups.BG01), 'laboratori.join', String(lab));
      t.telegram.clear();
      t.slack.clear();

      await Promise.all(racers().map(([platform, user, chat]) => platform.press(user, platform.group(chat), 'laboratori.join', String(lab))));
      await t.deliver();

      const rows = await signupsOf(t, lab);
      expect(rows.filter(([, s]) => s === 'confirmed').length).toBe(2);
      expect(rows.filter(([, s]) => s === 'waiting').length).toBe(5);
      const positions = await t.db.prisma.labSignup.findMany({ where: { labId: lab }, select: { position: true } });
      expect(new Set(positions.map((p) => p.position)).size).toBe(7);

      // Each racer was answered once: one confirmation, five distinct places on the waiting list.
      // (Slack answers only the presser; in a Telegram group the answer is public and names them.)
      const answers = racers().map(([platform, user, chat]) =>
        platform.texts(chat, user.id).filter((x) => x.includes(`Ultimo posto ${round}`) && (platform.capabilities.ephemeral || x.startsWith(`${user.name}:`))),
      );
      expect(answers.every((a) => a.length === 1)).toBe(true);
      const texts = answers.map((a) => a[0]!);
      expect(texts.filter((x) => x.includes('Iscrizione confermata')).length).toBe(1);
      const places = texts
        .flatMap((x) => /posizione (\d+)/.exec(x)?.[1] ?? [])
        .map(Number)
        .sort();
      expect(places).toEqual([1, 2, 3, 4, 5]);
    });
  }

  it('keeps one sign-up when the same person presses on Telegram and on Slack at the same moment', async () => {
    const lab = await newLab(t, { title: 'Doppio clic', capacity: 1 });
    await Promise.all([
      t.telegram.press(people.maria, t.telegram.group(tgGroups.BG01), 'laboratori.join', String(lab)),
      t.slack.press(people.mariaSlack, t.slack.group(slackChannels.BG01), 'laboratori.join', String(lab)),
      t.telegram.press(people.maria, t.telegram.privateChat(people.maria), 'laboratori.join', String(lab)),
    ]);
    await t.deliver();
    expect(await signupsOf(t, lab)).toEqual([['Maria Rossi', 'confirmed', expect.stringMatching(/^(telegram|slack)$/)]]);
    // Each press was answered: one confirmation, twice «already signed up», no error.
    const answers = [
      ...t.telegram.texts(tgGroups.BG01, people.maria.id),
      ...t.telegram.texts(people.maria.id),
      ...t.slack.texts(slackChannels.BG01, 'U0MARIA'),
    ].filter((x) => (x.includes('Doppio clic') && !x.includes('📣')) || x.includes('Qualcosa'));
    expect(answers.filter((x) => x.includes('Iscrizione confermata')).length).toBe(1);
    expect(answers.filter((x) => x.includes('Hai già un posto')).length).toBe(2);
    expect(answers.length).toBe(3);
  });

  it('lets the first waiting take a seat freed while others press at once', async () => {
    const lab = await newLab(t, { title: 'Posto liberato', capacity: 1 });
    await t.telegram.press(people.maria, t.telegram.privateChat(people.maria), 'laboratori.join', String(lab));
    await t.telegram.press(people.ahmed, t.telegram.privateChat(people.ahmed), 'laboratori.join', String(lab));
    await Promise.all([
      t.telegram.press(people.maria, t.telegram.privateChat(people.maria), 'laboratori.leave', String(lab)),
      t.slack.press(people.lucaSlack, t.slack.group(slackChannels.BG01), 'laboratori.join', String(lab)),
      t.telegram.press(people.fatou, t.telegram.group(tgGroups.BG01), 'laboratori.join', String(lab)),
    ]);
    await t.deliver();
    const rows = await signupsOf(t, lab);
    expect(rows.filter(([, s]) => s === 'confirmed')).toEqual([['Ahmed Benali', 'confirmed', 'telegram']]);
    expect(rows.filter(([, s]) => s === 'waiting').length).toBe(2);
  });
});
