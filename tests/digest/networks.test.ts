import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groups, testApp, type TestApp } from '../support/app.js';
import { loadKnownData } from './fixture.js';

const visible = (s: string) => s.replace(/\u200b/g, '');

describe('network digests in their own channels (week 2026-W47)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
    await loadKnownData(t.db);
    await t.app.jobs.run('digest-networks');
    await t.deliver();
  });
  afterAll(async () => {
    await t.close();
  });

  const bg01 = () => visible(t.telegram.texts(groups.BG01).join('\n'));

  it('posts the same summary into every channel of the network', () => {
    expect(t.telegram.texts(groups.BG01)).toHaveLength(1);
    expect(t.slack.texts(groups.slackBG01)).toEqual(t.telegram.texts(groups.BG01));
    expect(bg01().split('\n')[0]).toBe('Digest di BG01 · 16–22 novembre 2026');
  });

  it('compares the network answers with its own previous weeks', () => {
    // BG01 incontri 2 3 2 3 2 3 2 4, cittadini 20 22 21 20 23 22 21 5, squadra 4 every week.
    const text = bg01();
    expect(text).toContain('Check-in inviato in tempo. Grazie!');
    expect(text).toContain('incontri 4 · +2 sulla settimana prima · ▁▅▁▅▁▅▁█');
    expect(text).toContain('cittadini 5 · −16 sulla settimana prima · ▇█▇▇██▇▁');
    expect(text).toContain('squadra 4 · invariato · ▄▄▄▄▄▄▄▄');
    expect(text).toContain('Rete Bergamo Ovest · cittadini 5 (di solito 21)');
    expect(text).not.toContain(' reti)');
  });

  it('shows the laboratori open to the network and good practices of other networks on its themes', () => {
    const text = bg01();
    expect(text).toContain('gio 26 novembre, 14:30–17:00 · Mediazione linguistica nei servizi (mediazione) · 3/3 posti, 1 in lista d’attesa');
    expect(text).toContain('Buone prassi di altre reti sui vostri temi\nMI03 · Sportello lavoro condiviso (pubblicata) — lavoro');
    // Coordinators' matters stay out of the networks' channels.
    expect(text).not.toContain('Gradimento');
    expect(text).not.toContain('Legami');
  });

  it('tells a network silent for three weeks, without numbers it does not have', () => {
    const text = visible(t.telegram.texts('-1001000000005').join('\n'));
    expect(text).toContain('Check-in non inviato da 3 settimane di fila.');
    expect(text).toContain('incontri nessun dato questa settimana · ▄▄▄▄▄···');
    expect(t.slack.texts('C0VA05')).toEqual(t.telegram.texts('-1001000000005'));
  });

  it('tells a network silent this week only', () => {
    expect(visible(t.slack.texts('C0MI03').join('\n'))).toContain('Check-in non inviato questa settimana.');
  });

  it('sends nothing new when the job runs again', async () => {
    const before = await t.db.prisma.outboxMessage.count();
    const result = await t.app.jobs.run('digest-networks');
    expect(result).toMatchObject({ week: '2026-W47', sent: 0 });
    expect(result.already).toBeGreaterThan(0);
    expect(await t.db.prisma.outboxMessage.count()).toBe(before);
  });
});
