import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli.js';
import type { CliContext } from '../src/capability.js';
import { UnknownJobError } from '../src/jobs/runner.js';
import { fixture, testApp, type TestApp } from './support/app.js';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

describe('npm run reti -- …', () => {
  let t: TestApp;
  let out: string[];
  const run = async (...args: string[]) => {
    out = [];
    const ctx = (): CliContext => ({
      withDatabase: (use) => use(t.db),
      withApp: (use) => use(t.app),
      clock: t.clock,
      print: (line) => out.push(line),
    });
    await buildProgram(ctx).parseAsync(['node', 'reti', ...args]);
    return out.join('\n');
  };

  beforeAll(async () => {
    t = await testApp({ yaml: false });
  });
  afterAll(async () => {
    await t.close();
  });

  it('imports a configuration, and a second import changes nothing', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'reti-cli-')), 'reti.yaml');
    writeFileSync(file, fixture('networks.yaml'));
    expect(await run('import', file)).toContain('networks: 6 nuovi, 0 aggiornati, 0 invariati');
    expect(await run('import', file)).toContain('networks: 0 nuovi, 0 aggiornati, 6 invariati');
  });

  it('lists the jobs with their schedule and runs one now', async () => {
    const list = await run('job', 'list');
    expect(list).toMatch(/checkin-open\s+0 9 \* \* 1/);
    expect(list).toContain('housekeeping');
    expect(await run('job', 'run', 'checkin-open')).toMatch(/^checkin-open: .*opened=6/);
    await expect(run('job', 'run', 'nope')).rejects.toBeInstanceOf(UnknownJobError);
  });

  it('shows the outbox by platform and status', async () => {
    const status = await run('outbox', 'status');
    expect(status).toMatch(/telegram\s+pending\s+\d+/);
    expect(status).toMatch(/slack\s+pending\s+\d+/);
  });

  it('creates and lists laboratori with the same validation as the chat', async () => {
    expect(
      await run(
        'laboratori',
        'crea',
        '--titolo',
        'Mediazione nei servizi',
        '--tema',
        'mediazione',
        '--inizio',
        '12/03/2027 14:30',
        '--fine',
        '17:00',
        '--dove',
        'Sala civica, Bergamo',
        '--posti',
        '20',
        '--reti',
        'BG01',
      ),
    ).toMatch(/^Laboratorio n\. \d+ creato; annuncio in coda per 2 canali/);
    expect(await run('laboratori', 'elenco')).toContain('ven 12 marzo, 14:30–17:00  Mediazione nei servizi [mediazione]  0 iscrizioni');
    await expect(
      run('laboratori', 'crea', '--titolo', 'Passato', '--tema', 'x', '--inizio', '12/03/2020 14:30', '--fine', '17:00', '--dove', 'Sala'),
    ).rejects.toThrow('La data di inizio è già passata');
  });
});
