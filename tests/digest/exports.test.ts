import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import type { CliContext } from '../../src/capability.js';
import { supportOptions } from '../../src/capabilities/checkins/defaults.js';
import { periodOf } from '../../src/capabilities/exports/period.js';
import { writeXlsx } from '../../src/capabilities/exports/writers.js';
import type { Attachment } from '../../src/platform/port.js';
import { groups, people, testApp, type TestApp } from '../support/app.js';
import { loadKnownData } from './fixture.js';
import { dataSets } from '../support/reports.js';

type Row = (string | number | null)[];

const rome = (d: Date) => DateTime.fromJSDate(d, { zone: 'Europe/Rome' }).toFormat('yyyy-MM-dd HH:mm');
/** exceljs gives back the wall-clock time written, as a UTC Date. */
const wallClock = (d: Date) => DateTime.fromJSDate(d, { zone: 'UTC' }).toFormat('yyyy-MM-dd HH:mm');
const labels = new Map(supportOptions.map((o) => [o.code, o.label]));

async function sheets(base64: string): Promise<Record<string, Row[]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const out: Record<string, Row[]> = {};
  workbook.eachSheet((sheet) => {
    const rows: Row[] = [];
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      rows.push(
        Array.from({ length: sheet.columnCount }, (_, i) => {
          const v = values[i];
          return v instanceof Date ? wallClock(v) : v === undefined || v === null ? null : (v as string | number);
        }),
      );
    });
    out[sheet.name] = rows;
  });
  return out;
}

const csv = (a: Attachment): string[][] => parse(Buffer.from(a.base64, 'base64').toString('utf8'), { bom: true });

describe('exports parsed back and compared with the stored answers', () => {
  let t: TestApp;
  /** The stored answers of W40–W47 as the export should show them, in the export's order. */
  let expected: Row[];

  beforeAll(async () => {
    t = await testApp();
    await loadKnownData(t.db);
    const answers = await t.db.prisma.checkinAnswer.findMany({ include: { indicator: true, submission: true } });
    const networks = new Map((await t.db.prisma.network.findMany()).map((n) => [n.id, n]));
    const persons = new Map((await t.db.prisma.person.findMany()).map((p) => [p.id, p.name]));
    const value = (a: (typeof answers)[number]) =>
      a.skipped ? null : (a.numberValue ?? (a.choiceCodes.length ? a.choiceCodes.map((c) => labels.get(c)).join('; ') : a.textValue));
    expected = answers
      .map((a) => ({ a, n: networks.get(a.networkId)! }))
      .sort((x, y) => x.n.code.localeCompare(y.n.code) || x.a.period.localeCompare(y.a.period) || x.a.indicator.position - y.a.indicator.position)
      .map(({ a, n }) => [
        n.code,
        n.name,
        a.period,
        a.indicatorCode,
        a.type,
        value(a),
        a.skipped ? 'sì' : 'no',
        persons.get(a.personId)!,
        a.platform,
        rome(a.answeredAt),
        a.submission.version,
      ]);
    // BG01 27, BS02 27, MI03 21, CR04 18, VA05 15, LO06 6.
    expect(expected.length).toBe(114);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => t.telegram.clear());

  /** Drops the week's Monday column (derived), to compare with `expected`. */
  const comparable = (r: Row): Row => [...r.slice(0, 3), ...r.slice(4)];

  const esporta = async (text: string, chat = t.telegram.privateChat(people.luca)) => {
    await t.telegram.command(people.luca, chat, 'esporta', text);
    await t.deliver();
    return t.telegram.sent.filter((m) => m.chatId === people.luca.id && m.message.attachment).map((m) => m.message);
  };

  it('/esporta sends an xlsx privately whose answers are the stored ones, typed, with who and when', async () => {
    const [message, ...rest] = await esporta('xlsx 2026-W40 2026-W48');
    expect(rest).toEqual([]);
    expect(message!.attachment!.filename).toBe('reti-2026-W40_2026-W48.xlsx');
    expect(message!.text).toBe('Esportazione dalla settimana 28 settembre – 4 ottobre 2026 alla settimana 23–29 novembre 2026: 114 risposte ai check-in.');
    const book = await sheets(message!.attachment!.base64);
    const [header, ...rows] = book['Check-in']!;
    expect(header).toEqual([
      'Rete',
      'Nome rete',
      'Settimana',
      'Dal (lunedì)',
      'Indicatore',
      'Tipo',
      'Valore',
      'Saltata',
      'Risposto da',
      'Piattaforma',
      'Risposto il',
      'Versione',
    ]);
    expect(rows.map(comparable)).toEqual(expected);
    expect(rows.find((r) => r[0] === 'BG01' && r[2] === '2026-W40')![3]).toBe('2026-09-28');
    expect(rows.filter((r) => r[4] === 'cittadini' && r[2] === '2026-W47').map((r) => [r[0], r[6]])).toEqual([
      ['BG01', 5],
      ['BS02', 10],
      ['LO06', 7],
    ]);
  });

  it('adds the laboratori sign-ups and feedback of the period as sheets', async () => {
    const [message] = await esporta('2026-W40 2026-W48');
    const book = await sheets(message!.attachment!.base64);
    expect(book['Iscrizioni laboratori']!.slice(1).map((r) => [r[0], r[3], r[4], r[5], r[6]])).toEqual([
      ['Cittadinanza e scuola', 'Maria Rossi', 'BG01', 'confermata', 1],
      ['Cittadinanza e scuola', 'Ahmed Benali', 'BG01', 'confermata', 2],
      ['Cittadinanza e scuola', 'Francesca Gatti', 'BS02', 'confermata', 3],
      ['Cittadinanza e scuola', 'Chiara Fontana', 'CR04', 'confermata', 4],
      ['Mediazione linguistica nei servizi', 'Maria Rossi', 'BG01', 'confermata', 1],
      ['Mediazione linguistica nei servizi', 'Ahmed Benali', 'BG01', 'confermata', 2],
      ['Mediazione linguistica nei servizi', 'Francesca Gatti', 'BS02', 'confermata', 3],
      ['Mediazione linguistica nei servizi', 'Fatou Diop', 'BG01', 'in lista d’attesa', 4],
    ]);
    expect(book['Iscrizioni laboratori']![1]![2]).toBe('2026-11-17 14:30');
    expect(book['Gradimento laboratori']!.slice(1).map((r) => [r[0], r[3], r[5], r[6]])).toEqual([
      ['Cittadinanza e scuola', 'Maria Rossi', 4, 'Utile'],
      ['Cittadinanza e scuola', 'Ahmed Benali', 5, null],
      ['Cittadinanza e scuola', 'Francesca Gatti', 3, 'Troppo breve'],
    ]);
  });

  it('/esporta csv sends one file per data set, which parse back to the same rows', async () => {
    const messages = await esporta('csv 28/09/2026 2026-11-29');
    expect(messages.map((m) => m.attachment!.filename)).toEqual([
      'reti-2026-W40_2026-W48-risposte.csv',
      'reti-2026-W40_2026-W48-iscrizioni.csv',
      'reti-2026-W40_2026-W48-gradimento.csv',
      'reti-2026-W40_2026-W48-richieste.csv',
      'reti-2026-W40_2026-W48-richieste-storia.csv',
      'reti-2026-W40_2026-W48-incontri.csv',
      'reti-2026-W40_2026-W48-schede.csv',
      'reti-2026-W40_2026-W48-obiettivi.csv',
      'reti-2026-W40_2026-W48-maturita.csv',
    ]);
    // No support request, scheda or maturity history in this data set: those files hold their header only.
    expect(messages.slice(3).map((m) => csv(m.attachment!).length)).toEqual([1, 1, 1, 1, 1, 1]);
    const [header, ...rows] = csv(messages[0]!.attachment!);
    expect(header![0]).toBe('Rete');
    const asText = (r: Row) => r.map((v) => (v === null ? '' : String(v)));
    expect(rows.map((r) => comparable(r))).toEqual(expected.map(asText));
    expect(csv(messages[1]!.attachment!)).toHaveLength(9);
    expect(
      csv(messages[2]!.attachment!)
        .slice(1)
        .map((r) => r[5]),
    ).toEqual(['4', '5', '3']);
  });

  it('/esporta CODICE exports one network, and says so', async () => {
    const [message] = await esporta('BG01 2026-W40 2026-W47');
    expect(message!.attachment!.filename).toBe('reti-2026-W40_2026-W47-BG01.xlsx');
    const rows = (await sheets(message!.attachment!.base64))['Check-in']!.slice(1);
    expect(rows.map(comparable)).toEqual(expected.filter((r) => r[0] === 'BG01'));
    // Sign-ups of BG01's members only.
    expect((await sheets(message!.attachment!.base64))['Iscrizioni laboratori']!.slice(1).map((r) => r[3])).toEqual(['Maria Rossi', 'Ahmed Benali']);
  });

  it('in a group, sends the file privately and says so there', async () => {
    const [message] = await esporta('2026-W47 2026-W47', t.telegram.group(groups.BG01));
    expect(message!.attachment!.filename).toBe('reti-2026-W47_2026-W47.xlsx');
    expect(t.telegram.texts(groups.BG01)).toEqual(['Ti ho mandato il file in chat privata.']);
  });

  it('explains a token it does not understand, and an end before the start', async () => {
    await esporta('31/02/2026');
    expect(t.telegram.lastText(people.luca.id)).toContain('Non capisco «31/02/2026»: scrivi il formato (xlsx o csv)');
    await esporta('pdf');
    expect(t.telegram.lastText(people.luca.id)).toContain('Non preparo file pdf: i formati sono xlsx (il predefinito, per un foglio di calcolo) e csv.');
    await esporta('2026-W47 2026-W40');
    expect(t.telegram.lastText(people.luca.id)).toBe('La data di fine viene prima di quella di inizio.');
  });

  it('continues a data set longer than a sheet allows in a new sheet, with its header', async () => {
    const chunks: Buffer[] = [];
    const out = new PassThrough().on('data', (c: Buffer) => chunks.push(c));
    const sets = await dataSets(t.db.prisma, { period: periodOf('2026-W40', '2026-W47'), networkId: null });
    expect(await writeXlsx(out, sets, 50)).toEqual({
      risposte: 114,
      iscrizioni: 4,
      gradimento: 3,
      richieste: 0,
      'richieste-storia': 0,
      incontri: 0,
      schede: 0,
      obiettivi: 0,
      maturita: 0,
    });
    const book = await sheets(Buffer.concat(chunks).toString('base64'));
    expect(Object.keys(book)).toEqual([
      'Check-in',
      'Check-in (2)',
      'Check-in (3)',
      'Iscrizioni laboratori',
      'Gradimento laboratori',
      'Richieste',
      'Richieste - storia',
      'Incontri',
      'Schede',
      'Obiettivi per settimana',
      'Maturità per settimana',
    ]);
    expect(book['Check-in (3)']![0]![0]).toBe('Rete');
    const rows = ['Check-in', 'Check-in (2)', 'Check-in (3)'].flatMap((name) => book[name]!.slice(1));
    expect(rows.map(comparable)).toEqual(expected);
  });

  describe('npm run reti -- export', () => {
    const dirs: string[] = [];
    const tempDir = () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'reti-export-'));
      dirs.push(dir);
      return dir;
    };
    afterAll(() => {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    });

    const run = async (...args: string[]) => {
      const printed: string[] = [];
      const ctx: CliContext = {
        withDatabase: (use) => use(t.db),
        withApp: () => Promise.reject(new Error('unused')),
        clock: t.clock,
        print: (l) => printed.push(l),
      };
      await buildProgram(() => ctx).parseAsync(['node', 'reti', 'export', ...args]);
      return printed;
    };

    it('writes an xlsx file with the same rows', async () => {
      const dir = tempDir();
      const file = path.join(dir, 'anno.xlsx');
      expect(await run('--from', '2026-09-28', '--to', '2026-11-22', '--format', 'xlsx', '--out', file)).toEqual([`Scritto ${file} (121 righe)`]);
      const rows = (await sheets(readFileSync(file).toString('base64')))['Check-in']!.slice(1);
      expect(rows.map(comparable)).toEqual(expected);
    });

    it('writes csv files into a folder, for one network', async () => {
      const dir = tempDir();
      await run('--from', '2026-W40', '--to', '2026-W47', '--format', 'csv', '--network', 'lo06', '--out', dir);
      expect(readdirSync(dir).sort()).toEqual([
        'reti-2026-W40_2026-W47-LO06-gradimento.csv',
        'reti-2026-W40_2026-W47-LO06-incontri.csv',
        'reti-2026-W40_2026-W47-LO06-iscrizioni.csv',
        'reti-2026-W40_2026-W47-LO06-maturita.csv',
        'reti-2026-W40_2026-W47-LO06-obiettivi.csv',
        'reti-2026-W40_2026-W47-LO06-richieste-storia.csv',
        'reti-2026-W40_2026-W47-LO06-richieste.csv',
        'reti-2026-W40_2026-W47-LO06-risposte.csv',
        'reti-2026-W40_2026-W47-LO06-schede.csv',
      ]);
      const rows: string[][] = parse(readFileSync(path.join(dir, 'reti-2026-W40_2026-W47-LO06-risposte.csv')), { bom: true });
      expect(rows.slice(1).map((r) => [r[0], r[4], r[6], r[7]])).toEqual([
        ['LO06', 'incontri', '2', 'no'],
        ['LO06', 'cittadini', '7', 'no'],
        ['LO06', 'squadra', '5', 'no'],
        ['LO06', 'ostacoli', 'Poca partecipazione delle associazioni <di stranieri> & dei Comuni', 'no'],
        ['LO06', 'supporto', 'presenza alla cabina di regia; formazione', 'no'],
        ['LO06', 'buona_prassi', '', 'sì'],
      ]);
    });

    it('refuses a date it cannot read, with one line and exit code 1', async () => {
      const before = process.exitCode;
      await run('--from', '31/02/2026', '--to', '2026-W47');
      expect(process.exitCode).toBe(1);
      process.exitCode = before;
    });
  });
});
