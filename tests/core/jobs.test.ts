import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../../src/jobs/runner.js';
import { defineJob } from '../../src/jobs/types.js';
import { silentLogger } from '../../src/log.js';
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
