// Runs jobs on their schedule (node-cron, Europe/Rome) and on demand (CLI, POST /admin/jobs/NAME).
// Every replica schedules every job; a JobRun row keyed by job and scheduled minute lets exactly
// one replica run each tick. The jobs themselves are idempotent by dedupe keys, so a manual run on
// top of a scheduled one sends nothing twice.
import cron, { type ScheduledTask } from 'node-cron';
import type { Clock } from '../clock.js';
import { ConfigError } from '../config.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../log.js';
import type { Services } from '../services.js';
import { ZONE } from '../time.js';
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
}

export class JobRunner {
  private tasks: ScheduledTask[] = [];
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly opts: JobRunnerOptions) {
    for (const [id, expr] of Object.entries(opts.schedules ?? {})) {
      if (!opts.jobs.some((j) => j.id === id)) continue;
      if (!cron.validate(expr)) throw new ConfigError(`SCHEDULE_${id.toUpperCase().replace(/-/g, '_')}: espressione cron non valida «${expr}»`);
    }
  }

  list(): { id: string; description: string; cron: string }[] {
    return this.opts.jobs.map((j) => ({ id: j.id, description: j.description, cron: this.cronOf(j) }));
  }

  private cronOf(job: JobSpec): string {
    return this.opts.schedules?.[job.id] ?? job.cron;
  }

  async run(id: string, trigger: 'schedule' | 'manual' = 'manual'): Promise<JobResult> {
    const job = this.opts.jobs.find((j) => j.id === id);
    if (!job) throw new UnknownJobError(`Job sconosciuto «${id}». Job disponibili: ${this.opts.jobs.map((j) => j.id).join(', ') || 'nessuno'}`);
    const { db, clock, logger, services } = this.opts;
    const started = Date.now();
    const result = await job.run({ db, clock, now: clock.now(), logger: logger.child({ job: id }), services, trigger });
    logger.info({ job: id, trigger, ms: Date.now() - started, ...result }, 'job finished');
    this.opts.afterRun?.();
    return result;
  }

  start(): void {
    for (const job of this.opts.jobs) {
      const task = cron.schedule(this.cronOf(job), (context) => void this.tick(job, context.date), { timezone: ZONE, name: job.id, noOverlap: true });
      this.tasks.push(task);
    }
  }

  /** One scheduled tick; `scheduled` is the tick's own time, the same on every replica. */
  async tick(job: JobSpec, scheduled: Date): Promise<void> {
    const minute = new Date(Math.floor(scheduled.getTime() / 60_000) * 60_000).toISOString();
    const p = (async () => {
      const { count } = await this.opts.db.jobRun.createMany({ data: [{ job: job.id, key: minute }], skipDuplicates: true });
      if (count === 0) return; // another replica took this tick
      const result = await this.run(job.id, 'schedule');
      await this.opts.db.jobRun.updateMany({ where: { job: job.id, key: minute }, data: { finishedAt: new Date(), result } });
    })().catch((err) => this.opts.logger.error({ err, job: job.id }, 'scheduled job failed'));
    this.running.add(p);
    await p;
    this.running.delete(p);
  }

  async stop(): Promise<void> {
    for (const t of this.tasks) await t.stop();
    this.tasks = [];
    await Promise.allSettled([...this.running]);
  }
}
