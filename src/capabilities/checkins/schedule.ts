// The two scheduled steps of the weekly cycle, in batches of networks (memory stays flat with
// thousands of networks): opening the week (close the previous rounds, open this week's, prompt every
// referent) and reminding the networks that have not sent their check-in.
import { Prisma, type Db } from '../../db/client.js';
import { monthDay, nationalHoliday, nextWorkingTime } from '../networks/calendar.js';
import { pausedOn } from '../networks/pauses.js';
import type { JobResult } from '../../jobs/types.js';
import type { Logger } from '../../log.js';
import type { Platforms } from '../../services.js';
import { installDefaultIndicators } from './defaults.js';
import { groupAskVia, type GroupAskVia } from './notices.js';
import { closingTime, isoWeek, romeDay, startOfDay, startOfNextDay } from './period.js';
import type { CheckinQuestionSource } from './hooks.js';
import { promptRounds, type PromptCounts, type PromptOptions, type PromptRound } from './prompts.js';
import { closeRounds, openRounds } from './rounds.js';

/** Networks per transaction (× ~5 referents each). */
export const BATCH = 500;

export interface ScheduleDeps {
  db: Db;
  openCron: string;
  platforms: Platforms;
  /** Questions other capabilities add after the indicators. */
  sources?: CheckinQuestionSource[];
}

const roundSelect = {
  id: true,
  networkId: true,
  period: true,
  closesAt: true,
  answeringPersonId: true,
  answeringConversationId: true,
  network: { select: { code: true, name: true } },
} as const;

/** How many questions each network answers: active indicators, those restricted to it included. */
async function questionCounter(db: Db): Promise<(networkId: number) => number> {
  const active = await db.indicator.findMany({ where: { active: true }, select: { networks: { select: { networkId: true } } } });
  const everyone = active.filter((i) => i.networks.length === 0).length;
  const extra = new Map<number, number>();
  for (const i of active) for (const n of i.networks) extra.set(n.networkId, (extra.get(n.networkId) ?? 0) + 1);
  return (networkId) => everyone + (extra.get(networkId) ?? 0);
}

/** What every batch of a run needs to know of the platforms, asked once per run. */
function platformOptions(platforms: Platforms): Pick<PromptOptions, 'platforms' | 'askInGroup'> {
  const connected = platforms.connected();
  const asks = new Map<string, GroupAskVia | null>(connected.map((p) => [p, groupAskVia(platforms, p)]));
  // None connected (a CLI run without platform settings): every prompt is queued for the service.
  return { platforms: connected.length ? connected : undefined, askInGroup: (p) => asks.get(p) ?? null };
}

function add(total: PromptCounts, c: PromptCounts): void {
  total.prompts += c.prompts;
  total.groupAsks += c.groupAsks;
  total.unreachable += c.unreachable;
}

/** The networks with a patron saint's day: their round's prompt moves when the opening falls on it. */
async function patronDueTimes(db: Db, period: string, now: Date, due: Date): Promise<void> {
  const networks = await db.network.findMany({ where: { patronDay: { not: null }, active: true }, select: { id: true, patronDay: true } });
  const moved = new Map<number, number[]>();
  for (const n of networks) {
    const at = nextWorkingTime(now, n.patronDay).getTime();
    if (at !== due.getTime()) moved.set(at, [...(moved.get(at) ?? []), n.id]);
  }
  for (const [at, ids] of moved) {
    await db.checkinRound.updateMany({ where: { period, networkId: { in: ids }, openedAt: now }, data: { promptDueAt: new Date(at) } });
  }
}

/**
 * Prompts the referents of this week's open rounds whose prompt is due: not on a national holiday,
 * nor on a network's patron saint's day, nor while it is paused. `onlyUnprompted`: the daily run
 * for prompts moved by a holiday, which looks only at rounds nobody has been prompted for yet.
 */
async function promptDue(deps: ScheduleDeps, now: Date, onlyUnprompted: boolean, logger?: Logger): Promise<PromptCounts> {
  const { db } = deps;
  const period = isoWeek(now);
  const today = romeDay(now);
  const total: PromptCounts = { prompts: 0, groupAsks: 0, unreachable: 0 };
  if (nationalHoliday(today)) return total;
  const options: PromptOptions = {
    kind: 'open',
    now,
    slot: period,
    questions: await questionCounter(db),
    sources: deps.sources ?? [],
    ...platformOptions(deps.platforms),
  };
  let cursor = 0;
  for (;;) {
    const rounds: PromptRound[] = await db.checkinRound.findMany({
      where: {
        period,
        status: 'open',
        completedAt: null,
        closesAt: { gt: now },
        networkId: { gt: cursor },
        OR: [{ promptDueAt: null }, { promptDueAt: { lte: now } }],
        network: {
          active: true,
          OR: [{ patronDay: null }, { patronDay: { not: monthDay(today) } }],
          pauses: { none: { startsOn: { lte: today }, endsOn: { gte: today } } },
        },
        ...(onlyUnprompted ? { prompts: { none: { kind: 'open' } } } : {}),
      },
      orderBy: { networkId: 'asc' },
      take: BATCH,
      select: roundSelect,
    });
    if (rounds.length === 0) break;
    cursor = rounds.at(-1)!.networkId;
    add(total, await db.$transaction((tx) => promptRounds(tx, rounds, options), { timeout: 120_000, maxWait: 60_000 }));
    logger?.debug({ period, networks: rounds.length, upToNetwork: cursor, ...total }, 'checkin prompts: batch done');
  }
  return total;
}

/**
 * Closes last week's rounds, opens this week's for every active network that is not paused today,
 * and prompts the referents, except where today is a holiday for the network: their prompt goes
 * out the next working day at the same time (job checkin-deferred).
 */
export async function openWeek(deps: ScheduleDeps, now: Date, logger?: Logger): Promise<JobResult> {
  const { db } = deps;
  const period = isoWeek(now);
  await installDefaultIndicators(db);
  const closed = await closeRounds(db, period, now);
  const due = nextWorkingTime(now, null);
  const opened = await openRounds(db, period, now, closingTime(period, deps.openCron), due, romeDay(now));
  if (opened) await patronDueTimes(db, period, now, due);
  const total = await promptDue(deps, now, false, logger);
  const deferred = await db.checkinRound.count({ where: { period, status: 'open', promptDueAt: { gt: now } } });
  return { period, opened, closed, ...total, ...(deferred ? { deferred } : {}) };
}

/** Job checkin-deferred: the prompts a holiday moved to today (nothing to do on other days). */
export async function promptDeferred(deps: ScheduleDeps, now: Date, logger?: Logger): Promise<JobResult> {
  return { period: isoWeek(now), ...(await promptDue(deps, now, true, logger)) };
}

/**
 * Reminds the networks whose round is open and not completed: not on the day its prompt went out
 * (the opening, or the working day a holiday moved it to) nor before, not on the day it closes, not
 * on a national holiday, the network's patron saint's day or while it is paused; at most once a
 * day per network (a conditional update claims the round for today, so two runs, or two replicas,
 * never both remind).
 */
export async function remind(deps: ScheduleDeps, now: Date, logger?: Logger): Promise<JobResult> {
  const { db } = deps;
  const today = romeDay(now);
  if (nationalHoliday(today)) return { day: today, networks: 0, prompts: 0, groupAsks: 0, unreachable: 0, holiday: true };
  const options: PromptOptions = {
    kind: 'reminder',
    now,
    slot: today,
    questions: await questionCounter(db),
    sources: deps.sources ?? [],
    ...platformOptions(deps.platforms),
  };
  const total: PromptCounts = { prompts: 0, groupAsks: 0, unreachable: 0 };
  let networks = 0;
  for (;;) {
    const claimed = await db.$transaction(
      async (tx) => {
        const ids = await tx.$queryRaw<{ id: number }[]>`
          UPDATE checkin_round SET last_reminded_on = ${today}, reminders = reminders + 1
          WHERE id IN (
            SELECT r.id FROM checkin_round r JOIN network n ON n.id = r.network_id
            WHERE n.active AND r.status = 'open' AND r.completed_at IS NULL
              AND coalesce(r.prompt_due_at, r.opened_at) < ${startOfDay(now)} AND r.closes_at >= ${startOfNextDay(now)}
              AND n.patron_day IS DISTINCT FROM ${monthDay(today)} AND NOT ${pausedOn(Prisma.sql`n.id`, today)}
              AND (r.last_reminded_on IS NULL OR r.last_reminded_on <> ${today})
            ORDER BY r.id LIMIT ${BATCH}
            FOR UPDATE OF r SKIP LOCKED)
          RETURNING id`;
        if (ids.length === 0) return 0;
        const rounds = await tx.checkinRound.findMany({ where: { id: { in: ids.map((r) => r.id) } }, orderBy: { id: 'asc' }, select: roundSelect });
        add(total, await promptRounds(tx, rounds, options));
        return rounds.length;
      },
      { timeout: 120_000, maxWait: 60_000 },
    );
    if (claimed === 0) break;
    networks += claimed;
    logger?.debug({ day: today, networks, ...total }, 'checkin-remind: batch done');
  }
  return { day: today, networks, ...total };
}
