// The map of maturity as people read it: /maturita with the evidence, the change since 12 weeks
// before, what moves a dimension on and the support suggested (percorsi set by a coordinator);
// /maturita tutte; the weekly history job; the new sections of both digests; and the three new
// export data sets, written as CSV and parsed back.
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importConfiguration } from '../../src/configuration.js';
import { periodOf } from '../../src/capabilities/exports/period.js';
import { writeCsv } from '../../src/capabilities/exports/writers.js';
import { renderPlain } from '../../src/platform/memory/adapter.js';
import { testApp, type TestApp } from '../support/app.js';
import { buildDigest, dataSets, renderDigest } from '../support/reports.js';
import { command, who } from '../richieste/helpers.js';
import { seedNetworks } from './data.js';

const WEEK = '2026-W48';

describe('the map of maturity in chat, digests and exports', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
    // BG01: six weeks (W43–W48) with one meeting a week and a team culture of 4.
    await seedNetworks(t.db, WEEK, [{ code: 'BG01', weeks: Array.from({ length: 6 }, () => ({ incontri: 1, squadra: 4 })) }]);
    // BS02: a scheda whose objective fell due on 20 November, loaded before that day.
    t.clock.set(new Date('2026-11-10T09:00:00Z'));
    await importConfiguration(
      t.db.prisma,
      t.clock,
      'schede:\n  - network: BS02\n    objective: Casa\n    needs: Sfratti\n    strategies:\n      - { title: Sportello casa, objectives: [{ what: Famiglie accompagnate, target: 5, due: 2026-11-20 }] }\n',
    );
    t.clock.set(new Date('2026-11-23T08:00:00Z'));
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('/maturita: each dimension’s stage, its evidence, the change since 12 weeks before and what moves it on', async () => {
    const map = await command(t, who.maria, 'telegram', 'maturita');
    expect(map).toContain('🧭 Mappa di maturità di Rete Bergamo Ovest (BG01)');
    expect(map).toContain('Ultime 12 settimane, fino alla settimana 23–29 novembre 2026.');
    expect(map).toContain(
      [
        'cultura di squadra: autonomia (3/4)',
        '   ⬆️ 12 settimane fa: avvio',
        '   4 di media sulla cultura di squadra (1–5)',
        '   2 incontri di rete al mese',
        '   Per passare a generatività: media di «cultura di squadra» (1–5): almeno 4,2 (ora 4); incontri di rete o di cabina di regia al mese (somma di «incontri» / 3): almeno 3 (ora 2).',
      ].join('\n'),
    );
    expect(map).toContain(
      [
        'valutazione: consolidamento (2/4)',
        '   ⬆️ 12 settimane fa: avvio',
        '   6 settimane con il check-in',
        '   0 obiettivi specifici con un traguardo misurabile',
        '   0 risposte sugli obiettivi nei check-in',
        '   Per passare a autonomia: settimane con il check-in inviato (su 12): almeno 8 (ora 6); obiettivi specifici con un traguardo numerico: almeno 1 (ora 0); risposte sugli obiettivi nei check-in: almeno 1 (ora 0).',
      ].join('\n'),
    );
    expect(map).toContain('progettazione: avvio (1/4)\n   invariata rispetto a 12 settimane fa');
    expect(await command(t, who.francesca, 'telegram', 'maturita', 'BG01')).toBe('La scheda di BG01 la vedono le persone della rete e i coordinatori.');
  });

  it('percorsi: a coordinator sets the support of a stage, the network sees it suggested; others may not set it', async () => {
    expect(await command(t, who.luca, 'telegram', 'maturita', 'percorso autonomia squadra formazione,confronto Laboratorio sulla facilitazione')).toBe(
      'Fatto: per la fase autonomia (squadra) il supporto suggerito è formazione, confronto tra partner.',
    );
    expect(await command(t, who.luca, 'telegram', 'maturita', 'percorso avvio formazione')).toBe(
      'Fatto: per la fase avvio il supporto suggerito è formazione.',
    );
    expect(await command(t, who.luca, 'telegram', 'maturita', 'percorso esperta formazione')).toBe(
      'Indica la fase: avvio, consolidamento, autonomia o generatività.',
    );
    expect(await command(t, who.luca, 'telegram', 'maturita', 'percorso avvio merenda')).toContain('Indica uno o più tipi di supporto separati da virgole');
    expect(await command(t, who.maria, 'telegram', 'maturita', 'percorso avvio formazione')).toContain('coordinatori');
    expect(await command(t, who.luca, 'telegram', 'maturita', 'percorso')).toBe(
      'Percorsi di supporto per fase:\n• avvio: formazione\n• autonomia (squadra): formazione, confronto tra partner — Laboratorio sulla facilitazione',
    );
    const map = await command(t, who.maria, 'telegram', 'maturita');
    expect(map).toContain('   💡 Supporto per la fase autonomia: formazione, confronto tra partner — Laboratorio sulla facilitazione');
    expect(map).toContain('progettazione: avvio (1/4)');
    expect(map.match(/💡 Supporto per la fase avvio: formazione/g)).toHaveLength(4);
  });

  it('/maturita tutte groups the networks by stage and names those that moved in four weeks', async () => {
    const all = await command(t, who.luca, 'telegram', 'maturita', 'tutte');
    expect(all).toContain('🧭 Mappa di maturità delle reti (6), settimana 23–29 novembre 2026');
    expect(all).toContain('cultura di squadra\n   autonomia (1): BG01\n   avvio (5): BS02, CR04, LO06, MI03, VA05');
    // Four weeks before (W44): two weeks of answers, 0,7 meetings a month → avvio.
    expect(all).toContain(
      'Reti che hanno cambiato fase nelle ultime 4 settimane:\n   BG01 · cultura di squadra: avvio → autonomia\n   BG01 · valutazione: avvio → consolidamento',
    );
    expect(await command(t, who.maria, 'telegram', 'maturita', 'tutte')).toBe('Questo comando è riservato ai coordinatori di ANCI Lombardia.');
  });

  it('the weekly job stores one row per network and dimension for the week just ended', async () => {
    expect(await t.app.jobs.run('maturita-storico')).toMatchObject({ week: '2026-W47', networks: 6, rows: 36 });
    const row = await t.db.prisma.maturityWeek.findFirstOrThrow({ where: { week: '2026-W47', dimension: 'squadra', stage: 1 } });
    // W43–W47: five meetings in 12 weeks → 1,67 a month: consolidamento.
    expect(row.metrics).toEqual({ media_squadra: 4, incontri_mese: 5 / 3 });
    expect(await t.app.jobs.run('maturita-storico')).toMatchObject({ rows: 36 });
    expect(await t.db.prisma.maturityWeek.count()).toBe(36);
  });

  const tx = <T>(run: (x: Parameters<Parameters<typeof t.db.prisma.$transaction>[0]>[0]) => Promise<T>) => t.db.prisma.$transaction(run);

  it('the network digest: scheda completeness, objectives and the change of stage', async () => {
    const network = await t.db.prisma.network.findUniqueOrThrow({ where: { code: 'BG01' }, select: { id: true, code: true, name: true, themes: true } });
    const digest = await tx((x) => buildDigest(x, { week: WEEK, now: t.clock.now(), network }));
    const text = renderPlain(renderDigest(digest));
    expect(text).toContain(
      '📋 Scheda della rete e obiettivi\nScheda completa a 0 passi su 4: mancano obiettivo di cambiamento e bisogni, strategie e obiettivi specifici, ruoli, interazioni e flussi di informazione (/scheda).',
    );
    // W47: consolidamento (1,67 meetings a month); W48: autonomia (2).
    expect(text).toContain('🧭 Mappa di maturità\n⬆️ cultura di squadra: da consolidamento a autonomia');

    const bs02 = await t.db.prisma.network.findUniqueOrThrow({ where: { code: 'BS02' }, select: { id: true, code: true, name: true, themes: true } });
    const other = renderPlain(renderDigest(await tx((x) => buildDigest(x, { week: WEEK, now: t.clock.now(), network: bs02 }))));
    expect(other).toContain('⚠️ O1 «Famiglie accompagnate»: scaduto ven 20 novembre, non raggiunto.');
    expect(other).not.toContain('🧭 Mappa di maturità');
  });

  it('the coordinators’ digest: networks that changed stage, percorsi not received, objectives past due, schede incomplete', async () => {
    const text = renderPlain(renderDigest(await tx((x) => buildDigest(x, { week: WEEK, now: t.clock.now() }))));
    expect(text).toContain(
      '📋 Schede delle reti\nObiettivi scaduti e non raggiunti: 1\n• BS02 O1 «Famiglie accompagnate», scaduto ven 20 novembre\nSchede ancora incomplete: 6 su 6 (BG01, BS02, CR04, LO06, MI03, VA05).',
    );
    expect(text).toContain('Reti che hanno cambiato fase questa settimana: 1\n• BG01 · cultura di squadra: consolidamento → autonomia');
    expect(text).toContain('Reti in una fase il cui supporto suggerito non è ancora stato dato: 34');
    expect(text).toContain('• BG01 · cultura di squadra (autonomia): formazione, confronto tra partner');
  });

  async function csv(file: string): Promise<Record<string, string>[]> {
    const q = { period: periodOf('2026-W45', WEEK), networkId: null };
    const chunks: Buffer[] = [];
    const out = new Writable({
      write(chunk, _enc, done) {
        chunks.push(Buffer.from(chunk));
        done();
      },
    });
    await tx(async (x) =>
      writeCsv(
        out,
        dataSets(x, q).find((s) => s.file === file)!,
      ),
    );
    return parse(
      Buffer.concat(chunks)
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
      { columns: true },
    );
  }

  it('exports the schede, the objectives by week and the maturity history, read back from CSV', async () => {
    await t.db.prisma.objectiveProgress.create({
      data: {
        objectiveId: (await t.db.prisma.schedaObjective.findFirstOrThrow()).id,
        networkId: (await t.db.prisma.network.findUniqueOrThrow({ where: { code: 'BS02' } })).id,
        period: '2026-W46',
        status: 'buon_punto',
        note: 'quasi',
        personId: 1,
        at: t.clock.now(),
      },
    });
    const schede = await csv('schede');
    expect(schede.map((r) => [r['Rete'], r['Elemento'], r['Codice'], r['Testo']])).toEqual([
      ['BS02', 'obiettivo di cambiamento', '', 'Casa'],
      ['BS02', 'bisogni', '', 'Sfratti'],
      ['BS02', 'strategia', 'S1', 'Sportello casa'],
      ['BS02', 'obiettivo specifico', 'O1', 'Famiglie accompagnate'],
    ]);
    expect(schede[3]).toMatchObject({ Strategia: 'S1', Traguardo: '5', Dettaglio: 'a buon punto (2026-W46)' });
    const progress = await csv('obiettivi');
    expect(progress).toEqual([
      expect.objectContaining({ Settimana: '2026-W46', Lunedì: '2026-11-09', Rete: 'BS02', Obiettivo: 'O1', Stato: 'a buon punto', Nota: 'quasi' }),
    ]);
    const maturity = await csv('maturita');
    expect(maturity).toHaveLength(36);
    expect(maturity.find((r) => r['Rete'] === 'BG01' && r['Dimensione'] === 'cultura di squadra')).toMatchObject({
      Settimana: '2026-W47',
      Fase: 'consolidamento',
      'Livello (1–4)': '2',
      'Dati della regola': 'media_squadra=4; incontri_mese=1,7',
    });
  });
});
