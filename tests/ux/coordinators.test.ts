// Issue 15, coordinators' dead ends: /esporta with a format Reti does not make says which exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person } from '../checkins/driver.js';
import { people, testApp, type TestApp } from '../support/app.js';

describe('coordinators are not left at a dead end', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('/esporta pdf says which formats exist instead of looking for a network «pdf»', async () => {
    const luca = person(t, 'telegram', people.luca);
    const reply = await luca.command('esporta', 'pdf');
    expect(reply).toContain('Non preparo file pdf: i formati sono xlsx (il predefinito, per un foglio di calcolo) e csv.');
    expect(reply).not.toContain('Non trovo nessuna rete');
    expect(await luca.command('esporta', 'docx 2026-W40')).toContain('Non preparo file docx');
  });
});
