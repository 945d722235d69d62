// The digest and the export are made of what the listed capabilities contribute: without the
// laboratori capability there is no laboratori section or sheet (though its tables hold sessions,
// sign-ups and feedback), and a capability added to the list brings its own section and sheet, in
// its place.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { capabilities } from '../../src/app.js';
import { defineCapability } from '../../src/capability.js';
import { col } from '../../src/reports/dataset.js';
import { defineDigestSection } from '../../src/reports/digest-section.js';
import { people, testApp, type TestApp } from '../support/app.js';
import { loadKnownData } from './fixture.js';

const visible = (s: string) => s.replace(/\u200b/g, '');

/** A capability of the test: a line for the coordinators after the outliers, one for a network before everything else, a sheet first. */
const prova = defineCapability({
  name: 'prova',
  digestSections: [
    defineDigestSection({
      id: 'prova.coordinatori',
      order: 35,
      audience: 'coordinators',
      build: async (tx) => (await tx.network.count()) as number,
      isEmpty: () => false,
      render: (count) => [
        { type: 'header', text: 'Sezione di prova' },
        { type: 'text', text: `Reti in elenco: ${count}` },
      ],
    }),
    defineDigestSection({
      id: 'prova.rete',
      order: 5,
      audience: 'network',
      build: async (_tx, view) => view.network!.code,
      isEmpty: () => false,
      render: (code) => [{ type: 'text', text: `Prova per la rete ${code}` }],
    }),
  ],
  exportDatasets: [
    {
      id: 'prova',
      order: 5,
      build: (tx) => ({
        sheet: 'Prova',
        file: 'prova',
        columns: [col('Rete')],
        async *pages() {
          yield (await tx.network.findMany({ orderBy: { code: 'asc' }, select: { code: true } })).map((n) => [n.code]);
        },
      }),
    },
  ],
});

describe('an app without the laboratori, with a capability of its own', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ capabilities: [...capabilities.filter((c) => c.name !== 'labs'), prova] });
    await loadKnownData(t.db);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => t.telegram.clear());

  const luca = () => t.telegram.privateChat(people.luca);
  const said = () => visible(t.telegram.texts(people.luca.id).join('\n'));

  it('the coordinators digest has no laboratori, and the added section in its place', async () => {
    expect(await t.app.jobs.run('digest-coordinators')).toMatchObject({ sent: 3 });
    await t.deliver();
    const text = said();
    expect(text).not.toContain('Laboratori');
    expect(text).not.toContain('Mediazione linguistica');
    expect(text).not.toContain('Gradimento');
    expect(text).not.toContain('Prova per la rete');
    const order = ['Risposte', 'Indicatori', 'Fuori dal solito', 'Sezione di prova\nReti in elenco: 6', 'Ostacoli segnalati', 'Nuove buone prassi', 'Legami'];
    const at = order.map((part) => text.indexOf(part));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it('a network digest has no laboratori open to it, and the network section first', async () => {
    await t.telegram.command(people.luca, luca(), 'digest', 'BG01');
    await t.deliver();
    const text = said();
    expect(text.split('\n').slice(0, 4)).toEqual([
      'Digest di BG01 · 16–22 novembre 2026',
      expect.stringContaining('Settimana 2026-W47'),
      'Prova per la rete BG01',
      'Risposte',
    ]);
    expect(text).toContain('Buone prassi di altre reti sui vostri temi');
    expect(text).not.toContain('Laboratori');
    expect(text).not.toContain('Sezione di prova');
  });

  it('the export has no laboratori sheets or files, and the added one first', async () => {
    await t.telegram.command(people.luca, luca(), 'esporta', 'csv 2026-W40 2026-W47');
    await t.telegram.command(people.luca, luca(), 'esporta', 'xlsx 2026-W40 2026-W47');
    await t.deliver();
    const files = t.telegram.sent.flatMap((m) => (m.message.attachment ? [m.message.attachment] : []));
    expect(files.map((f) => f.filename)).toEqual([
      'reti-2026-W40_2026-W47-prova.csv',
      'reti-2026-W40_2026-W47-risposte.csv',
      'reti-2026-W40_2026-W47-richieste.csv',
      'reti-2026-W40_2026-W47-richieste-storia.csv',
      'reti-2026-W40_2026-W47-incontri.csv',
      'reti-2026-W40_2026-W47-schede.csv',
      'reti-2026-W40_2026-W47-obiettivi.csv',
      'reti-2026-W40_2026-W47-maturita.csv',
      'reti-2026-W40_2026-W47.xlsx',
    ]);
    expect(Buffer.from(files[0]!.base64, 'base64').toString('utf8')).toBe('\ufeffRete\nBG01\nBS02\nCR04\nLO06\nMI03\nVA05\n');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(files[8]!.base64, 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => [s.name, s.rowCount])).toEqual([
      ['Prova', 7],
      ['Check-in', 115],
      ['Richieste', 1],
      ['Richieste - storia', 1],
      ['Incontri', 1],
      ['Schede', 1],
      ['Obiettivi per settimana', 1],
      ['Maturità per settimana', 1],
    ]);
  });
});
