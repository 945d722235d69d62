import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../../src/jobs/runner.js';
import { defineJob } from '../../src/jobs/types.js';
import { silentLogger } from '../../src/log.js';
import { systemClock } from '../../src/clock.js';
import { testApp, type TestApp } from '../support/app.js';

describe('scheduled jobs across replicas', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ yaml: false });
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs each scheduled tick once even when every replica fires it', async () => {
    let runs = 0;
    const job = defineJob({ id: 'conta', description: 'conta', cron: '* * * * *', run: async () => ({ runs: ++runs }) });
    const replicas = [1, 2, 3].map(() => new JobRunner({ db: t.db.prisma, clock: t.clock, logger: silentLogger, services: t.app.services, jobs: [job] }));
    const tick = new Date('2026-11-23T08:30:00.000Z');
    await Promise.all(replicas.map((r) => r.fire(job, tick)));
    expect(runs).toBe(1);
    await Promise.all(replicas.map((r) => r.fire(job, new Date('2026-11-23T08:31:00.000Z'))));
    expect(runs).toBe(2);
    const rows = await t.db.prisma.jobRun.findMany({ where: { job: 'conta' }, orderBy: { key: 'asc' } });
    expect(rows.map((r) => [r.key, r.finishedAt !== null])).toEqual([
      ['2026-11-23T08:30:00.000Z', true],
      ['2026-11-23T08:31:00.000Z', true],
    ]);
  });

  it('refuses a malformed schedule override naming the variable', () => {
    const job = defineJob({ id: 'checkin-open', description: 'x', cron: '0 9 * * 1', run: async () => ({}) });
    expect(
      () =>
        new JobRunner({
          db: t.db.prisma,
          clock: t.clock,
          logger: silentLogger,
          services: t.app.services,
          jobs: [job],
          schedules: { 'checkin-open': 'ogni lunedì' },
        }),
    ).toThrow('SCHEDULE_CHECKIN_OPEN: espressione cron non valida «ogni lunedì»');
  });
});

describe('the schedule in real time', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ yaml: false });
  });
  afterAll(async () => {
    await t.close();
  });

  it('fires each tick at its time with that time as now; a failed tick whose next tick comes before a retry is given up', { timeout: 30_000 }, async () => {
    const seen: number[] = [];
    let failures = 1;
    const job = defineJob({
      id: 'ogni-secondo',
      description: 'prova',
      cron: '* * * * * *',
      run: async ({ now }) => {
        seen.push(now.getTime());
        if (failures-- > 0) throw new Error('prima volta: errore');
        return {};
      },
    });
    const runner = new JobRunner({ db: t.db.prisma, clock: systemClock, logger: silentLogger, services: t.app.services, jobs: [job], instanceId: 'solo' });
    runner.start();
    await new Promise((r) => setTimeout(r, 2_600));
    await runner.stop();
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.every((ms) => ms % 1000 === 0)).toBe(true);
    const rows = await t.db.prisma.jobRun.findMany({ where: { job: 'ogni-secondo' }, orderBy: { key: 'asc' } });
    // The first tick failed; its first retry (30 s later) would come after the next tick: given up, the error kept.
    expect(rows[0]).toMatchObject({ finishedAt: null, attempts: 1, retryAt: null, lockedBy: null, error: 'prima volta: errore' });
    expect(rows.slice(1).every((r) => r.finishedAt !== null)).toBe(true);
  });
});
