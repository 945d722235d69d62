import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { fixture, people, testApp, type TestApp } from '../support/app.js';

const chiara = { id: '100000005', name: 'Chiara Fontana' }; // CR04
const francesca = people.francesca; // BS02
/** An instant typed as Europe/Rome wall-clock time with its offset (+01:00 winter, +02:00 summer). */
const at = (iso: string) => new Date(iso);
const prompts = (t: TestApp, user: { id: string }) => t.telegram.texts(user.id).filter((m) => m.includes('È il momento del check-in'));
const reminders = (t: TestApp, user: { id: string }) => t.telegram.texts(user.id).filter((m) => m.startsWith('Promemoria'));

// BG01's patron saint's day falls on a Monday (12 April 2027), BS02's on a Wednesday (14 April).
const yaml = fixture('networks.yaml')
  .replace('    area: Bergamo\n', '    area: Bergamo\n    patrono: "04-12"\n')
  .replace('    area: Brescia\n', '    area: Brescia\n    patrono: "04-14"\n');

describe('the Italian calendar: holidays and patron saints’ days', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ yaml, clock: new ManualClock('2027-03-22T09:00:00+01:00') });
  });
  afterAll(async () => {
    await t.close();
  });

  it('a week across the last Sunday of March keeps its wall-clock times: it closes on Monday at 09:00 summer time', async () => {
    expect(await t.app.jobs.run('checkin-open')).toMatchObject({ period: '2027-W12', opened: 6, prompts: 7 });
    await t.deliver();
    const round = await t.db.prisma.checkinRound.findFirstOrThrow({ where: { period: '2027-W12', network: { code: 'CR04' } } });
    expect(round.closesAt).toEqual(at('2027-03-29T09:00:00+02:00'));
    expect(prompts(t, chiara)[0]).toContain('Puoi rispondere fino a lun 29 marzo, 09:00');
    t.clock.set(at('2027-03-26T10:00:00+01:00'));
    expect(await t.app.jobs.run('checkin-remind')).toMatchObject({ networks: 6 });
  });

  it('on Easter Monday the week opens but nobody is prompted; the prompt goes out on Tuesday at 09:00', async () => {
    t.clock.set(at('2027-03-29T09:00:00+02:00'));
    expect(await t.app.jobs.run('checkin-open')).toEqual({ period: '2027-W13', opened: 6, closed: 6, prompts: 0, groupAsks: 0, unreachable: 0, deferred: 6 });
    // The deferred job runs every working day: on the holiday itself it sends nothing.
    expect(await t.app.jobs.run('checkin-deferred')).toMatchObject({ prompts: 0 });
    await t.deliver();
    expect(prompts(t, chiara)).toHaveLength(1); // last week's only
    const round = await t.db.prisma.checkinRound.findFirstOrThrow({ where: { period: '2027-W13', network: { code: 'CR04' } } });
    expect(round.promptDueAt).toEqual(at('2027-03-30T09:00:00+02:00'));

    t.clock.set(at('2027-03-30T09:00:00+02:00'));
    expect(await t.app.jobs.run('checkin-deferred')).toEqual({ period: '2027-W13', prompts: 7, groupAsks: 0, unreachable: 0 });
    expect(await t.app.jobs.run('checkin-deferred')).toMatchObject({ prompts: 0 });
    await t.deliver();
    expect(prompts(t, chiara)).toHaveLength(2);
    expect(prompts(t, chiara)[1]).toContain('per la settimana 29 marzo – 4 aprile 2027');
    expect(prompts(t, chiara)[1]).toContain('Puoi rispondere fino a lun 5 aprile, 09:00');
  });

  it('reminders: none on the day the prompt went out, then on the following reminder days', async () => {
    t.clock.set(at('2027-03-30T10:00:00+02:00'));
    expect(await t.app.jobs.run('checkin-remind')).toMatchObject({ networks: 0 });
    t.clock.set(at('2027-03-31T10:00:00+02:00'));
    expect(await t.app.jobs.run('checkin-remind')).toMatchObject({ networks: 6 });
    await t.deliver();
    expect(reminders(t, chiara)).toHaveLength(2); // Friday 26 March and Wednesday 31 March
  });

  it('no reminder on a national holiday: Wednesday 2 June, then Friday as usual', async () => {
    t.clock.set(at('2027-05-31T09:00:00+02:00'));
    expect(await t.app.jobs.run('checkin-open')).toMatchObject({ period: '2027-W22', prompts: 7 });
    t.clock.set(at('2027-06-02T10:00:00+02:00'));
    expect(await t.app.jobs.run('checkin-remind')).toMatchObject({ networks: 0, holiday: true });
    t.clock.set(at('2027-06-04T10:00:00+02:00'));
    expect(await t.app.jobs.run('checkin-remind')).toMatchObject({ networks: 6 });
  });

  it('a network’s patron saint’s day: its prompt moves to the next working day, its reminder is skipped', async () => {
    const t2 = await testApp({ yaml, clock: new ManualClock('2027-04-12T09:00:00+02:00') });
    try {
      expect(await t2.app.jobs.run('checkin-open')).toMatchObject({ period: '2027-W15', opened: 6, prompts: 5, deferred: 1 });
      await t2.deliver();
      expect(prompts(t2, people.ahmed)).toHaveLength(0);
      expect(prompts(t2, chiara)).toHaveLength(1);
      expect(prompts(t2, francesca)).toHaveLength(1);

      t2.clock.set(at('2027-04-13T09:00:00+02:00'));
      expect(await t2.app.jobs.run('checkin-deferred')).toMatchObject({ prompts: 2 });
      await t2.deliver();
      expect(prompts(t2, people.ahmed)).toHaveLength(1);
      expect(prompts(t2, chiara)).toHaveLength(1);

      // Wednesday 14 April: BS02's patron saint — reminded are the other five networks.
      t2.clock.set(at('2027-04-14T10:00:00+02:00'));
      expect(await t2.app.jobs.run('checkin-remind')).toMatchObject({ networks: 5 });
      await t2.deliver();
      expect(reminders(t2, francesca)).toHaveLength(0);
      expect(reminders(t2, people.ahmed)).toHaveLength(1);
      expect(reminders(t2, chiara)).toHaveLength(1);
    } finally {
      await t2.close();
    }
  });
});
