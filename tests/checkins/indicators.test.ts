import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStartupConfig } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { ConfigImportError } from '../../src/config-import/import.js';
import { importConfiguration } from '../../src/configuration.js';
import { silentLogger } from '../../src/log.js';
import { testDatabase } from '../support/db.js';
import { people, testApp, type TestApp } from '../support/app.js';
import { answerAll, person } from './driver.js';

const contains = (actual: string, expected: string) => expect(actual).toContain(expected);
const chiara = { id: '100000005', name: 'Chiara Fontana' }; // CR04

describe('the indicator catalogue', () => {
  it('is installed with the default set on first start, once', async () => {
    const db = await testDatabase();
    try {
      const config = loadConfig({});
      await loadStartupConfig(db, config, { now: () => new Date('2026-11-23T08:00:00Z') }, silentLogger);
      const rows = await db.prisma.indicator.findMany({ orderBy: { position: 'asc' } });
      expect(rows.map((r) => `${r.code}:${r.type}${r.required ? '' : '?'}`)).toEqual([
        'incontri:integer',
        'partner_attivi:integer',
        'nuovi_partner:integer',
        'cittadini:integer',
        'associazioni:integer',
        'squadra:scale',
        'corresponsabilita:scale',
        'ruolo_attivo:scale',
        'ostacoli:text?',
        'supporto:multi?',
        'buona_prassi:text?',
      ]);
      expect(rows[0]).toMatchObject({ questionIt: 'Quanti incontri di rete o di cabina di regia si sono svolti questa settimana?', min: 0, max: null });
      expect(rows[5]).toMatchObject({ min: 1, max: 5 });
      expect((rows[9]!.options as { label: string }[]).map((o) => o.label)).toEqual([
        'formazione',
        'supporto tecnico e supervisione',
        'confronto tra partner',
        'sostegno con le associazioni di stranieri',
        'dialogo tecnico-politico',
        'approfondimento di temi',
        'presenza alla cabina di regia',
      ]);
      // A second start, after a coordinator retired one, changes nothing.
      await db.prisma.indicator.update({ where: { code: 'associazioni' }, data: { active: false } });
      await loadStartupConfig(db, config, { now: () => new Date() }, silentLogger);
      expect(await db.prisma.indicator.count()).toBe(11);
      expect((await db.prisma.indicator.findUniqueOrThrow({ where: { code: 'associazioni' } })).active).toBe(false);
    } finally {
      await db.close();
    }
  });
});

describe('the YAML indicators: section', () => {
  let t: TestApp;
  const snapshot = async () => ({
    indicators: await t.db.prisma.indicator.findMany({ orderBy: { id: 'asc' } }),
    subsets: await t.db.prisma.indicatorNetwork.findMany({ orderBy: [{ indicatorId: 'asc' }, { networkId: 'asc' }] }),
  });
  const yaml = `indicators:
  - code: incontri
    question: Quanti incontri di rete si sono svolti questa settimana?
  - code: ore_mediazione
    question: Quante ore di mediazione linguistica sono state offerte?
    type: decimal
    min: 0
    order: 15
    networks: [BG01]
  - code: canale
    question: Come avete raggiunto i cittadini?
    type: choice
    required: false
    options: [passaparola, sportello, social network]
  - code: associazioni
    active: false
`;

  beforeAll(async () => {
    t = await testApp();
    // A check-in confirmed before the change: its answers must survive the retirement.
    const c = person(t, 'telegram', chiara);
    await c.command('checkin');
    await answerAll(c, contains);
    await c.press('Conferma');
  });
  afterAll(async () => {
    await t.close();
  });

  it('adds, rewords and retires indicators, restricts one to a network; a second import changes nothing', async () => {
    expect((await importConfiguration(t.db.prisma, t.clock, yaml)).indicators).toEqual({ created: 2, updated: 2, unchanged: 0 });
    const before = await snapshot();
    expect((await importConfiguration(t.db.prisma, t.clock, yaml)).indicators).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(await snapshot()).toEqual(before);
    const canale = await t.db.prisma.indicator.findUniqueOrThrow({ where: { code: 'canale' } });
    expect(canale).toMatchObject({ type: 'choice', required: false, position: 120 });
    expect(canale.options).toEqual([
      { code: 'passaparola', label: 'passaparola' },
      { code: 'sportello', label: 'sportello' },
      { code: 'social_network', label: 'social network' },
    ]);
    // Retiring keeps past answers.
    expect(await t.db.prisma.checkinAnswer.count({ where: { indicatorCode: 'associazioni' } })).toBe(1);
  });

  it('asks each network its active set: the retired one is gone, the restricted one only where configured', async () => {
    const ahmed = person(t, 'telegram', people.ahmed);
    const first = await ahmed.command('checkin');
    expect(first).toContain('12 domande');
    expect(first).toContain('1/12 Quanti incontri di rete si sono svolti questa settimana?');
    expect(await ahmed.say('1')).toContain('2/12 Quante ore di mediazione linguistica sono state offerte?');
    expect(await ahmed.say('2,5')).toContain('3/12 Quanti partner');
    const francesca = person(t, 'telegram', people.francesca);
    expect(await francesca.command('checkin')).toContain('1/11 Quanti incontri di rete si sono svolti questa settimana?');
    for (const a of ['1', '1', '1', '1', '3', '3', '3', 'salta', 'salta', 'salta']) await francesca.say(a);
    const last = francesca.last();
    expect(last).toContain('11/11 Come avete raggiunto i cittadini?');
    expect(last).toContain('[passaparola] [sportello] [social network]');
    expect(last).not.toContain('associazioni di stranieri sono state');
  });

  it('a check-in in progress keeps the questions it started with', async () => {
    await importConfiguration(t.db.prisma, t.clock, 'indicators:\n  - code: partner_attivi\n    question: Quanti partner erano presenti?\n');
    const ahmed = person(t, 'telegram', people.ahmed);
    expect(await ahmed.say('indietro')).toContain('2/12 Quante ore di mediazione');
    expect(await ahmed.say('3')).toContain('3/12 Quanti partner hanno partecipato attivamente?');
  });

  const refused: [string, string, RegExp][] = [
    [
      'an unknown type',
      'indicators:\n  - code: nuovo\n    question: Domanda?\n    type: numero\n',
      /indicators\[0\]\.type \(riga 4\): type deve essere uno tra integer, decimal/,
    ],
    [
      'a malformed code',
      'indicators:\n  - code: Nuovo Indicatore\n    question: Domanda?\n    type: text\n',
      /indicators\[0\]\.code \(riga 2\): il codice di un indicatore/,
    ],
    [
      'a new indicator without its question',
      'indicators:\n  - code: nuovo\n    type: integer\n',
      /indicators\[0\]\.question \(riga 2\): l’indicatore nuovo è nuovo: servono almeno question e type/,
    ],
    [
      'a choice without options',
      'indicators:\n  - code: scelta\n    question: Quale?\n    type: choice\n',
      /indicators\[0\]\.type \(riga 4\): le domande a scelta \(choice, multi\) hanno bisogno di options/,
    ],
    [
      'min not below max',
      'indicators:\n  - code: ore\n    question: Quante ore?\n    type: decimal\n    min: 5\n    max: 2\n',
      /indicators\[0\]\.min \(riga 5\): min deve essere minore di max/,
    ],
    ['an unknown network', 'indicators:\n  - code: incontri\n    networks: [BG01, ZZ99]\n', /indicators\[0\]\.networks\[1\] \(riga 3\): rete sconosciuta ZZ99/],
    [
      'the same code twice',
      'indicators:\n  - code: incontri\n  - code: incontri\n',
      /indicators\[1\]\.code \(riga 3\): l’indicatore incontri compare due volte/,
    ],
    ['an unknown field', 'indicators:\n  - code: incontri\n    domanda: Quanti?\n', /indicators\[0\] \(riga 2\).*domanda/],
    [
      'a type change of an indicator with answers',
      'indicators:\n  - code: incontri\n    type: text\n',
      /indicators\[0\]\.type \(riga 3\): l’indicatore incontri ha già delle risposte come integer/,
    ],
  ];
  for (const [what, text, message] of refused) {
    it(`refuses ${what} with the line at fault, and changes nothing`, async () => {
      const before = await snapshot();
      const err = await importConfiguration(t.db.prisma, t.clock, text).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigImportError);
      expect((err as Error).message).toMatch(message);
      expect(await snapshot()).toEqual(before);
    });
  }
});

describe('edge cases', () => {
  it('a job run where no platform is connected (the CLI) still queues every prompt, for the service to deliver', async () => {
    const t = await testApp({ adapters: [] });
    try {
      expect(await t.app.jobs.run('checkin-open')).toMatchObject({ prompts: 7, unreachable: 0 });
      expect(await t.db.prisma.outboxMessage.count({ where: { status: 'pending', dedupeKey: { startsWith: 'checkin-prompt:' } } })).toBe(7);
    } finally {
      await t.close();
    }
  });

  it('with every indicator retired nobody is prompted, and /checkin says so', async () => {
    const t = await testApp();
    try {
      const codes = [
        'incontri',
        'partner_attivi',
        'nuovi_partner',
        'cittadini',
        'associazioni',
        'squadra',
        'corresponsabilita',
        'ruolo_attivo',
        'ostacoli',
        'supporto',
        'buona_prassi',
      ];
      await importConfiguration(t.db.prisma, t.clock, `indicators:\n${codes.map((c) => `  - { code: ${c}, active: false }`).join('\n')}\n`);
      expect(await t.app.jobs.run('checkin-open')).toMatchObject({ opened: 6, prompts: 0 });
      expect(await person(t, 'telegram', chiara).command('checkin')).toBe('Per la tua rete non ci sono domande attive nel check-in: avvisa il coordinamento.');
    } finally {
      await t.close();
    }
  });
});
