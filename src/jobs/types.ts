import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../log.js';
import type { Services } from '../services.js';

export interface JobContext {
  db: Db;
  clock: Clock;
  now: Date;
  logger: Logger;
  services: Services;
  /** How the run was started. */
  trigger: 'schedule' | 'manual';
}

/** What a run did, printed by the CLI and returned by POST /admin/jobs/NAME. */
export type JobResult = Record<string, number | string | boolean>;

export interface JobSpec {
  /** kebab-case id: "checkin-open". Its schedule can be changed with SCHEDULE_CHECKIN_OPEN. */
  id: string;
  /** Italian, one line. */
  description: string;
  /** Default cron expression, read in Europe/Rome. */
  cron: string;
  /** Idempotent: only enqueues work under dedupe keys, so running it twice sends nothing new. */
  run(ctx: JobContext): Promise<JobResult>;
}

export function defineJob(spec: JobSpec): JobSpec {
  return spec;
}
