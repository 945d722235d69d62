// The check-in service jobs and the chat reach through `services.checkins`: the schedule's
// settings and the platforms, bound once, for the weekly opening and the reminders.
import type { Db, Tx } from '../../db/client.js';
import type { JobResult } from '../../jobs/types.js';
import type { Logger } from '../../log.js';
import type { Platforms } from '../../services.js';
import { goodPracticesFromCheckins, type CheckinQuestionSource, type GoodPracticeFromCheckin } from './hooks.js';
import { OPEN_CRON } from './period.js';
import { openWeek, promptDeferred, remind } from './schedule.js';

export interface CheckinService {
  /** Cron of the opening job (SCHEDULE_CHECKIN_OPEN): rounds close when the next one opens. */
  readonly openCron: string;
  /** Job checkin-open: closes the previous rounds, opens this week's, prompts every referent. */
  openWeek(now: Date, logger?: Logger): Promise<JobResult>;
  /** Job checkin-deferred: the prompts a holiday moved to today. */
  promptDeferred(now: Date, logger?: Logger): Promise<JobResult>;
  /** Job checkin-remind. */
  remind(now: Date, logger?: Logger): Promise<JobResult>;
  /** Good practices written in check-ins (hook for the good-practice library). */
  goodPractices(tx: Tx, query: { period?: string; since?: Date; networkId?: number }): Promise<GoodPracticeFromCheckin[]>;
  /** Questions other capabilities add after the indicators (their `checkinQuestions`). */
  readonly questionSources: CheckinQuestionSource[];
}

export interface CheckinDeps {
  db: Db;
  platforms: Platforms;
  openCron?: string;
  questionSources?: CheckinQuestionSource[];
}

export function createCheckinService(deps: CheckinDeps): CheckinService {
  const schedule = { db: deps.db, openCron: deps.openCron ?? OPEN_CRON, platforms: deps.platforms, sources: deps.questionSources ?? [] };
  return {
    openCron: schedule.openCron,
    openWeek: (now, logger) => openWeek(schedule, now, logger),
    promptDeferred: (now, logger) => promptDeferred(schedule, now, logger),
    remind: (now, logger) => remind(schedule, now, logger),
    goodPractices: goodPracticesFromCheckins,
    questionSources: deps.questionSources ?? [],
  };
}
