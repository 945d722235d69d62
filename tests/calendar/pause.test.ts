import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { importConfiguration } from '../../src/configuration.js';
import { fixture, groups, people, testApp, type TestApp } from '../support/app.js';
import { person } from '../checkins/driver.js';

const chiara = { id: '100000005', name: 'Chiara Fontana' }; // CR04
const at = (iso: string) => new Date(iso);
const prompts = (t: TestApp, user: { id: string }) => t.telegram.texts(user.id).filter((m) => m.includes('È il momento del check-in'));
const reminders = (t: TestApp, user: { id: string }) => t.telegram.texts(user.id).filter((m) => m.startsWith('Promemoria'));

// CR04 pauses in the configuration for the first half of August.
const yaml = fixture('networks.yaml').replace('    area: Cremona\n', '    area: Cremona\n    pause:\n      - { from: 2027-08-02, to: 2027-08-15 }\n');

describe('a network’s pause: /rete pausa, pause: in the configuration, /rete riprendi', () => {
  let t: TestApp;
  const pauses = () => t.db.prisma.networkPause.count();
  const inGroup = async (who: { id: string; name: string }, text: string) => {
    await t.telegram.command(who, t.telegram.group(groups.BG01), 'rete', text);
    await t.deliver();
    return t.telegram.lastText(groups.BG01);
  };

  beforeAll(async () => {
    t = await testApp({ yaml, clock: new ManualClock('2027-07-26T11:00:00+02:00') });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses each bad period in Italian, at the command, and changes nothing', async () => {
    const maria = person(t, 'telegram', people.maria);
    const before = await pauses();
    expect(before).toBe(1); // CR04's, from the configuration
    expect(await maria.command('rete', 'pausa 2027-08-01')).toContain('Indica il primo e l’ultimo giorno');
    expect(await maria.command('rete', 'pausa 2027-02-30 2027-03-05')).toContain('«2027-02-30» non è una data valida');
    expect(await maria.command('rete', 'pausa 2027-08-31 2027-08-01')).toBe(
      'L’ultimo giorno (dom 1 agosto 2027) viene prima del primo (mar 31 agosto 2027): controlla le date.',
    );
    expect(await maria.command('rete', 'pausa 2027-01-04 2027-01-31')).toBe('Il periodo è già finito (dom 31 gennaio 2027): indica date da oggi in poi.');
    expect(await maria.command('rete', 'pausa 2027-07-20 2027-08-05')).toContain('Il primo giorno (mar 20 luglio 2027) è già passato');
    expect(await maria.command('rete', 'pausa 2027-08-01 2028-09-01')).toBe('Il periodo può durare al massimo 366 giorni.');
    expect(await maria.command('rete', 'pausa BS02 2027-08-01 2027-08-31')).toContain('Non risulti referente della rete BS02');
    expect(await maria.command('rete', 'pausa XX99 2027-08-01 2027-08-31')).toContain('Non trovo nessuna rete con codice «XX99»');
    const luca = person(t, 'telegram', people.luca);
    expect(await luca.command('rete', 'pausa 2027-08-01 2027-08-31')).toContain('Indica il codice della rete');
    const fatou = person(t, 'telegram', people.fatou);
    expect(await fatou.command('rete', 'pausa 2027-08-01 2027-08-31')).toBe('Questo comando è riservato ai referenti della rete.');
    expect(await pauses()).toBe(before);
  });

  it('a referent pauses the network in its group, a coordinator names another network; overlaps are refused', async () => {
    expect(await inGroup(people.maria, 'pausa dal 2027-08-01 al 2027-08-31')).toContain(
      'Fatto: i check-in della rete BG01 sono in pausa dal dom 1 agosto 2027 al mar 31 agosto 2027.',
    );
    expect(await inGroup(people.ahmed, 'pausa 15/8/2027 10/9/2027')).toContain('La rete BG01 ha già una pausa dal dom 1 agosto 2027 al mar 31 agosto 2027');
    const luca = person(t, 'telegram', people.luca);
    expect(await luca.command('rete', 'pausa BS02 2027-08-09 2027-08-22')).toContain(
      'i check-in della rete BS02 sono in pausa dal lun 9 agosto 2027 al dom 22 agosto 2027',
    );
    expect(await pauses()).toBe(3);
    expect(await inGroup(people.fatou, '')).toContain('Check-in in pausa dal dom 1 agosto 2027 al mar 31 agosto 2027');
  });

  it('no round, prompt or reminder for a paused network', async () => {
    t.clock.set(at('2027-08-02T09:00:00+02:00'));
    expect(await t.app.jobs.run('checkin-open')).toMatchObject({ period: '2027-W31', opened: 4, prompts: 4 });
    await t.deliver();
    expect(prompts(t, people.ahmed)).toEqual([]);
    expect(prompts(t, chiara)).toEqual([]);
    expect(prompts(t, people.francesca)).toHaveLength(1);
    t.clock.set(at('2027-08-04T10:00:00+02:00'));
    expect(await t.app.jobs.run('checkin-remind')).toMatchObject({ networks: 4 });
    t.clock.set(at('2027-08-09T09:00:00+02:00'));
    expect(await t.app.jobs.run('checkin-open')).toMatchObject({ period: '2027-W32', opened: 3 });
    t.clock.set(at('2027-08-11T10:00:00+02:00'));
    expect(await t.app.jobs.run('checkin-remind')).toMatchObject({ networks: 3 });
    await t.deliver();
    expect(reminders(t, people.ahmed)).toEqual([]);
    expect(reminders(t, chiara)).toEqual([]);
    expect(reminders(t, people.francesca)).toHaveLength(1); // Wednesday 4, before its pause
    expect(await t.db.prisma.checkinRound.count({ where: { network: { code: { in: ['BG01', 'CR04'] } } } })).toBe(0);
  });

  it('/rete riprendi ends the pause in progress; the next week opens as usual', async () => {
    t.clock.set(at('2027-08-11T18:00:00+02:00'));
    expect(await inGroup(people.maria, 'riprendi')).toContain(
      'Fatto: la pausa dei check-in della rete BG01 (dal dom 1 agosto 2027 al mar 31 agosto 2027) è tolta.',
    );
    expect(await inGroup(people.maria, 'riprendi')).toBe('La rete BG01 non ha pause in corso o in programma: nulla da riprendere.');
    expect(await t.db.prisma.networkPause.findFirst({ where: { network: { code: 'BG01' } } })).toMatchObject({ startsOn: '2027-08-01', endsOn: '2027-08-10' });
    t.clock.set(at('2027-08-16T09:00:00+02:00'));
    // BG01 resumed, CR04's configured pause is over, BS02 is still paused.
    expect(await t.app.jobs.run('checkin-open')).toMatchObject({ period: '2027-W33', opened: 5 });
    await t.deliver();
    expect(prompts(t, people.ahmed)).toHaveLength(1);
    expect(prompts(t, chiara)).toHaveLength(1);
  });

  it('the digests show the paused weeks «in pausa», never as silent', async () => {
    t.clock.set(at('2027-08-16T09:30:00+02:00'));
    await t.app.jobs.run('digest-coordinators');
    await t.deliver();
    const digest = t.telegram.lastText(people.luca.id);
    expect(digest).toContain('Digest settimanale · 9–15 agosto 2027');
    expect(digest).toContain('In pausa questa settimana (3), non contate tra quelle senza risposta:\n  BG01, BS02, CR04');
    expect(digest).toContain('Senza risposta da 2 settimane di fila (3):\n  LO06, MI03, VA05');
    expect(digest).toContain('Hanno risposto 0 reti su 3.\nSenza risposta da 2 settimane di fila (3):\n  LO06, MI03, VA05\nIn pausa');

    t.clock.set(at('2027-08-16T09:40:00+02:00'));
    await t.app.jobs.run('digest-networks');
    await t.deliver();
    expect(t.telegram.texts(groups.BG01).at(-1)).toContain('Check-in in pausa questa settimana.');
  });

  it('the configuration refuses a bad pause or patron saint’s day with the line at fault, and changes nothing', async () => {
    const refused: [string, RegExp][] = [
      ['pause: [{ from: 2027-09-31, to: 2027-10-02 }]', /«2027-09-31» non è una data valida/],
      ['pause: [{ from: 2027-10-02, to: 2027-09-30 }]', /la fine della pausa \(to\) viene prima dell’inizio \(from\)/],
      ['pause: [{ from: 2027-01-01, to: 2028-06-30 }]', /una pausa può durare al massimo 366 giorni/],
      ['pause: [{ from: 2027-09-01, to: 2027-09-30 }, { from: 2027-09-20, to: 2027-10-05 }]', /le pause di LO06 si sovrappongono/],
      ['patrono: "13-01"', /«13-01» non è un giorno dell’anno/],
    ];
    const before = await t.db.prisma.networkPause.findMany({ orderBy: { id: 'asc' } });
    for (const [line, message] of refused) {
      const yaml = `networks:\n  - code: LO06\n    name: Rete Lodigiana\n    ${line}\n`;
      await expect(importConfiguration(t.db.prisma, t.clock, yaml)).rejects.toThrow(message);
    }
    expect(await t.db.prisma.networkPause.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
    expect((await t.db.prisma.network.findUniqueOrThrow({ where: { code: 'LO06' } })).patronDay).toBeNull();
  });
});
