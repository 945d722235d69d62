// The audit trail: exports, /digest, role changes and erasures are recorded with who and when,
// readable by coordinators with /registro and by the CLI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/capability.js';
import { buildProgram } from '../../src/cli.js';
import { people, testApp, type TestApp } from '../support/app.js';

describe('audit trail', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const luca = async (command: string, text = '') => {
    await t.telegram.command(people.luca, t.telegram.privateChat(people.luca), command, text);
    await t.deliver();
    return t.telegram.lastText(people.luca.id);
  };

  it('records exports, digests, roles and erasures, and shows them to coordinators only', async () => {
    await luca('esporta', 'csv 2026-W40 2026-W47 BG01');
    await luca('digest', 'BS02');
    await luca('rete', 'referente BS02 Fatou Diop');
    await luca('rete', 'rimuovi BS02 Fatou Diop');
    const log = await luca('registro');
    expect(log).toContain('Registro delle operazioni (ultime 4)');
    expect(log).toContain('Luca Bianchi · esportazione: esportazione csv 2026-W40–2026-W47, rete BG01');
    expect(log).toContain('Luca Bianchi · digest: /digest 2026-W47, rete BS02');
    expect(log).toContain('Luca Bianchi · ruolo: referente di BS02');
    expect(log).toContain('Luca Bianchi · ruolo: non più referente di BS02');
    expect(log).toMatch(/• lun 23 novembre, 09:00 · Luca Bianchi/);

    await t.telegram.command(people.maria, t.telegram.privateChat(people.maria), 'registro');
    await t.deliver();
    expect(t.telegram.lastText(people.maria.id)).toBe('Questo comando è riservato ai coordinatori di ANCI Lombardia.');

    const out: string[] = [];
    const ctx = (): CliContext => ({ withDatabase: (use) => use(t.db), withApp: (use) => use(t.app), clock: t.clock, print: (l) => out.push(l) });
    await buildProgram(ctx).parseAsync(['node', 'reti', 'persona', 'cancella', 'Fatou Diop']);
    await buildProgram(ctx).parseAsync(['node', 'reti', 'registro', '--limit', '2']);
    expect(out.at(-2)).toMatch(/configurazione o riga di comando · cancellazione: dati cancellati della persona n\. \d+ \(riga di comando\)$/);
    expect(out.at(-1)).toContain('Luca Bianchi · ruolo: non più referente di BS02');
    expect(out.slice(-2).join('\n')).not.toContain('Fatou');
  });
});
