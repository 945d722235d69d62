// Issue 15, context: a paused check-in is told once; a mistyped command gets a suggestion; natural
// variants of /laboratori are understood, and a member's «annulla N» withdraws instead of being refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person } from '../checkins/driver.js';
import { newLab } from '../labs/helpers.js';
import { people, testApp, type TestApp } from '../support/app.js';

const chiara = { id: '100000005', name: 'Chiara Fontana' }; // the only referent of CR04

describe('what the bot knows of where a person stands', () => {
  let t: TestApp;
  let lab: number;
  beforeAll(async () => {
    t = await testApp();
    lab = await newLab(t, { capacity: 10 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('a check-in in pause is told once, on /start, /aiuto or any message', async () => {
    const c = person(t, 'telegram', chiara);
    await c.command('checkin');
    await c.say('4');
    await c.say('2');
    expect(await c.say('annulla')).toContain('scrivi /checkin per riprendere');
    await c.command('start');
    const told = c.texts().slice(-2);
    expect(told[1]).toMatch(/^Hai in pausa «CR04 · settimana .+» alla domanda 3 di 11: scrivi \/checkin per continuare\.$/);
    expect(await c.command('aiuto')).not.toContain('Hai in pausa');
    expect(await c.say('ciao')).toBe('Non ho capito. Scrivi /aiuto per vedere cosa posso fare.');
    // Resumed and paused again: told again, once.
    expect(await c.command('checkin')).toContain('3/11');
    await c.say('annulla');
    expect(await c.say('ciao')).toContain('Hai in pausa «CR04 · settimana');
    expect(await c.say('ciao')).toBe('Non ho capito. Scrivi /aiuto per vedere cosa posso fare.');
  });

  it('suggests the command meant by a typo, and the subcommand', async () => {
    const f = person(t, 'telegram', people.fatou);
    expect(await f.command('checkn')).toBe('Non conosco il comando /checkn. Forse intendevi /checkin? Scrivi /aiuto per vedere quelli disponibili.');
    expect(await f.command('laboratori', `iscrivmi ${lab}`)).toBe(`Forse intendevi /laboratori iscrivimi ${lab}? Scrivilo così e riprova.`);
    expect(await f.command('pizza')).toBe('Non conosco il comando /pizza. Scrivi /aiuto per vedere quelli disponibili.');
  });

  it('understands «iscriviti N», and a member’s «annulla N» withdraws without cancelling the laboratorio', async () => {
    const m = person(t, 'telegram', people.maria);
    expect(await m.command('laboratori', `iscriviti ${lab}`)).toContain('Iscrizione confermata');
    expect(await t.db.prisma.labSignup.count({ where: { labId: lab, status: 'confirmed' } })).toBe(1);
    const withdrawn = await m.command('laboratori', `annulla ${lab}`);
    expect(withdrawn).not.toContain('riservato ai coordinatori');
    expect(await t.db.prisma.labSignup.count({ where: { labId: lab, status: 'confirmed' } })).toBe(0);
    expect((await t.db.prisma.lab.findUniqueOrThrow({ where: { id: lab } })).cancelledAt).toBeNull();
  });
});
