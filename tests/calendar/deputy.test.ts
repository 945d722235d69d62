import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { people, testApp, type TestApp } from '../support/app.js';
import { answerAll, person } from '../checkins/driver.js';

const giulia = { id: 'U0COORD2', name: 'Giulia Ferri' }; // coordinatrice, Slack only, no network
const contains = (actual: string, expected: string) => expect(actual).toContain(expected);
const at = (iso: string) => new Date(iso);

describe('a referent’s deputy: /checkin sostituto', () => {
  let t: TestApp;
  const deputies = () => t.db.prisma.checkinDeputy.count();

  beforeAll(async () => {
    t = await testApp({ clock: new ManualClock('2026-12-28T10:00:00+01:00') });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses each bad input in Italian and changes nothing', async () => {
    const maria = person(t, 'slack', people.mariaSlack);
    expect(await maria.command('checkin', 'sostituto')).toBe(
      'Nessun sostituto indicato. Per indicarne uno: /checkin sostituto @persona dal 2027-01-04 al 2027-01-17',
    );
    expect(await maria.command('checkin', 'sostituto <@U0COORD2>')).toContain('Indica il primo e l’ultimo giorno');
    expect(await maria.command('checkin', 'sostituto dal 2027-01-04 al 2027-01-17')).toContain('Indica la persona con una menzione (@nome)');
    expect(await maria.command('checkin', 'sostituto <@U0NESSUNO> dal 2027-01-04 al 2027-01-17')).toContain('Non conosco «<@U0NESSUNO>»');
    expect(await maria.command('checkin', 'sostituto <@U0MARIA> dal 2027-01-04 al 2027-01-17')).toBe('Il sostituto deve essere un’altra persona.');
    expect(await maria.command('checkin', 'sostituto <@U0COORD2> dal 2027-01-17 al 2027-01-04')).toContain('viene prima del primo');
    expect(await maria.command('checkin', 'sostituto <@U0COORD2> dal 2026-12-01 al 2026-12-10')).toContain('Il periodo è già finito');
    expect(await maria.command('checkin', 'sostituto <@U0COORD2> dal 31/02/2027 al 2027-03-10')).toContain('«31/02/2027» non è una data valida');
    expect(await maria.command('checkin', 'sostituto nessuno')).toBe('Non hai nessun sostituto da togliere.');
    expect(await person(t, 'telegram', people.fatou).command('checkin', 'sostituto @maria dal 2027-01-04 al 2027-01-17')).toBe(
      'Questo comando è riservato ai referenti della rete.',
    );
    expect(await person(t, 'slack', giulia).command('checkin', 'sostituto <@U0MARIA> dal 2027-01-04 al 2027-01-17')).toBe(
      'Un sostituto può indicarlo solo chi è referente di una rete.',
    );
    expect(await deputies()).toBe(0);
  });

  it('a referent names a deputy with a Slack mention; the deputy is told, and /checkin sostituto shows it', async () => {
    const maria = person(t, 'slack', people.mariaSlack);
    expect(await maria.command('checkin', 'sostituto <@U0COORD2> dal 2027-01-04 al 2027-01-17')).toBe(
      'Fatto: Giulia Ferri risponde al check-in al tuo posto dal lun 4 gennaio 2027 al dom 17 gennaio 2027. In quei giorni le domande e i promemoria arrivano a questa persona invece che a te; puoi comunque rispondere anche tu.',
    );
    expect(t.slack.lastText(giulia.id)).toContain('Maria Rossi ti ha indicato per rispondere al check-in settimanale al suo posto dal lun 4 gennaio 2027');
    expect(await maria.command('checkin', 'sostituto')).toContain('Al tuo posto risponde Giulia Ferri dal lun 4 gennaio 2027 al dom 17 gennaio 2027');
  });

  it('before the period the referent is prompted; during it the deputy is, and answers for the network', async () => {
    t.clock.set(at('2026-12-28T10:30:00+01:00'));
    await t.app.jobs.run('checkin-open');
    await t.deliver();
    expect(t.slack.texts(people.mariaSlack.id).filter((m) => m.includes('È il momento del check-in'))).toHaveLength(1);
    expect(t.slack.texts(giulia.id).filter((m) => m.includes('È il momento del check-in'))).toHaveLength(0);

    t.clock.set(at('2027-01-04T09:00:00+01:00'));
    expect(await t.app.jobs.run('checkin-open')).toMatchObject({ period: '2027-W01', prompts: 7 });
    await t.deliver();
    expect(t.slack.texts(people.mariaSlack.id).filter((m) => m.includes('È il momento del check-in'))).toHaveLength(1);
    const prompt = t.slack.texts(giulia.id).find((m) => m.includes('È il momento del check-in'))!;
    expect(prompt).toContain('Ciao Giulia! È il momento del check-in di Rete Bergamo Ovest (BG01)');
    expect(prompt).toContain('Ricevi questo check-in al posto di Maria Rossi fino a dom 17 gennaio 2027: puoi rispondere per la rete.');
    expect(t.telegram.texts(people.ahmed.id).filter((m) => m.includes('È il momento del check-in'))).toHaveLength(2);

    const g = person(t, 'slack', giulia);
    await g.press('Inizia');
    expect(g.last()).toContain('1/11');
    await answerAll(g, contains);
    expect(await g.press('Conferma')).toContain('Grazie Giulia!');
    const submission = await t.db.prisma.checkinSubmission.findFirstOrThrow({ where: { period: '2027-W01', round: { network: { code: 'BG01' } } } });
    const giuliaId = (await t.db.prisma.person.findFirstOrThrow({ where: { name: 'Giulia Ferri' } })).id;
    expect(submission.personId).toBe(giuliaId);
  });

  it('after the period the deputy answers no more and none is shown', async () => {
    t.clock.set(at('2027-01-18T10:00:00+01:00'));
    expect(await person(t, 'slack', giulia).command('checkin')).toContain('non risulti referente di nessuna rete');
    const maria = person(t, 'slack', people.mariaSlack);
    expect(await maria.command('checkin', 'sostituto')).toContain('Nessun sostituto indicato');
  });

  it('«nessuno» removes a deputy still to come', async () => {
    const maria = person(t, 'slack', people.mariaSlack);
    t.clock.set(at('2027-01-19T10:00:00+01:00'));
    await maria.command('checkin', 'sostituto <@U0COORD2> dal 2027-02-01 al 2027-02-05');
    expect(await maria.command('checkin', 'sostituto nessuno')).toBe('Fatto: Giulia Ferri non risponde più al check-in al tuo posto.');
    expect(await deputies()).toBe(0);
  });
});
