// Runs jobs on their schedule (cron in Europe/Rome, read by croner) and on demand (CLI,
// POST /admin/jobs/NAME).
//
// Every replica watches every schedule; a job_run row keyed by job and tick, written before the
// run, lets exactly one replica run each tick. A run that fails, or never finishes (its replica
// died: the claim it renews expires), is tried again with backoff (30 s, 1 min, 2 min… at most
// 10 min) until it succeeds or the job's next tick comes; failures are logged and counted in
// /metrics (reti_job_runs_total, reti_job_ticks_awaiting_retry). The jobs themselves are
// idempotent by dedupe keys, so a manual run or a retry on top of a run that did go through sends
// nothing twice.
//
// The same stream of ticks drives the test clock: POST /admin/clock fires every tick between two
// times in order, each run seeing its own tick time as now (src/jobs/clock-control.ts).
import type { Cron } from 'croner';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Clock } from '../clock.js';
import { ConfigError } from '../config.js';
import type { Db } from '../db/client.js';
import { releaseLease, tryLease } from '../db/lease.js';
import type { Logger } from '../log.js';
import type { Services } from '../services.js';
import { isDatabaseClock } from '../test-clock.js';
import { DateTime } from 'luxon';
import { ZONE } from '../time.js';
import { cronOf, nextTick, ticksBetween, validCron, type Tick } from './schedule.js';
import type { JobResult, JobSpec } from './types.js';

export class UnknownJobError extends Error {}

export interface JobRunnerOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  services: Services;
  jobs: JobSpec[];
  /** Overrides of the default cron per job id. */
  schedules?: Record<string, string>;
  afterRun?(): void;
  /** Names this replica in job_run claims. */
  instanceId?: string;
  /** Where the job metrics are registered (the service's /metrics). */
  registry?: Registry;
}

/** What one tick (or one retry of it) did. */
export interface TickReport {
  job: string;
  /** The tick, in Europe/Rome. */
  at: string;
  /** When this attempt ran: the tick itself, or later for a retry. */
  ranAt: string;
  attempt: number;
  /** ok: ran; failed: will be tried again at retryAt; abandoned: failed and its next tick came; taken: another replica had it. */
  outcome: 'ok' | 'failed' | 'abandoned' | 'taken';
  result?: JobResult;
  error?: string;
  retryAt?: string;
  /** The messages the run queued, once handed to the platforms (test clock). */
  messages?: { sent: number; failed: number; later: number };
}

export interface ProcessOptions {
  /** Moves the clock to each event's time before it runs (test clock). */
  setClock?(at: Date): void | Promise<void>;
  /** Waits for the messages a run queued (test clock). */
  settle?(): Promise<TickReport['messages']>;
  onEvent?(report: TickReport): void | Promise<void>;
}

interface PendingRetry {
  job: JobSpec;
  at: Date;
  retryAt: Date;
  /** Attempts made so far. */
  attempts: number;
}

const LOCK_MS = 60_000;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 10 * 60_000;
const SWEEP_MS = 30_000;
const TEST_CLOCK_POLL_MS = 1_000;
/** Longer gaps (a test service stopped overnight) are skipped rather than replayed. */
const TEST_CLOCK_MAX_CATCH_UP_MS = 24 * 3_600_000;
export const CLOCK_LEASE = 'test-clock';

/** Wait before attempt n + 1 after n failed attempts. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failedAttempts - 1), MAX_RETRY_MS);
}

const keyOf = (at: Date) => new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString();
export const romeIso = (d: Date) => DateTime.fromJSDate(d, { zone: ZONE }).toISO({ suppressMilliseconds: true })!;
const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 500);

export class JobRunner {
  private readonly crons = new Map<string, Cron>();
  private readonly pending = new Map<string, PendingRetry>();
  private readonly chains = new Map<string, Promise<unknown>>();
  private readonly instanceId: string;
  private readonly runs: Counter<'job' | 'outcome'>;
  private running = false;
  private loopDone: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private cursor: Date | undefined;
  private lastSweep = 0;
  private exclusiveTail: Promise<unknown> = Promise.resolve();

  constructor(private readonly opts: JobRunnerOptions) {
    for (const [id, expr] of Object.entries(opts.schedules ?? {})) {
      if (!opts.jobs.some((j) => j.id === id)) continue;
      if (!validCron(expr)) throw new ConfigError(`SCHEDULE_${id.toUpperCase().replace(/-/g, '_')}: espressione cron non valida «${expr}»`);
    }
    for (const job of opts.jobs) this.crons.set(job.id, cronOf(this.cronOf(job)));
    this.instanceId = opts.instanceId ?? `runner-${process.pid}`;
    const registers = opts.registry ? [opts.registry] : [];
    this.runs = new Counter({
      name: 'reti_job_runs_total',
      help: 'Scheduled job runs by outcome (ok, failed: tried again later, abandoned: failed until its next tick)',
      labelNames: ['job', 'outcome'],
      registers,
    });
    const pending = this.pending;
    new Gauge({
      name: 'reti_job_ticks_awaiting_retry',
      help: 'Scheduled ticks whose run failed and will be tried again',
      labelNames: ['job'],
      registers,
      collect() {
        this.reset();
        for (const p of pending.values()) this.inc({ job: p.job.id });
      },
    });
  }

  list(): { id: string; description: string; cron: string }[] {
    return this.opts.jobs.map((j) => ({ id: j.id, description: j.description, cron: this.cronOf(j) }));
  }

  private cronOf(job: JobSpec): string {
    return this.opts.schedules?.[job.id] ?? job.cron;
  }

  private spec(id: string): JobSpec {
    const job = this.opts.jobs.find((j) => j.id === id);
    if (!job) throw new UnknownJobError(`Job sconosciuto «${id}». Job disponibili: ${this.opts.jobs.map((j) => j.id).join(', ') || 'nessuno'}`);
    return job;
  }

  /** Runs a job now, outside its schedule (idempotent: what its last run sent is not sent again). */
  async run(id: string, trigger: 'schedule' | 'manual' = 'manual', now?: Date): Promise<JobResult> {
    const job = this.spec(id);
    const { db, clock, logger, services } = this.opts;
    const started = performance.now();
    const result = await job.run({ db, clock, now: now ?? clock.now(), logger: logger.child({ job: id }), services, trigger });
    logger.info({ job: id, trigger, ms: Math.round(performance.now() - started), ...result }, 'job finished');
    this.opts.afterRun?.();
    return result;
  }

  /** The ticks of every job in (from, to], in time order. */
  ticksBetween(from: Date, to: Date): Generator<Tick> {
    return ticksBetween(
      this.opts.jobs.map((j) => ({ job: j.id, cron: this.crons.get(j.id)! })),
      from,
      to,
    );
  }

  /** Ticks whose run failed and that will be tried again. */
  awaitingRetry(): { job: string; at: Date; retryAt: Date; attempts: number }[] {
    return [...this.pending.values()].map((p) => ({ job: p.job.id, at: p.at, retryAt: p.retryAt, attempts: p.attempts }));
  }

  /**
   * Fires every tick in (from, to] and every retry falling due up to `to`, one at a time in time
   * order (a retry before a tick at the same time).
   */
  async processBetween(from: Date, to: Date, opts: ProcessOptions = {}): Promise<TickReport[]> {
    const reports: TickReport[] = [];
    const ticks = this.ticksBetween(from, to);
    let tick = ticks.next();
    let cursor = from;
    for (;;) {
      const retry = this.nextRetry(to);
      const next = tick.done ? undefined : tick.value;
      if (!retry && !next) break;
      let report: TickReport;
      if (retry && (!next || retry.retryAt.getTime() <= next.at.getTime())) {
        const when = new Date(Math.max(retry.retryAt.getTime(), cursor.getTime()));
        await opts.setClock?.(when);
        cursor = when;
        report = await this.retry(retry);
      } else {
        await opts.setClock?.(next!.at);
        cursor = next!.at;
        report = await this.fire(this.spec(next!.job), next!.at);
        tick = ticks.next();
      }
      if (report.outcome === 'ok' && opts.settle) report.messages = await opts.settle();
      reports.push(report);
      await opts.onEvent?.(report);
    }
    return reports;
  }

  private nextRetry(to: Date): PendingRetry | undefined {
    let best: PendingRetry | undefined;
    for (const p of this.pending.values()) if (p.retryAt.getTime() <= to.getTime() && (!best || p.retryAt.getTime() < best.retryAt.getTime())) best = p;
    return best;
  }

  /** One scheduled tick; `at` is the tick's own time, the same on every replica. */
  async fire(job: JobSpec, at: Date): Promise<TickReport> {
    const now = this.opts.clock.now();
    try {
      // One statement (this runs for every tick the test clock crosses).
      const count = await this.opts.db.$executeRaw`
        INSERT INTO job_run (job, key, started_at, attempts, locked_by, locked_until, retry_at)
        VALUES (${job.id}, ${keyOf(at)}, ${now}, 1, ${this.instanceId}, ${new Date(Date.now() + LOCK_MS)}, ${new Date(now.getTime() + retryDelayMs(1))})
        ON CONFLICT (job, key) DO NOTHING`;
      if (count === 0) return this.report(job, at, now, 1, 'taken'); // another replica took this tick
    } catch (err) {
      return this.failed(job, at, 1, err);
    }
    return this.execute(job, at, 1, at);
  }

  /** Tries a failed or interrupted tick again, unless its next tick has come. */
  private async retry(p: PendingRetry): Promise<TickReport> {
    const { db, clock } = this.opts;
    const now = clock.now();
    const key = keyOf(p.at);
    const next = nextTick(this.crons.get(p.job.id)!, p.at);
    if (next && now.getTime() >= next.getTime()) return this.abandon(p.job, p.at, p.attempts, 'è arrivato il tick successivo');
    let attempt: number;
    try {
      // The first attempt may not have been able to write its row (the database was down).
      await db.jobRun.createMany({ data: [{ job: p.job.id, key, startedAt: now, attempts: p.attempts, retryAt: now }], skipDuplicates: true });
      const row = await db.jobRun.findUniqueOrThrow({ where: { job_key: { job: p.job.id, key } } });
      if (row.finishedAt || row.retryAt === null || (row.lockedUntil && row.lockedUntil.getTime() > Date.now())) {
        // Done, given up, or being run by another replica: not ours any more.
        this.pending.delete(`${p.job.id}|${key}`);
        return this.report(p.job, p.at, now, row.attempts, 'taken');
      }
      attempt = Math.max(row.attempts, p.attempts) + 1;
      const { count } = await db.jobRun.updateMany({
        where: { id: row.id, attempts: row.attempts, finishedAt: null },
        data: {
          attempts: attempt,
          lockedBy: this.instanceId,
          lockedUntil: new Date(Date.now() + LOCK_MS),
          retryAt: new Date(now.getTime() + retryDelayMs(attempt)),
        },
      });
      if (count === 0) {
        this.pending.delete(`${p.job.id}|${key}`);
        return this.report(p.job, p.at, now, attempt, 'taken');
      }
    } catch (err) {
      return this.failed(p.job, p.at, p.attempts + 1, err);
    }
    return this.execute(p.job, p.at, attempt, now);
  }

  private async execute(job: JobSpec, at: Date, attempt: number, runNow: Date): Promise<TickReport> {
    const { db, clock } = this.opts;
    const key = keyOf(at);
    const renew = setInterval(() => {
      void db.jobRun
        .updateMany({ where: { job: job.id, key, lockedBy: this.instanceId, finishedAt: null }, data: { lockedUntil: new Date(Date.now() + LOCK_MS) } })
        .catch(() => {});
    }, LOCK_MS / 3);
    renew.unref();
    try {
      const result = await this.run(job.id, 'schedule', runNow);
      // If this write fails the run counts as failed and is repeated: harmless, jobs are idempotent.
      await db.$executeRaw`
        UPDATE job_run SET finished_at = ${clock.now()}, result = ${JSON.stringify(result)}::jsonb, retry_at = NULL, locked_by = NULL, locked_until = NULL, error = NULL
        WHERE job = ${job.id} AND key = ${key}`;
      this.pending.delete(`${job.id}|${key}`);
      this.runs.inc({ job: job.id, outcome: 'ok' });
      if (attempt > 1) this.opts.logger.info({ job: job.id, tick: at.toISOString(), attempt }, 'scheduled job succeeded on retry');
      return { ...this.report(job, at, runNow, attempt, 'ok'), result };
    } catch (err) {
      return this.failed(job, at, attempt, err);
    } finally {
      clearInterval(renew);
    }
  }

  private async failed(job: JobSpec, at: Date, attempt: number, err: unknown): Promise<TickReport> {
    const now = this.opts.clock.now();
    const retryAt = new Date(now.getTime() + retryDelayMs(attempt));
    const next = nextTick(this.crons.get(job.id)!, at);
    this.runs.inc({ job: job.id, outcome: 'failed' });
    if (next && retryAt.getTime() >= next.getTime()) {
      this.opts.logger.error({ err, job: job.id, tick: at.toISOString(), attempt }, 'scheduled job failed');
      return this.abandon(job, at, attempt, errorText(err));
    }
    const key = keyOf(at);
    this.pending.set(`${job.id}|${key}`, { job, at, retryAt, attempts: attempt });
    this.opts.logger.error(
      { err, job: job.id, tick: at.toISOString(), attempt, retryAt: retryAt.toISOString() },
      'scheduled job failed: it will be tried again',
    );
    await this.opts.db.jobRun
      .updateMany({ where: { job: job.id, key, finishedAt: null }, data: { lockedBy: null, lockedUntil: null, retryAt, error: errorText(err) } })
      .catch(() => {});
    return { ...this.report(job, at, now, attempt, 'failed'), error: errorText(err), retryAt: romeIso(retryAt) };
  }

  private async abandon(job: JobSpec, at: Date, attempts: number, why: string): Promise<TickReport> {
    const key = keyOf(at);
    this.pending.delete(`${job.id}|${key}`);
    this.runs.inc({ job: job.id, outcome: 'abandoned' });
    this.opts.logger.error({ job: job.id, tick: at.toISOString(), attempts, why }, 'scheduled job abandoned: its next tick has come');
    await this.opts.db.jobRun
      .updateMany({ where: { job: job.id, key, finishedAt: null }, data: { lockedBy: null, lockedUntil: null, retryAt: null, error: why.slice(0, 500) } })
      .catch(() => {});
    return { ...this.report(job, at, this.opts.clock.now(), attempts, 'abandoned'), error: why };
  }

  private report(job: JobSpec, at: Date, ranAt: Date, attempt: number, outcome: TickReport['outcome']): TickReport {
    return { job: job.id, at: romeIso(at), ranAt: romeIso(ranAt), attempt, outcome };
  }

  /** Takes up the ticks other replicas left failed or unfinished (a dead replica's claim expired). */
  async sweep(): Promise<void> {
    const rows = await this.opts.db.jobRun.findMany({
      where: { finishedAt: null, retryAt: { not: null }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: new Date() } }] },
      orderBy: { retryAt: 'asc' },
      take: 200,
    });
    for (const r of rows) {
      const job = this.opts.jobs.find((j) => j.id === r.job);
      const at = new Date(r.key);
      if (!job || Number.isNaN(at.getTime())) continue;
      const id = `${job.id}|${r.key}`;
      if (!this.pending.has(id)) this.pending.set(id, { job, at, retryAt: r.retryAt!, attempts: r.attempts });
    }
  }

  /** Runs `fn` alone among this runner's schedule work (the test clock's advances and its background ticks). */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.exclusiveTail.then(fn, fn);
    this.exclusiveTail = result.catch(() => {});
    return result;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.cursor = this.opts.clock.now();
    this.loopDone = this.loop();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let wait = SWEEP_MS;
      try {
        if (Date.now() - this.lastSweep >= SWEEP_MS) {
          this.lastSweep = Date.now();
          await this.sweep().catch((err) => this.opts.logger.warn({ err }, 'job retry sweep failed'));
        }
        wait = isDatabaseClock(this.opts.clock) ? (await this.testClockStep(), TEST_CLOCK_POLL_MS) : this.realClockStep();
      } catch (err) {
        this.opts.logger.error({ err }, 'scheduler loop error');
      }
      if (!this.running) break;
      await new Promise<void>((resolve) => {
        const t = setTimeout(done, wait);
        function done() {
          clearTimeout(t);
          resolve();
        }
        this.wake = done;
      });
    }
  }

  /** Real time: each due tick runs on its own job's chain (a slow job delays only itself). Returns ms to sleep. */
  private realClockStep(): number {
    const now = this.opts.clock.now();
    for (const t of this.ticksBetween(this.cursor!, now)) this.enqueue(t.job, () => this.fire(this.spec(t.job), t.at));
    for (const p of [...this.pending.values()])
      if (p.retryAt.getTime() <= now.getTime()) {
        p.retryAt = new Date(8.64e15); // taken: not picked again while it runs
        this.enqueue(p.job.id, () => this.retry(p));
      }
    this.cursor = now;
    let next = now.getTime() + SWEEP_MS;
    for (const cron of this.crons.values()) next = Math.min(next, nextTick(cron, now)?.getTime() ?? Infinity);
    for (const p of this.pending.values()) next = Math.min(next, p.retryAt.getTime());
    return Math.max(20, Math.min(next - now.getTime(), SWEEP_MS));
  }

  private enqueue(jobId: string, run: () => Promise<unknown>): void {
    const prev = this.chains.get(jobId) ?? Promise.resolve();
    const p = prev.then(run).catch((err) => this.opts.logger.error({ err, job: jobId }, 'scheduled job failed'));
    this.chains.set(jobId, p);
    void p.then(() => {
      if (this.chains.get(jobId) === p) this.chains.delete(jobId);
    });
  }

  /** Test clock: one replica at a time fires what fell due since the last tick fired (by any replica). */
  private async testClockStep(): Promise<void> {
    const clock = this.opts.clock;
    if (!isDatabaseClock(clock)) return;
    await this.exclusive(async () => {
      const { db } = this.opts;
      if (!(await tryLease(db, CLOCK_LEASE, this.instanceId, new Date(), 30_000))) return;
      try {
        await clock.refresh();
        const now = clock.now();
        let from = await clock.firedThrough();
        if (now.getTime() - from.getTime() > TEST_CLOCK_MAX_CATCH_UP_MS) {
          this.opts.logger.warn({ from: from.toISOString(), now: now.toISOString() }, 'test clock: ticks older than a day skipped');
          from = new Date(now.getTime() - TEST_CLOCK_MAX_CATCH_UP_MS);
        }
        const reports = await this.processBetween(from, now);
        if (reports.length > 0 || now.getTime() - from.getTime() > 60_000) await clock.markFired(now);
      } finally {
        await releaseLease(db, CLOCK_LEASE, this.instanceId).catch(() => {});
      }
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loopDone;
    await Promise.allSettled([...this.chains.values()]);
    await this.exclusiveTail;
  }
}
