import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isIntroWeek } from '../../src/capabilities/legami/settings.js';
import { sameTheme } from '../../src/capabilities/legami/themes.js';
import { people, testApp, type TestApp } from '../support/app.js';

const DAY = 24 * 60 * 60 * 1000;

// The example networks (tests/fixtures/networks.yaml): seven referents in six networks, several
// possible pairs each, so these tests check the rules rather than one particular plan.
describe('legami-intro on the example networks: the rules of matching', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
    // Chiara Fontana is referent of two networks: she still gets one introduction per run.
    const chiara = await t.db.prisma.person.findFirstOrThrow({ where: { name: 'Chiara Fontana' } });
    const va05 = await t.db.prisma.network.findUniqueOrThrow({ where: { code: 'VA05' } });
    await t.db.prisma.membership.create({ data: { personId: chiara.id, networkId: va05.id, role: 'referente' } });
  });
  afterAll(async () => {
    await t.close();
  });

  const introductions = () =>
    t.db.prisma.introduction.findMany({ orderBy: { id: 'asc' }, include: { networkA: true, networkB: true, personA: true, personB: true } });

  /** No two people left out of a run could still have been introduced on a shared theme. */
  async function expectMaximal(runKey: string, now: Date) {
    const all = await introductions();
    const inRun = new Set(all.filter((i) => i.runKey === runKey).flatMap((i) => [i.personAId, i.personBId]));
    const recent = new Set(all.filter((i) => i.createdAt.getTime() >= now.getTime() - 180 * DAY).map((i) => `${i.personAId}-${i.personBId}`));
    const referents = await t.db.prisma.membership.findMany({
      where: { role: 'referente', person: { legamiOptOut: { is: null } } },
      include: { network: true, person: true },
    });
    const free = referents.filter((r) => !inRun.has(r.personId));
    for (const x of free) {
      for (const y of free) {
        if (x.personId >= y.personId || x.networkId === y.networkId) continue;
        if (recent.has(`${x.personId}-${y.personId}`)) continue;
        const shared = x.network.themes.find((a) => y.network.themes.some((b) => sameTheme(a, b)));
        expect(shared, `${x.person.name} and ${y.person.name} could have met on ${shared}`).toBeUndefined();
      }
    }
  }

  it('introduces people of different networks who share a theme, one introduction per person, nobody left who could meet', async () => {
    const result = await t.app.jobs.run('legami-intro');
    expect(result.introductions).toBeGreaterThanOrEqual(3);
    const intros = await introductions();
    expect(intros).toHaveLength(result.introductions as number);
    const seen = new Set<number>();
    for (const i of intros) {
      expect(i.personAId).toBeLessThan(i.personBId);
      expect(i.networkAId).not.toBe(i.networkBId);
      expect(i.reason).toBe('tema');
      expect(i.networkA.themes.some((th) => sameTheme(th, i.theme))).toBe(true);
      expect(i.networkB.themes.some((th) => sameTheme(th, i.theme))).toBe(true);
      for (const p of [i.personAId, i.personBId]) {
        expect(seen.has(p)).toBe(false);
        seen.add(p);
      }
    }
    await expectMaximal('2026-W48', t.clock.now());
    // Coordinators and members are never introduced: they are not referents or contacts.
    const names = intros.flatMap((i) => [i.personA.name, i.personB.name]);
    expect(names).not.toContain('Luca Bianchi');
    expect(names).not.toContain('Fatou Diop');
  });

  it('never lets a person who paused be introduced, and takes them back when they resume', async () => {
    await t.telegram.command(people.maria, t.telegram.privateChat(people.maria), 'legami', 'pausa');
    await t.telegram.command(people.maria, t.telegram.privateChat(people.maria), 'legami', 'pausa');
    await t.deliver();
    expect(t.telegram.texts(people.maria.id).slice(-2)).toEqual([
      'Fatto: non riceverai nuove presentazioni. Scrivi /legami riprendi quando vuoi.',
      'Le presentazioni erano già in pausa. Scrivi /legami riprendi per riattivarle.',
    ]);
    const maria = await t.db.prisma.person.findFirstOrThrow({ where: { name: 'Maria Rossi' } });
    const before = await t.db.prisma.introduction.count({ where: { OR: [{ personAId: maria.id }, { personBId: maria.id }] } });
    for (let run = 0; run < 4; run++) {
      t.clock.advance(14 * DAY);
      const { runKey } = await t.app.jobs.run('legami-intro');
      await expectMaximal(String(runKey), t.clock.now());
    }
    expect(await t.db.prisma.introduction.count({ where: { OR: [{ personAId: maria.id }, { personBId: maria.id }] } })).toBe(before);

    await t.telegram.command(people.maria, t.telegram.privateChat(people.maria), 'legami');
    await t.deliver();
    expect(t.telegram.lastText(people.maria.id)).toContain('Hai messo in pausa le presentazioni di Legami.');
    await t.telegram.command(people.maria, t.telegram.privateChat(people.maria), 'legami', 'riprendi');
    await t.deliver();
    expect(t.telegram.lastText(people.maria.id)).toBe('Fatto: le presentazioni di Legami sono di nuovo attive.');
    expect(await t.db.prisma.legamiOptOut.count()).toBe(0);
  });

  it('over many runs, never repeats a pair within the window and never gives anyone two introductions in a run', async () => {
    for (let run = 0; run < 6; run++) {
      t.clock.advance(14 * DAY);
      const { runKey } = await t.app.jobs.run('legami-intro');
      await expectMaximal(String(runKey), t.clock.now());
    }
    const intros = await introductions();
    const byRun = new Map<string, number[]>();
    for (const i of intros) byRun.set(i.runKey, [...(byRun.get(i.runKey) ?? []), i.personAId, i.personBId]);
    for (const [run, persons] of byRun) expect(new Set(persons).size, run).toBe(persons.length);
    // 154 days so far: inside the 180-day window, every pair is new.
    const pairs = intros.map((i) => `${i.personAId}-${i.personBId}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    // The eight theme-sharing pairs of the example networks (plus Chiara's, as VA05 referent) run out.
    expect(intros.length).toBeLessThanOrEqual(11);
  });

  it('runs on schedule every other week, and always when started by hand', async () => {
    t.clock.set('2026-11-30T09:00:00Z'); // 2026-W49: an off week with the default settings
    expect(await t.app.jobs.run('legami-intro', 'schedule')).toEqual({ skipped: true, reason: 'settimana senza presentazioni' });
    t.clock.set('2026-12-07T09:00:00Z');
    expect(await t.app.jobs.run('legami-intro', 'schedule')).toMatchObject({ runKey: '2026-W50' });
    const s = { everyWeeks: 2, weekOffset: 0 };
    // Every other Monday, across a year with 53 ISO weeks (W53 and W01 are not both run).
    const mondays = ['2026-12-21', '2026-12-28', '2027-01-04', '2027-01-11'].map((d) => isIntroWeek(new Date(`${d}T10:00:00+01:00`), s));
    expect(mondays).toEqual([true, false, true, false]);
    expect(isIntroWeek(new Date('2026-12-28T10:00:00+01:00'), { everyWeeks: 2, weekOffset: 1 })).toBe(true);
    expect(isIntroWeek(new Date('2026-12-28T10:00:00+01:00'), { everyWeeks: 1, weekOffset: 0 })).toBe(true);
  });
});
