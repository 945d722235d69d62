import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import type { Database } from '../../src/db/client.js';
import { testDatabase } from '../support/db.js';
import { people, testApp, type TestApp } from '../support/app.js';

const rome = (local: string) => new Date(`${local}+01:00`);

describe('a scheduled tick whose run failed is tried again until its next tick', () => {
  let db: Database;
  let t: TestApp;
  /** While true, every query fails as if the database could not be reached. */
  let down = false;
  const logs: { msg: string; job?: string; attempt?: number; retryAt?: string }[] = [];
  const digestsTo = (platform: 'telegram' | 'slack', id: string) =>
    (platform === 'telegram' ? t.telegram : t.slack).texts(id).filter((m) => m.replace(/\u200b/g, '').startsWith('Digest '));

  beforeAll(async () => {
    db = await testDatabase();
    const flaky = db.prisma.$extends({
      query: {
        async $allOperations({ args, query }) {
          if (down) throw new Error('connect ECONNREFUSED 127.0.0.1:5432 (database irraggiungibile in prova)');
          return query(args);
        },
      },
    });
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk, _enc, done) {
          logs.push(JSON.parse(String(chunk)));
          done();
        },
      }),
    );
    t = await testApp({ db: { ...db, prisma: flaky as unknown as Database['prisma'] }, clock: new ManualClock(rome('2027-01-04T08:25')), logger });
  });
  afterAll(async () => {
    await t.close();
    await db.close();
  });

  it('the Monday digest with the database down at 08:30 and back at 08:34 still goes out that morning, once', { timeout: 120_000 }, async () => {
    const control = t.app.clockControl!;
    down = true;
    const outage = await control.advance({ to: '2027-01-04T08:34' });
    down = false;
    const digest = outage.ticks.filter((r) => r.job === 'digest-coordinators');
    // The tick at 08:30, then retries 30 s, 1 min and 2 min after each failure.
    expect(digest.map((r) => [r.ranAt, r.attempt, r.outcome, r.retryAt])).toEqual([
      ['2027-01-04T08:30:00+01:00', 1, 'failed', '2027-01-04T08:30:30+01:00'],
      ['2027-01-04T08:30:30+01:00', 2, 'failed', '2027-01-04T08:31:30+01:00'],
      ['2027-01-04T08:31:30+01:00', 3, 'failed', '2027-01-04T08:33:30+01:00'],
      ['2027-01-04T08:33:30+01:00', 4, 'failed', '2027-01-04T08:37:30+01:00'],
    ]);
    expect(outage.awaitingRetry).toContainEqual({ job: 'digest-coordinators', at: '2027-01-04T08:30:00+01:00', retryAt: '2027-01-04T08:37:30+01:00' });
    expect(digestsTo('slack', people.lucaSlack.id)).toEqual([]);

    // Visible in /metrics and in the log.
    const metrics = await t.app.metrics.registry.metrics();
    expect(metrics).toContain('reti_job_runs_total{job="digest-coordinators",outcome="failed"} 4');
    expect(metrics).toContain('reti_job_ticks_awaiting_retry{job="digest-coordinators"} 1');
    const failures = logs.filter((l) => l.job === 'digest-coordinators' && l.msg === 'scheduled job failed: it will be tried again');
    expect(failures.map((l) => [l.attempt, l.retryAt])).toEqual([
      [1, '2027-01-04T07:30:30.000Z'],
      [2, '2027-01-04T07:31:30.000Z'],
      [3, '2027-01-04T07:33:30.000Z'],
      [4, '2027-01-04T07:37:30.000Z'],
    ]);

    // The database is back: the retry at 08:37:30 sends the digest, and nothing later sends it again.
    const morning = await control.advance({ to: '2027-01-04T12:00' });
    const retried = morning.ticks.filter((r) => r.job === 'digest-coordinators');
    expect(retried).toHaveLength(1);
    expect(retried[0]).toMatchObject({ at: '2027-01-04T08:30:00+01:00', ranAt: '2027-01-04T08:37:30+01:00', attempt: 5, outcome: 'ok' });
    expect(retried[0]!.messages?.sent).toBeGreaterThan(0);
    expect(digestsTo('slack', people.lucaSlack.id)).toHaveLength(1);
    expect(digestsTo('telegram', people.luca.id)).toHaveLength(1);
    expect(morning.awaitingRetry).toEqual([]);
    const row = await db.prisma.jobRun.findFirstOrThrow({ where: { job: 'digest-coordinators' } });
    expect(row).toMatchObject({ attempts: 5, retryAt: null, error: null, lockedBy: null });
    expect(row.finishedAt).toEqual(rome('2027-01-04T08:37:30'));
    const after = await t.app.metrics.registry.metrics();
    expect(after).toContain('reti_job_runs_total{job="digest-coordinators",outcome="ok"} 1');
    expect(after).not.toContain('reti_job_ticks_awaiting_retry{job="digest-coordinators"} 1');
    expect(logs.some((l) => l.job === 'digest-coordinators' && l.msg === 'scheduled job succeeded on retry')).toBe(true);
  });

  it('takes up a tick another replica claimed and never finished, once its claim has expired', { timeout: 60_000 }, async () => {
    // A replica took the 10:30 follow-up tick on Tuesday and died: its claim expired long ago.
    await db.prisma.jobRun.create({
      data: {
        job: 'legami-followup',
        key: rome('2027-01-05T10:30').toISOString(),
        startedAt: rome('2027-01-05T10:30'),
        attempts: 1,
        lockedBy: 'replica-morta',
        lockedUntil: new Date(Date.now() - 1_000),
        retryAt: rome('2027-01-05T10:31'),
      },
    });
    await control().advance({ to: '2027-01-05T10:29' });
    const report = await control().advance({ to: '2027-01-05T11:00' });
    const followUp = report.ticks.filter((r) => r.job === 'legami-followup');
    // The 10:30 tick is already claimed; its retry at 10:31 runs here.
    expect(followUp.map((r) => [r.ranAt, r.outcome, r.attempt])).toEqual([
      ['2027-01-05T10:30:00+01:00', 'taken', 1],
      ['2027-01-05T10:31:00+01:00', 'ok', 2],
    ]);
    const row = await db.prisma.jobRun.findFirstOrThrow({ where: { job: 'legami-followup', key: rome('2027-01-05T10:30').toISOString() } });
    expect(row.finishedAt).toEqual(rome('2027-01-05T10:31'));
  });

  it('gives a tick up when its next tick comes first, and says so', { timeout: 60_000 }, async () => {
    down = true;
    // labs-remind runs every ten minutes: a failure at 11:10 is retried at 11:10:30, 11:11:30, 11:13:30, 11:17:30, then the 11:20 tick comes.
    const report = await control().advance({ to: '2027-01-05T11:19' });
    down = false;
    const remind = report.ticks.filter((r) => r.job === 'labs-remind' && r.at === '2027-01-05T11:10:00+01:00');
    expect(remind.at(-1)).toMatchObject({ outcome: 'abandoned', attempt: 5 });
    expect(logs.some((l) => l.job === 'labs-remind' && l.msg === 'scheduled job abandoned: its next tick has come')).toBe(true);
    expect(await t.app.metrics.registry.metrics()).toMatch(/reti_job_runs_total\{job="labs-remind",outcome="abandoned"\} [1-9]/);
  });

  const control = () => t.app.clockControl!;
});
