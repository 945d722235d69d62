// Every rule of the map of maturity at its stage boundaries: for each dimension and stage, a
// network whose figures are exactly the stage's thresholds is at that stage, and one with a single
// figure just under a threshold is not (the figures are checked as the SQL reads them from the
// answers and the scheda built for it). Then the thresholds changed in the configuration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importConfiguration } from '../../src/configuration.js';
import { loadRules, profiles, type NetworkProfile } from '../../src/capabilities/maturita/profile.js';
import { DIMENSIONS, RULED_STAGES, metricsOf, type Dimension, type Metric } from '../../src/capabilities/maturita/rules.js';
import { testApp, type TestApp } from '../support/app.js';
import { seedNetworks, series, type NetworkData } from './data.js';

const WEEK = '2026-W47';
const CHECKIN = new Set<Metric>([
  'settimane_risposte',
  'incontri_mese',
  'media_squadra',
  'media_ruolo_attivo',
  'cittadini',
  'media_corresponsabilita',
  'partner_attivi',
  'nuovi_partner',
  'settimane_associazioni',
  'referenti_attivi',
]);

/** A network whose figures are these values. */
function build(code: string, v: Partial<Record<Metric, number>>): NetworkData {
  const needsWeeks = Object.entries(v).some(([m, x]) => CHECKIN.has(m as Metric) && (x ?? 0) > 0);
  const w = v.settimane_risposte ?? (needsWeeks ? 10 : 0);
  const col = (total: number) => series(total / w, w);
  const incontri = col(Math.round((v.incontri_mese ?? 0) * 3));
  const squadra = series(v.media_squadra ?? 0, w);
  const ruolo = series(v.media_ruolo_attivo ?? 0, w);
  const corr = series(v.media_corresponsabilita ?? 0, w);
  const partner = series(v.partner_attivi ?? 0, w);
  const cittadini = col(v.cittadini ?? 0);
  const nuovi = col(v.nuovi_partner ?? 0);
  const refs = Math.max(1, v.referenti_attivi ?? 1);
  const weeks = Array.from({ length: w }, (_, i) => ({
    incontri: incontri[i]!,
    squadra: squadra[i]!,
    ruolo_attivo: ruolo[i]!,
    corresponsabilita: corr[i]!,
    partner_attivi: partner[i]!,
    cittadini: cittadini[i]!,
    nuovi_partner: nuovi[i]!,
    associazioni: i < (v.settimane_associazioni ?? 0) ? 1 : 0,
    by: i % refs,
  }));
  const measured = v.obiettivi_misurati ?? 0;
  const reached = v.obiettivi_raggiunti ?? 0;
  const progress = v.risposte_obiettivi ?? 0;
  return {
    code,
    weeks,
    scheda: {
      steps: v.passi_scheda ?? 0,
      measured,
      plain: Math.max(0, reached - measured, progress > 0 && measured === 0 ? 1 : 0),
      reached,
      progress,
      roles: v.ruoli ?? 0,
      flows: v.flussi ?? 0,
    },
  };
}

/** How far under a threshold "just under" is. */
const under = (m: Metric) => (m.startsWith('media_') || m === 'partner_attivi' ? 0.1 : m === 'incontri_mese' ? 1 / 3 : 1);

/** The highest stage whose thresholds these values meet (0: avvio). */
function expected(d: Dimension, v: Partial<Record<Metric, number>>): number {
  let stage = 0;
  RULED_STAGES.forEach((s, i) => {
    if (Object.entries(d.thresholds[s]).every(([m, min]) => (v[m as Metric] ?? 0) >= (min as number) - 1e-9)) stage = i + 1;
  });
  return stage;
}

interface Case {
  code: string;
  d: Dimension;
  values: Partial<Record<Metric, number>>;
  stage: number;
  label: string;
}

describe('the rules of maturity at their stage boundaries', () => {
  let t: TestApp;
  const cases: Case[] = [];
  let byCode: Map<string, NetworkProfile>;

  beforeAll(async () => {
    t = await testApp({ yaml: false });
    let n = 0;
    for (const d of DIMENSIONS) {
      RULED_STAGES.forEach((s, i) => {
        const at = { ...d.thresholds[s] };
        cases.push({ code: `T${++n}`, d, values: at, stage: i + 1, label: `${d.code} exactly at ${s}` });
        for (const m of metricsOf(d)) {
          const min = at[m] ?? 0;
          if (min <= 0) continue;
          const below = { ...at, [m]: Math.round((min - under(m)) * 1e6) / 1e6 };
          if ((below.flussi ?? 0) > 0 && (below.ruoli ?? 0) < 2) continue; // a flow needs two roles: no such network
          cases.push({ code: `T${++n}`, d, values: below, stage: expected(d, below), label: `${d.code} at ${s} but ${m} ${below[m]} < ${min}` });
        }
      });
      cases.push({ code: `T${++n}`, d, values: {}, stage: 0, label: `${d.code} with nothing` });
    }
    await seedNetworks(
      t.db,
      WEEK,
      cases.map((c) => build(c.code, c.values)),
    );
    const list = await t.db.prisma.$transaction(async (tx) => profiles(tx, WEEK, await loadRules(tx)));
    byCode = new Map(list.map((p) => [p.code, p]));
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('puts each data set at the stage its figures reach, the figures read exactly', () => {
    expect(cases.length).toBeGreaterThan(60);
    for (const c of cases) {
      const p = byCode.get(c.code)!;
      for (const [m, v] of Object.entries(c.values)) expect(p.metrics[m as Metric], `${c.label}: ${m}`).toBeCloseTo(v, 6);
      expect(p.stages[c.d.code], c.label).toBe(c.stage);
    }
    // Below a stage's threshold means the stage before (never a jump past it) for every one-step case.
    const drops = cases.filter((c) => c.label.includes(' but ')).map((c) => [c.label, c.stage]);
    expect(drops).toContainEqual(['squadra at generativita but media_squadra 4.1 < 4.2', 2]);
    expect(drops).toContainEqual(['squadra at consolidamento but incontri_mese 0.666667 < 1', 0]);
    expect(drops).toContainEqual(['progettazione at generativita but passi_scheda 3 < 4', 1]);
    expect(drops).toContainEqual(['valutazione at autonomia but settimane_risposte 7 < 8', 1]);
    expect(drops).toContainEqual(['governance at generativita but referenti_attivi 1 < 2', 2]);
  });

  it('a realistic network: every figure from its answers, by hand', async () => {
    const weeks = [
      { incontri: 2, squadra: 4, cittadini: 5, partner_attivi: 3, associazioni: 1, ruolo_attivo: 3, corresponsabilita: 4, nuovi_partner: 1 },
      { incontri: 1, squadra: 5, cittadini: 8, partner_attivi: 5, associazioni: 0, ruolo_attivo: 4, corresponsabilita: 4, nuovi_partner: 0, by: 1 },
      { incontri: 3, squadra: 4, cittadini: 0, partner_attivi: 4, associazioni: 2, ruolo_attivo: 2, corresponsabilita: 3, nuovi_partner: 0 },
    ];
    await seedNetworks(t.db, WEEK, [{ code: 'REAL', weeks, scheda: { steps: 4, measured: 1, progress: 2 } }]);
    const [p] = await t.db.prisma.$transaction(async (tx) =>
      profiles(tx, WEEK, await loadRules(tx), (await tx.network.findUniqueOrThrow({ where: { code: 'REAL' } })).id),
    );
    expect(p!.metrics).toMatchObject({
      settimane_risposte: 3,
      incontri_mese: 2, // 6 in 12 weeks = 3 months
      cittadini: 13,
      settimane_associazioni: 2,
      referenti_attivi: 2,
      nuovi_partner: 1,
      passi_scheda: 4,
      obiettivi_misurati: 1,
      risposte_obiettivi: 2,
      ruoli: 2,
      flussi: 1,
    });
    expect(p!.metrics.media_squadra).toBeCloseTo(13 / 3, 6);
    expect(p!.metrics.partner_attivi).toBe(4);
    expect(p!.metrics.media_corresponsabilita).toBeCloseTo(11 / 3, 6);
    // squadra: 4,33 and 2 a month → autonomia; coinvolgimento: 3,67, 4 partners, 1 new, but associations in 2 weeks of the 3 needed → consolidamento;
    // valutazione: 3 weeks of check-ins of the 4 needed → avvio.
    expect(p!.stages).toEqual({ progettazione: 2, squadra: 2, cittadini: 1, coinvolgimento: 1, valutazione: 0, governance: 2 });
  });

  it('answers older than 12 weeks do not count', async () => {
    const weeks = Array.from({ length: 14 }, () => ({ incontri: 3, squadra: 5 }));
    await seedNetworks(t.db, WEEK, [{ code: 'OLD', weeks }]);
    const [p] = await t.db.prisma.$transaction(async (tx) =>
      profiles(tx, WEEK, await loadRules(tx), (await tx.network.findUniqueOrThrow({ where: { code: 'OLD' } })).id),
    );
    expect(p!.metrics.settimane_risposte).toBe(12);
    expect(p!.metrics.incontri_mese).toBe(12);
  });

  it('thresholds changed in the maturita: section move the boundary; decreasing ones are refused', async () => {
    const at = cases.find((c) => c.label === 'squadra exactly at autonomia')!;
    await importConfiguration(t.db.prisma, t.clock, 'maturita:\n  soglie:\n    squadra:\n      autonomia: { media_squadra: 3.6 }\n');
    const after = await t.db.prisma.$transaction(async (tx) =>
      profiles(tx, WEEK, await loadRules(tx), (await tx.network.findUniqueOrThrow({ where: { code: at.code } })).id),
    );
    expect(after[0]!.stages.squadra).toBe(1);
    await expect(importConfiguration(t.db.prisma, t.clock, 'maturita:\n  soglie:\n    squadra:\n      autonomia: { media_squadra: 4.5 }\n')).rejects.toThrow(
      /le soglie di media_squadra per squadra non possono scendere/,
    );
    await expect(importConfiguration(t.db.prisma, t.clock, 'maturita:\n  soglie:\n    squadra:\n      autonomia: { cittadini: 4 }\n')).rejects.toThrow(
      /la regola di squadra non usa cittadini/,
    );
    await importConfiguration(t.db.prisma, t.clock, 'maturita: {}\n');
    expect(await t.db.prisma.maturityThreshold.count()).toBe(0);
  });
});
