// The scheda through the YAML configuration (schede:) and the CLI (scheda esporta|importa): the
// same rows and history as the chat, a second load changes nothing, a bad file is refused with
// the line at fault and nothing written, and an exported file reads back identically.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CliContext } from '../../src/capability.js';
import { buildProgram } from '../../src/cli.js';
import { importConfiguration } from '../../src/configuration.js';
import { testApp, type TestApp } from '../support/app.js';
import { command, who } from '../richieste/helpers.js';

const SCHEDE = `
schede:
  - network: BG01
    objective: Più famiglie straniere usano i servizi del territorio
    needs: Servizi poco conosciuti, barriere linguistiche
    frequency: quindicinale
    strategies:
      - title: Sportello di orientamento
        objectives:
          - { what: Famiglie orientate, target: 40, unit: famiglie, due: 2027-06-30, indicator: cittadini }
          - { what: Mediatori formati, due: 2027-03-31 }
      - title: Corsi di italiano
        objectives:
          - { what: Corsi attivati, target: 3, unit: corsi, due: 2027-05-31 }
    roles:
      - { who: Maria Rossi, strategy: 1, doing: coordina lo sportello }
      - { who: Associazione Donne del Mondo, strategy: 2, doing: organizza i corsi }
    flows:
      - { from: 1, to: 2, how: cabina_di_regia, often: mensile }
`;

describe('schede: in YAML and the CLI', () => {
  let t: TestApp;
  let out: string[];
  const run = async (...args: string[]) => {
    out = [];
    const ctx = (): CliContext => ({ withDatabase: (use) => use(t.db), withApp: (use) => use(t.app), clock: t.clock, print: (line) => out.push(line) });
    await buildProgram(ctx).parseAsync(['node', 'reti', ...args]);
    return out.join('\n');
  };
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('loads a scheda from YAML with numbers by position; a second load changes nothing', async () => {
    const stats = await importConfiguration(t.db.prisma, t.clock, SCHEDE);
    expect(stats.schede).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const shown = await command(t, who.maria, 'telegram', 'scheda');
    expect(shown).toContain('✅ Scheda completa');
    expect(shown).toContain('O2. Mediatori formati, entro mer 31 marzo');
    expect(shown).toContain('S2. Corsi di italiano\n   O3. Corsi attivati — traguardo 3 corsi, entro lun 31 maggio');
    expect(shown).toContain('R2. Associazione Donne del Mondo: organizza i corsi (S2)');
    expect(shown).toContain('Domande sugli obiettivi nel check-in: ogni due settimane');
    const history = await command(t, who.maria, 'telegram', 'scheda', 'storia');
    expect(history).toContain('lun 23 novembre, 09:00 · configurazione (configurazione): flusso F1 (R1 → R2) aggiunto');
    expect(await t.db.prisma.schedaChange.count()).toBe(10);

    expect((await importConfiguration(t.db.prisma, t.clock, SCHEDE)).schede).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(await t.db.prisma.schedaChange.count()).toBe(10);
  });

  it('refuses a bad scheda with the line at fault, writing nothing', async () => {
    const before = await t.db.prisma.schedaChange.count();
    const past = SCHEDE.replace('due: 2027-03-31', 'due: 2026-10-31');
    await expect(importConfiguration(t.db.prisma, t.clock, past)).rejects.toThrow(/riga 11.*La scadenza non può essere nel passato/s);
    const role = SCHEDE.replace('from: 1, to: 2', 'from: 1, to: 7');
    await expect(importConfiguration(t.db.prisma, t.clock, role)).rejects.toThrow(/riga 19.*il ruolo R7 non c’è/s);
    const target = SCHEDE.replace('target: 3,', 'target: 0,');
    await expect(importConfiguration(t.db.prisma, t.clock, target)).rejects.toThrow(/target \(riga 14\): il traguardo va da 1 a 1\.000\.000/);
    expect(await t.db.prisma.schedaChange.count()).toBe(before);
  });

  it('exports a scheda to a file and imports a changed one, the differences in the history', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'reti-scheda-'));
    const file = path.join(dir, 'bg01.yaml');
    expect(await run('scheda', 'esporta', 'BG01', file)).toBe(`Scheda di BG01 scritta in ${file}.`);
    const doc = parse(readFileSync(file, 'utf8'));
    expect(doc).toMatchObject({
      network: 'BG01',
      frequency: 'quindicinale',
      strategies: [
        {
          number: 1,
          title: 'Sportello di orientamento',
          objectives: [
            { number: 1, target: 40, due: '2027-06-30', indicator: 'cittadini' },
            { number: 2, target: null },
          ],
        },
        { number: 2, objectives: [{ number: 3, what: 'Corsi attivati' }] },
      ],
      roles: [
        { number: 1, strategy: 1 },
        { number: 2, strategy: 2 },
      ],
      flows: [{ number: 1, from: 1, to: 2, how: 'cabina_di_regia', often: 'mensile' }],
    });
    expect(await run('scheda', 'importa', 'BG01', file)).toBe('Scheda di BG01: nessuna modifica.');

    doc.strategies[0].objectives.splice(1, 1);
    doc.strategies[1].objectives[0].target = 4;
    writeFileSync(file, JSON.stringify(doc));
    expect(await run('scheda', 'importa', 'BG01', file)).toBe(
      'Scheda di BG01 aggiornata: obiettivo specifico O2 «Mediatori formati» tolto; obiettivo specifico O3 «Corsi attivati» modificato.',
    );
    expect(await t.db.prisma.schedaObjective.findMany({ orderBy: { number: 'asc' }, select: { number: true, target: true } })).toEqual([
      { number: 1, target: 40 },
      { number: 3, target: 4 },
    ]);
    const history = await command(t, who.luca, 'telegram', 'scheda', 'storia BG01');
    expect(history).toContain('configurazione (riga di comando): obiettivo specifico O3 «Corsi attivati» modificato');
    await expect(run('scheda', 'importa', 'BS02', file)).rejects.toThrow('Il file è la scheda di BG01, non di BS02.');
  });
});
