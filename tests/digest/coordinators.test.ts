import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMarkup } from '../../src/platform/markup.js';
import { people, testApp, type TestApp } from '../support/app.js';
import { loadKnownData, obstacleBG01, obstacleLO06 } from './fixture.js';

const lucaTelegram = people.luca.id;
const lucaSlack = people.lucaSlack.id;
const giuliaSlack = 'U0COORD2';
const visible = (s: string) => s.replace(/\u200b/g, '');

describe('coordinators digest on a known data set (week 2026-W47)', () => {
  let t: TestApp;
  let text: string;
  beforeAll(async () => {
    t = await testApp();
    await loadKnownData(t.db);
    const result = await t.app.jobs.run('digest-coordinators');
    expect(result).toMatchObject({ week: '2026-W47', sent: 3, already: 0 });
    await t.deliver();
    text = visible(t.telegram.texts(lucaTelegram).join('\n'));
  });
  afterAll(async () => {
    await t.close();
  });

  it('goes privately to every coordinator on each platform they have', () => {
    expect(t.telegram.texts(lucaTelegram)).toHaveLength(1);
    expect(t.slack.texts(lucaSlack)).toHaveLength(1);
    expect(t.slack.texts(giuliaSlack)).toHaveLength(1);
    expect(t.slack.texts(lucaSlack)).toEqual(t.telegram.texts(lucaTelegram));
    expect(text.split('\n')[0]).toBe('Digest settimanale · 16–22 novembre 2026');
  });

  it('counts the answers, on time and late, and lists the silent networks by weeks in a row', () => {
    expect(text).toContain('Hanno risposto 3 reti su 6: 1 in tempo, 2 in ritardo.');
    expect(text).toContain('Senza risposta questa settimana (1):\n  MI03\n');
    expect(text).toContain('Senza risposta da 2 settimane di fila (1):\n  CR04\n');
    expect(text).toContain('Senza risposta da 3 o più settimane di fila (1):\n  VA05 (3)\n');
  });

  it('gives totals and averages with the change on the week before and an 8-week sparkline', () => {
    // incontri per week: 9 10 9 10 9 9 8 7 · cittadini: 66 68 67 66 69 64 61 22 · squadra: 3.4 ×5, 3.5, 4.0, 4.0
    expect(text).toContain('incontri totale 7 · −1 sulla settimana prima · ▆█▆█▆▆▃▁ (3 reti)');
    expect(text).toContain('cittadini totale 22 · −39 sulla settimana prima · █████▇▇▁ (3 reti)');
    expect(text).toContain('squadra media 4,0 · invariato · ▁▁▁▁▁▂██ (3 reti)');
    // Indicators nobody answered in the last 8 weeks are not a wall of zeros.
    expect(text).not.toContain('partner attivi');
  });

  it('names the networks furthest from their own usual values', () => {
    // BG01 cittadini: 5 against a median of 21 (MAD 1 → floor 2.1): score 7.6. Nothing else reaches 3.
    const section = text.slice(text.indexOf('Fuori dal solito'), text.indexOf('Ostacoli segnalati'));
    expect(section.split('\n').filter((l) => l.includes(' · '))).toEqual(['BG01 Rete Bergamo Ovest · cittadini 5 (di solito 21)']);
  });

  it('quotes the obstacles verbatim with the network, never as markup, and leaves out "nessuno"', () => {
    expect(text).toContain(`BG01 · ${obstacleBG01}`);
    expect(text).toContain(`LO06 · ${obstacleLO06}`);
    expect(text).not.toMatch(/BS02 · Nessuno/);
    const message = t.telegram.last(lucaTelegram)!.message;
    const obstacleBlocks = (message.blocks ?? []).filter((b) => b.type === 'text' && b.text.includes('Trasporti'));
    const spans = obstacleBlocks.flatMap((b) => (b.type === 'text' ? parseMarkup(b.text) : []));
    // Only the network codes are bold; the person's ** _ and [](…) stay as typed.
    expect(spans.filter((s) => s.kind !== 'text')).toEqual([
      { kind: 'bold', text: 'BG01' },
      { kind: 'bold', text: 'LO06' },
    ]);
  });

  it('counts the support requested by kind, with the networks', () => {
    const section = text.slice(text.indexOf('Supporto richiesto ad ANCI'), text.indexOf('Richieste di supporto ad ANCI'));
    expect(section.split('\n').slice(1, -1)).toEqual([
      'formazione: 3 reti (BG01, BS02, LO06)',
      'supporto tecnico e supervisione: 1 rete (BG01)',
      'presenza alla cabina di regia: 1 rete (LO06)',
    ]);
  });

  it('lists the new good practices once, from the library or from the check-in', () => {
    const section = text.slice(text.indexOf('Nuove buone prassi'), text.indexOf('Laboratori'));
    expect(section.split('\n').slice(1, -1)).toEqual([
      'BG01 · Corso di italiano per mamme al mattino (dal check-in)',
      'BS02 · Mediatori nei consultori (proposta)',
      'MI03 · Sportello lavoro condiviso (pubblicata)',
    ]);
  });

  it('shows the laboratori of the coming two weeks with seats, and the feedback of the last ones', () => {
    expect(text).toContain('gio 26 novembre, 14:30–17:00 · Mediazione linguistica nei servizi (mediazione) · 3/3 posti, 1 in lista d’attesa');
    expect(text).not.toContain('Lontano');
    expect(text).not.toContain('Annullato');
    expect(text).toContain('Cittadinanza e scuola (mar 17 novembre): 4,0/5 da 3 risposte su 4 partecipanti');
  });

  it('counts the introductions and their follow-ups', () => {
    expect(text).toContain('Presentazioni fatte: 2 · risposte al follow-up: 1 si sono incontrati, 1 non ancora, 0 non interessati');
    expect(text).toContain('Nelle ultime 8 settimane: 3 presentazioni, 1 incontro avvenuto.');
  });

  it('sends nothing new when the job runs again', async () => {
    const before = await t.db.prisma.outboxMessage.count();
    expect(await t.app.jobs.run('digest-coordinators')).toMatchObject({ sent: 0, already: 3 });
    expect(await t.db.prisma.outboxMessage.count()).toBe(before);
    const keys = (await t.db.prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: 'digest:' } }, select: { dedupeKey: true } })).map(
      (r) => r.dedupeKey,
    );
    expect(keys.every((k) => /^digest:\d+:2026-W47:(telegram|slack)$/.test(k))).toBe(true);
  });
});
