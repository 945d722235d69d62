// What requests and meetings bring to the digests and the exports, checked as numbers: built by
// the digests capability from the contributed sections (src/reports/digest-section.ts) over
// requests whose life was played through the domain at known times.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoordinatorsRequests, NetworkRequests } from '../../src/capabilities/richieste/digest.js';
import { createMeeting } from '../../src/capabilities/richieste/meetings.js';
import { close, complete, start, take } from '../../src/capabilities/richieste/requests.js';
import { renderPlain } from '../../src/platform/memory/adapter.js';
import type { Cell } from '../../src/reports/dataset.js';
import { periodOf } from '../../src/capabilities/exports/period.js';
import { testApp, type TestApp } from '../support/app.js';
import { buildDigest, dataSets, renderDigest } from '../support/reports.js';
import { networkId, open, personId } from './helpers.js';

const WEEK = '2026-W49'; // Mon 30 November – Sun 6 December 2026
const NOW = new Date('2026-12-07T07:00:00Z'); // Monday 08:00 in Rome, when the digest goes out

describe('requests and meetings in the digests and the exports', () => {
  let t: TestApp;
  let luca: { personId: number; name: string };
  const at = (iso: string) => new Date(iso);
  const tx = <T>(fn: (tx: Parameters<Parameters<TestApp['db']['prisma']['$transaction']>[0]>[0]) => Promise<T>) => t.db.prisma.$transaction(fn);

  /** Opens a request at a given time. */
  const openAt = async (iso: string, code: string, kind: string) => {
    t.clock.set(iso);
    return (await open(t, { code, kind, by: 'Maria Rossi' })).id;
  };

  beforeAll(async () => {
    t = await testApp();
    luca = { personId: await personId(t, 'Luca Bianchi'), name: 'Luca Bianchi' };
    // R1: opened 2 Nov, taken after 2 days, done after 10.
    const r1 = await openAt('2026-11-02T09:00:00Z', 'BG01', 'formazione');
    await tx((x) => take(x, at('2026-11-04T09:00:00Z'), r1, luca, null));
    await tx((x) => complete(x, at('2026-11-12T09:00:00Z'), r1, luca, '', null));
    // R2: opened 10 Nov, taken after a day and a half, in corso.
    const r2 = await openAt('2026-11-10T09:00:00Z', 'BS02', 'dialogo_tecnico_politico');
    await tx((x) => take(x, at('2026-11-11T21:00:00Z'), r2, luca, null));
    await tx((x) => start(x, at('2026-11-12T09:00:00Z'), r2, luca, '', null));
    // R3: opened 16 Nov, never taken.
    await openAt('2026-11-16T09:00:00Z', 'MI03', 'cabina_di_regia');
    // R4: opened, taken and closed during the digest's week.
    const r4 = await openAt('2026-12-01T09:00:00Z', 'CR04', 'confronto_partner');
    await tx((x) => take(x, at('2026-12-02T09:00:00Z'), r4, luca, null));
    await tx((x) => close(x, at('2026-12-03T09:00:00Z'), r4, luca, 'La rete ha trovato un altro accordo', null));
    // R5: opened during the week, not taken.
    await openAt('2026-12-02T09:00:00Z', 'BG01', 'cabina_di_regia');
    // R6: opened in September, taken then (outside the 12 weeks), done during the week after 94 days.
    const r6 = await openAt('2026-09-01T09:00:00Z', 'VA05', 'supporto_tecnico');
    await tx((x) => take(x, at('2026-09-03T09:00:00Z'), r6, luca, null));
    await tx((x) => complete(x, at('2026-12-04T09:00:00Z'), r6, luca, 'Supervisione conclusa', null));
    // A meeting with BG01 next Thursday.
    t.clock.set('2026-12-03T10:00:00Z');
    const bg01 = await networkId(t, 'BG01');
    await tx((x) =>
      createMeeting(x, at('2026-12-03T10:00:00Z'), {
        networkId: bg01,
        requestId: null,
        input: {
          startsAt: at('2026-12-10T14:00:00Z'),
          endsAt: at('2026-12-10T15:30:00Z'),
          place: 'Dalmine',
          onlineUrl: '',
          anci: 'Luca Bianchi',
          agenda: 'Protocollo',
        },
        by: luca,
        reach: null,
      }),
    );
    t.clock.set(NOW);
  });
  afterAll(async () => {
    await t.close();
  });

  it('coordinators: opened, taken and closed in the week, open by kind, waiting over two weeks named, medians over 12 weeks', async () => {
    const digest = await tx((x) => buildDigest(x, { week: WEEK, now: NOW }));
    const part = digest.parts.find((p) => p.section.id === 'richieste.coordinators')!;
    expect(digest.parts.some((p) => p.section.id === 'richieste.network')).toBe(false);
    const d = part.data as CoordinatorsRequests;
    expect([d.opened, d.taken, d.closed]).toEqual([2, 1, 2]);
    expect(d.openByKind).toEqual([
      { kind: 'cabina_di_regia', count: 2 },
      { kind: 'dialogo_tecnico_politico', count: 1 },
    ]);
    expect(d.waiting).toEqual([
      { id: 2, code: 'BS02', kind: 'dialogo_tecnico_politico', state: 'in_corso', days: 26 },
      { id: 3, code: 'MI03', kind: 'cabina_di_regia', state: 'nuova', days: 20 },
    ]);
    expect(d.waitingTotal).toBe(2);
    // Taken in the last 12 weeks: R1 after 2 days, R2 after 1.5, R4 after 1 → median 1.5.
    expect(d.toTaken).toEqual({ median: 1.5, requests: 3 });
    // Done in the last 12 weeks: R1 after 10 days, R6 after 94 → median 52.
    expect(d.toDone).toEqual({ median: 52, requests: 2 });

    const text = renderPlain(renderDigest(digest));
    expect(text).toContain('Richieste di supporto ad ANCI');
    expect(text).toContain('Questa settimana: 2 aperte, 1 presa in carico, 2 concluse (svolte o chiuse).');
    expect(text).toContain('Aperte ora: cabina di regia 2 · dialogo tecnico-politico 1 (totale 3).');
    expect(text).toContain(
      'Aperte da più di due settimane (2):\n• n. 2 · BS02 · dialogo tecnico-politico — in corso, da 26 giorni\n• n. 3 · MI03 · cabina di regia — nuova, da 20 giorni',
    );
    expect(text).toContain(
      'Ultime 12 settimane, mediana dalla richiesta alla presa in carico: 1,5 giorni (3 richieste); allo svolgimento: 52 giorni (2 richieste).',
    );
  });

  it('a network: its open requests and their states, and its next meeting with ANCI', async () => {
    const network = await t.db.prisma.network.findUniqueOrThrow({ where: { code: 'BG01' }, select: { id: true, code: true, name: true, themes: true } });
    const digest = await tx((x) => buildDigest(x, { week: WEEK, now: NOW, network }));
    expect(digest.parts.some((p) => p.section.id === 'richieste.coordinators')).toBe(false);
    const d = digest.parts.find((p) => p.section.id === 'richieste.network')!.data as NetworkRequests;
    expect(d.open.map((r) => [r.id, r.kind, r.state, r.assignee])).toEqual([[5, 'cabina_di_regia', 'nuova', null]]);
    expect(d.next).toMatchObject({ id: 1, place: 'Dalmine' });
    expect(d.next!.startsAt.toISOString()).toBe('2026-12-10T14:00:00.000Z');
    const text = renderPlain(renderDigest(digest));
    expect(text).toContain('Le vostre richieste ad ANCI\nUna richiesta aperta:\n• n. 5 · cabina di regia — nuova, da 4 giorni');
    expect(text).toContain('Prossimo incontro con ANCI: gio 10 dicembre, 15:00–16:30 · Dalmine (/incontro 1).');

    // A network with nothing open and no meeting: the section says nothing.
    const lo06 = await t.db.prisma.network.findUniqueOrThrow({ where: { code: 'LO06' }, select: { id: true, code: true, name: true, themes: true } });
    const empty = await tx((x) => buildDigest(x, { week: WEEK, now: NOW, network: lo06 }));
    const part = empty.parts.find((p) => p.section.id === 'richieste.network')!;
    expect(part.section.isEmpty(part.data, empty.view)).toBe(true);
  });

  async function rowsOf(file: string, networkCode: string | null = null, toWeek = WEEK): Promise<{ headers: string[]; rows: Cell[][] }> {
    const q = { period: periodOf('2026-W45', toWeek), networkId: networkCode ? await networkId(t, networkCode) : null };
    return tx(async (x) => {
      const set = dataSets(x, q).find((s) => s.file === file)!;
      const rows: Cell[][] = [];
      for await (const page of set.pages()) rows.push(...page);
      return { headers: set.columns.map((c) => c.header), rows };
    });
  }

  it('exports the requests changed in the period, every change with who and when, and the meetings', async () => {
    const requests = await rowsOf('richieste');
    const col = (name: string) => requests.headers.indexOf(name);
    // R6 was opened before the period but done within it; all six had a change in weeks 45–49.
    expect(requests.rows.map((r) => [r[col('N. richiesta')], r[col('Rete')], r[col('Stato')]])).toEqual([
      [1, 'BG01', 'svolta'],
      [2, 'BS02', 'in corso'],
      [3, 'MI03', 'nuova'],
      [4, 'CR04', 'chiusa'],
      [5, 'BG01', 'nuova'],
      [6, 'VA05', 'svolta'],
    ]);
    const r4 = requests.rows[3]!;
    expect(r4[col('Tipo di supporto')]).toBe('confronto tra partner');
    expect(r4[col('Presa in carico da')]).toBe('Luca Bianchi');
    expect(r4[col('Motivo della chiusura')]).toBe('La rete ha trovato un altro accordo');
    expect((r4[col('Chiusa il')] as Date).toISOString()).toBe('2026-12-03T09:00:00.000Z');

    const changes = await rowsOf('richieste-storia');
    const c = (name: string) => changes.headers.indexOf(name);
    const ofR4 = changes.rows.filter((r) => r[c('N. richiesta')] === 4);
    expect(ofR4.map((r) => [r[c('Chi')], r[c('Cosa')], r[c('Da')], r[c('A')], (r[c('Quando')] as Date).toISOString()])).toEqual([
      ['Maria Rossi', 'aperta', null, 'nuova', '2026-12-01T09:00:00.000Z'],
      ['Luca Bianchi', 'cambio di stato', 'nuova', 'presa in carico', '2026-12-02T09:00:00.000Z'],
      ['Luca Bianchi', 'cambio di stato', 'presa in carico', 'chiusa', '2026-12-03T09:00:00.000Z'],
    ]);
    // R6's opening and taking in charge were in September, outside the period: only its last change.
    expect(changes.rows.filter((r) => r[c('N. richiesta')] === 6).map((r) => r[c('A')])).toEqual(['svolta']);

    const bg01 = await rowsOf('richieste', 'BG01');
    expect(bg01.rows.map((r) => r[0])).toEqual([1, 5]);

    // Meetings that start in the period: none up to week 49, the one of 10 December in week 50.
    expect((await rowsOf('incontri')).rows).toEqual([]);
    const meetings = await rowsOf('incontri', null, '2026-W50');
    const m = (name: string) => meetings.headers.indexOf(name);
    expect(meetings.rows.map((r) => [r[m('N. incontro')], r[m('Rete')], r[m('Luogo')], r[m('Stato')], r[m('Ci saranno')], r[m('Senza risposta')]])).toEqual([
      [1, 'BG01', 'Dalmine', 'in programma', 0, 2],
    ]);
  });
});
