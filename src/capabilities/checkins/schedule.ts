// The two scheduled steps of the weekly cycle, in batches of networks (memory stays flat with
// thousands of networks): opening the week (close the previous rounds, open this week's, prompt every
// referent) and reminding the networks that have not sent their check-in.
import type { Db } from '../../db/client.js';
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

export async function openWeek(deps: ScheduleDeps, now: Date, logger?: Logger): Promise<JobResult> {
  const { db } = deps;
  const period = isoWeek(now);
  await installDefaultIndicators(db);
  const closed = await closeRounds(db, period, now);
  const opened = await openRounds(db, period, now, closingTime(period, deps.openCron));
  const options: PromptOptions = {
    kind: 'open',
    now,
    slot: period,
    questions: await questionCounter(db),
    sources: deps.sources ?? [],
    ...platformOptions(deps.platforms),
  };
  const total: PromptCounts = { prompts: 0, groupAsks: 0, unreachable: 0 };
  let cursor = 0;
  for (;;) {
    const rounds: PromptRound[] = await db.checkinRound.findMany({
      where: { period, status: 'open', completedAt: null, networkId: { gt: cursor }, network: { active: true } },
      orderBy: { networkId: 'asc' },
      take: BATCH,
      select: roundSelect,
    });
    if (rounds.length === 0) break;
    cursor = rounds.at(-1)!.networkId;
    add(total, await db.$transaction((tx) => promptRounds(tx, rounds, options), { timeout: 120_000, maxWait: 60_000 }));
    logger?.debug({ period, networks: rounds.length, upToNetwork: cursor, ...total }, 'checkin-open: batch done');
  }
  return { period, opened, closed, ...total };
}

/**
 * Reminds the networks whose round is open and not completed: not on the day it opened, not on the
 * day it closes, at most once a day per network (a conditional update claims the round for today,
 * so two runs, or two replicas, never both remind).
 */
export async function remind(deps: ScheduleDeps, now: Date, logger?: Logger): Promise<JobResult> {
  const { db } = deps;
  const today = romeDay(now);
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
              AND r.opened_at < ${startOfDay(now)} AND r.closes_at >= ${startOfNextDay(now)}
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
