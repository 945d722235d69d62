import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { listen } from '../../src/http/server.js';
import { defineJob } from '../../src/jobs/types.js';
import { DatabaseClock } from '../../src/test-clock.js';
import { testDatabase } from '../support/db.js';
import { people, testApp, type TestApp } from '../support/app.js';

const token = 'a-very-secret-admin-token';
const rome = (local: string) => new Date(`${local}+01:00`);
const chiara = { id: '100000005', name: 'Chiara Fontana' }; // referente CR04

async function serve(t: TestApp): Promise<{ server: Server; base: string }> {
  const server = await listen(t.app.http, 0, '127.0.0.1');
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const call = async (base: string, method: 'GET' | 'POST', body?: unknown) => {
  const res = await fetch(`${base}/admin/clock`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as any };
};

describe('without RETI_TEST_CLOCK=1 there is no test clock', () => {
  it('answers 404 to POST /admin/clock and moves nothing, even with the admin token', async () => {
    const t = await testApp({ yaml: false, env: { ADMIN_TOKEN: token } });
    const { server, base } = await serve(t);
    try {
      const before = t.clock.now().getTime();
      const post = await call(base, 'POST', { advance: 'P1D' });
      expect(post.status).toBe(404);
      expect(post.body.error).toContain('RETI_TEST_CLOCK=1');
      expect((await call(base, 'GET')).status).toBe(404);
      expect(t.clock.now().getTime()).toBe(before);
      const health = (await (await fetch(`${base}/healthz`)).json()) as Record<string, unknown>;
      expect(health.testClock).toBeUndefined();
    } finally {
      server.close();
      await t.close();
    }
  });
});

describe('the test clock (RETI_TEST_CLOCK=1), two replicas on one database', () => {
  let db: Database;
  let a: TestApp;
  let b: TestApp;
  let aBase: string;
  let bBase: string;
  const servers: Server[] = [];
  /** Runs of a job at 09:00 every day, as each run saw the time. */
  const seen: { tick: string; clock: number }[] = [];
  const daily = defineJob({
    id: 'prova-quotidiana',
    description: 'prova',
    cron: '0 9 * * *',
    run: async ({ now, clock }) => {
      seen.push({ tick: now.toISOString(), clock: clock.now().getTime() });
      return { runs: seen.length };
    },
  });

  beforeAll(async () => {
    db = await testDatabase();
    // SCHEDULE_* overrides are honoured (and keep this test quick: hourly instead of every ten minutes).
    const env = {
      RETI_TEST_CLOCK: '1',
      ADMIN_TOKEN: token,
      SCHEDULE_LABS_REMIND: '0 * * * *',
      SCHEDULE_LABS_FEEDBACK: '5 * * * *',
      SCHEDULE_INCONTRI_REMIND: '0 * * * *',
    };
    // Monday 11 January 2027, 08:00 in Rome.
    const clockA = await new DatabaseClock({ start: rome('2027-01-11T08:00') }).attach(db.prisma);
    a = await testApp({ db, clock: clockA, env: { ...env, INSTANCE_ID: 'replica-a' }, jobs: [daily] });
    // The second replica's own start time is ignored: the clock in the database wins.
    const clockB = await new DatabaseClock({ start: rome('2030-01-01T00:00') }).attach(db.prisma);
    b = await testApp({ db, clock: clockB, yaml: false, env: { ...env, INSTANCE_ID: 'replica-b' }, jobs: [daily] });
    b.app.jobs.start(); // replica B watches the schedule meanwhile
    for (const [t, set] of [
      [a, (u: string) => (aBase = u)],
      [b, (u: string) => (bBase = u)],
    ] as const) {
      const { server, base } = await serve(t);
      servers.push(server);
      set(base);
    }
  });
  afterAll(async () => {
    for (const s of servers) s.close();
    await b.close();
    await a.close();
    (a.clock as unknown as DatabaseClock).close();
    (b.clock as unknown as DatabaseClock).close();
    await db.close();
  });

  it('shows the clock on both replicas and in /healthz', async () => {
    const ga = await call(aBase, 'GET');
    const gb = await call(bBase, 'GET');
    expect(ga.status).toBe(200);
    expect(ga.body).toMatchObject({ testClock: true });
    expect(Math.abs(new Date(ga.body.now).getTime() - rome('2027-01-11T08:00').getTime())).toBeLessThan(60_000);
    expect(Math.abs(new Date(gb.body.now).getTime() - new Date(ga.body.now).getTime())).toBeLessThan(2_000);
    const health = (await (await fetch(`${bBase}/healthz`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ testClock: true });
    expect(Math.abs(new Date(health.now as string).getTime() - rome('2027-01-11T08:00').getTime())).toBeLessThan(60_000);
  });

  it('worked example: open the week on Monday, advance to Wednesday 10:00, the reminders go out', { timeout: 120_000 }, async () => {
    const monday = await call(aBase, 'POST', { to: '2027-01-11T09:00' });
    expect(monday.status).toBe(200);
    expect(monday.body.now).toBe('2027-01-11T09:00:00+01:00');
    // Every tick in between, in time order; the round opens at 09:00 and its prompts are delivered before the answer.
    const ats = monday.body.ticks.map((t: { at: string }) => new Date(t.at).getTime());
    expect(ats).toEqual([...ats].sort((x, y) => x - y));
    const open = monday.body.ticks.find((t: { job: string }) => t.job === 'checkin-open');
    expect(open).toMatchObject({ at: '2027-01-11T09:00:00+01:00', outcome: 'ok', result: { period: '2027-W02', opened: 6, prompts: 7 } });
    expect(open.messages).toEqual({ sent: 7, failed: 0, later: 0 });
    expect(a.telegram.texts(chiara.id)).toHaveLength(1);
    expect(monday.body.ticks.map((t: { job: string }) => t.job)).toContain('digest-coordinators');

    const wednesday = await call(aBase, 'POST', { advance: 'P2DT1H' });
    expect(wednesday.status).toBe(200);
    expect(Math.abs(new Date(wednesday.body.now).getTime() - rome('2027-01-13T10:00').getTime())).toBeLessThan(5_000);
    expect(wednesday.body.byJob['labs-remind']).toBe(49); // hourly, as SCHEDULE_LABS_REMIND says
    const remind = wednesday.body.ticks.filter((t: { job: string }) => t.job === 'checkin-remind');
    expect(remind).toHaveLength(1);
    expect(remind[0]).toMatchObject({ at: '2027-01-13T10:00:00+01:00', outcome: 'ok', result: { day: '2027-01-13', networks: 6, prompts: 7 } });
    expect(remind[0].messages).toEqual({ sent: 7, failed: 0, later: 0 });
    const chiaraSaw = a.telegram.texts(chiara.id);
    expect(chiaraSaw.filter((m) => m.includes('Promemoria'))).toHaveLength(1);
    expect(chiaraSaw.at(-1)).toContain('Promemoria: il check-in di Rete Cremona');
    expect(a.telegram.texts(people.ahmed.id).at(-1)).toContain('Promemoria');
  });

  it('fires every tick once across the replicas, each run seeing its own tick time as now', async () => {
    // Monday, Tuesday and Wednesday 09:00, whichever replica ran them, each once.
    expect(seen.map((s) => s.tick)).toEqual([rome('2027-01-11T09:00'), rome('2027-01-12T09:00'), rome('2027-01-13T09:00')].map((d) => d.toISOString()));
    for (const s of seen) expect(Math.abs(s.clock - new Date(s.tick).getTime())).toBeLessThan(5_000);
    const runs = await db.prisma.jobRun.groupBy({ by: ['job', 'key'], _count: true });
    expect(runs.every((r) => r._count === 1)).toBe(true);
    expect(await db.prisma.jobRun.count({ where: { job: 'checkin-open' } })).toBe(1);
    // Replica B reads the same time.
    const gb = await call(bBase, 'GET');
    expect(Math.abs(new Date(gb.body.now).getTime() - rome('2027-01-13T10:00').getTime())).toBeLessThan(5_000);
  });

  it('moves forward from the other replica too, and never twice the same tick', { timeout: 120_000 }, async () => {
    const res = await call(bBase, 'POST', { advance: 'P1D' });
    expect(res.status).toBe(200);
    expect(Math.abs(new Date(res.body.now).getTime() - rome('2027-01-14T10:00').getTime())).toBeLessThan(5_000);
    expect(seen.map((s) => s.tick).at(-1)).toBe(rome('2027-01-14T09:00').toISOString());
    expect(seen).toHaveLength(4);
    const ga = await call(aBase, 'GET');
    expect(Math.abs(new Date(ga.body.now).getTime() - rome('2027-01-14T10:00').getTime())).toBeLessThan(5_000);
  });

  it('refuses the past and jumps over 400 days, in Italian, and changes nothing', async () => {
    const past = await call(aBase, 'POST', { to: '2027-01-11T09:00:00+01:00' });
    expect(past.status).toBe(409);
    expect(past.body.error).toMatch(/^L’orologio di prova non torna indietro: ora segna gio 14 gennaio, 10:0\d e lun 11 gennaio, 09:00 è nel passato\.$/);
    const far = await call(aBase, 'POST', { advance: 'P401D' });
    expect(far.status).toBe(409);
    expect(far.body.error).toContain('Al massimo 400 giorni per volta');
    expect((await call(aBase, 'POST', { advance: 'domani' })).body.error).toBe('«domani» non è una durata: usa ISO 8601 (es. P2DT1H) oppure 2d, 3h, 30m.');
    expect((await call(aBase, 'POST', {})).status).toBe(400);
    expect((await call(aBase, 'POST', { advance: 'P1D', to: '2027-02-01T09:00' })).status).toBe(400);
    const unauthorised = await fetch(`${aBase}/admin/clock`, { method: 'POST', headers: { authorization: 'Bearer nope' } });
    expect(unauthorised.status).toBe(401);
    const now = await call(aBase, 'GET');
    expect(Math.abs(new Date(now.body.now).getTime() - rome('2027-01-14T10:00').getTime())).toBeLessThan(5_000);
    expect(seen).toHaveLength(4);
  });

  it('reads schedules in Europe/Rome across the changes of summer time', () => {
    const mondays = [...a.app.jobs.ticksBetween(rome('2027-03-21T00:00'), rome('2027-04-06T00:00'))]
      .filter((t) => t.job === 'checkin-open')
      .map((t) => t.at.toISOString());
    // 09:00 in Rome is 08:00 UTC before the last Sunday of March and 07:00 UTC after.
    expect(mondays).toEqual(['2027-03-22T08:00:00.000Z', '2027-03-29T07:00:00.000Z', '2027-04-05T07:00:00.000Z']);
    const october = [...a.app.jobs.ticksBetween(rome('2027-10-24T00:00'), rome('2027-11-02T00:00'))]
      .filter((t) => t.job === 'checkin-open')
      .map((t) => t.at.toISOString());
    expect(october).toEqual(['2027-10-25T07:00:00.000Z', '2027-11-01T08:00:00.000Z']);
    // A day is a calendar day: Saturday 09:00 plus P1D is Sunday 09:00, 23 hours later on 28 March.
    expect(a.app.clockControl!.target({ advance: 'P1D' }, rome('2027-03-27T09:00')).toISOString()).toBe('2027-03-28T07:00:00.000Z');
  });
});
