// npm run reti -- persona cancella ID|@handle: one transaction, a report, nothing left that names the person.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/capability.js';
import { buildProgram } from '../../src/cli.js';
import { testApp, type TestApp } from '../support/app.js';

describe('npm run reti -- persona cancella', () => {
  let t: TestApp;
  const run = async (...args: string[]) => {
    const out: string[] = [];
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

  it('erases by @handle or by id and reports what it removed', async () => {
    const newcomer = { id: '555000777', name: 'Giada Neri', username: 'giada_n' };
    await t.telegram.command(newcomer, t.telegram.group('-1001000000001'), 'rete');
    const id = (await t.db.prisma.person.findFirstOrThrow({ where: { name: 'Giada Neri' } })).id;
    expect(await run('persona', 'cancella', '@giada_n')).toBe(
      `Cancellati i dati di Giada Neri (persona ${id}): account 1, ruoli 1, conversazioni 0, testi svuotati 0, contatti di partner 0, altro 0.`,
    );
    expect(await t.db.prisma.account.count({ where: { externalId: newcomer.id } })).toBe(0);
    expect((await t.db.prisma.person.findUniqueOrThrow({ where: { id } })).name).toBe('persona rimossa');

    const fatou = (await t.db.prisma.person.findFirstOrThrow({ where: { name: 'Fatou Diop' } })).id;
    expect(await run('persona', 'cancella', String(fatou))).toContain('Cancellati i dati di Fatou Diop');
    // Already erased: not found, exit code 1.
    process.exitCode = 0;
    expect(await run('persona', 'cancella', String(fatou))).toBe('');
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;
  });
});
