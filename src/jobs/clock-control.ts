// Moving the test clock forward (POST /admin/clock, npm run reti -- clock, the console's :avanza
// and :vai). Every tick that falls due in between fires in time order, each run seeing its own tick
// time as now, and the messages each queued are handed to the platforms before the next one runs;
// the answer lists the ticks and what each did. One advance at a time across replicas (a lease).
import { DateTime, Duration } from 'luxon';
import type { AdjustableClock } from '../clock.js';
import type { Db } from '../db/client.js';
import { releaseLease, tryLease } from '../db/lease.js';
import type { Logger } from '../log.js';
import { enqueued } from '../outbox/enqueue.js';
import type { OutboxWorker } from '../outbox/worker.js';
import { isDatabaseClock } from '../test-clock.js';
import { formatDateTime, parseItalianDateTime, ZONE } from '../time.js';
import { CLOCK_LEASE, romeIso, type JobRunner, type TickReport } from './runner.js';

export const MAX_ADVANCE_DAYS = 400;
const DAY = 86_400_000;
/** Ticks listed one by one in an answer; beyond, only counted per job. */
const LISTED = 1_000;
const SETTLE_TIMEOUT_MS = 60_000;

/** A request the clock refuses: an Italian message and the HTTP status. */
export class ClockRefusal extends Error {
  constructor(
    message: string,
    readonly status: 400 | 409,
  ) {
    super(message);
    this.name = 'ClockRefusal';
  }
}

export interface AdvanceRequest {
  /** ISO 8601 duration ("P2DT1H") or short form ("2d", "3h", "1d2h", "30m"). */
  advance?: unknown;
  /** ISO 8601 ("2027-01-04T09:00:00+01:00"; without offset: Europe/Rome) or "2027-01-04 09:00". */
  to?: unknown;
}

export interface AdvanceReport {
  from: string;
  now: string;
  /** Ticks and retries run, in order (the first 1,000). */
  ticks: TickReport[];
  total: number;
  /** How many ticks each job ran. */
  byJob: Record<string, number>;
  /** Ticks whose run failed and that will be tried again (see reti_job_ticks_awaiting_retry). */
  awaitingRetry: { job: string; at: string; retryAt: string }[];
}

export interface ClockControlDeps {
  db: Db;
  clock: AdjustableClock;
  jobs: JobRunner;
  outbox: OutboxWorker;
  logger: Logger;
  instanceId: string;
  /** Platforms with an adapter: messages for others cannot leave, so they are not waited for. */
  platforms(): string[];
}

const SHORT = /^(?:(\d+)\s*(?:w|sett))?\s*(?:(\d+)\s*(?:d|g))?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*(?:m|min))?$/i;

/** "P2DT1H", "2d", "1d 2h", "90m", "1w" → a duration; null when it is none of these. */
export function parseDuration(text: string): Duration | null {
  const s = text.trim();
  if (/^-?P/i.test(s)) {
    const d = Duration.fromISO(s.toUpperCase());
    return d.isValid ? d : null;
  }
  const m = SHORT.exec(s);
  if (!s || !m || m.slice(1).every((v) => v === undefined)) return null;
  return Duration.fromObject({ weeks: Number(m[1] ?? 0), days: Number(m[2] ?? 0), hours: Number(m[3] ?? 0), minutes: Number(m[4] ?? 0) });
}

/** "2027-01-04T09:00:00+01:00", "2027-03-29T09:00" (Europe/Rome), "2027-01-04 09:00", "04/01/2027 09:00". */
export function parseInstant(text: string): Date | null {
  const iso = DateTime.fromISO(text.trim(), { zone: ZONE, setZone: true });
  if (iso.isValid) return iso.toJSDate();
  return parseItalianDateTime(text);
}

export class ClockControl {
  private seenEnqueued = -1;

  constructor(private readonly deps: ClockControlDeps) {}

  get clock(): AdjustableClock {
    return this.deps.clock;
  }

  async show(): Promise<{ now: string; testClock: true }> {
    const clock = this.deps.clock;
    if (isDatabaseClock(clock)) await clock.refresh();
    return { now: romeIso(clock.now()), testClock: true };
  }

  /** The target of a request, or a ClockRefusal saying what is wrong with it. */
  target(req: AdvanceRequest, now: Date): Date {
    const hasAdvance = req.advance !== undefined && req.advance !== null && req.advance !== '';
    const hasTo = req.to !== undefined && req.to !== null && req.to !== '';
    if (hasAdvance === hasTo)
      throw new ClockRefusal(
        'Indica «advance» (una durata, es. P2DT1H oppure 2d) oppure «to» (una data e ora, es. 2027-01-04T09:00:00+01:00), uno dei due.',
        400,
      );
    let target: Date;
    if (hasAdvance) {
      const d = typeof req.advance === 'string' ? parseDuration(req.advance) : null;
      if (!d) throw new ClockRefusal(`«${String(req.advance)}» non è una durata: usa ISO 8601 (es. P2DT1H) oppure 2d, 3h, 30m.`, 400);
      // Days are calendar days in Europe/Rome: P1D from Monday 09:00 is Tuesday 09:00, summer time or not.
      target = DateTime.fromJSDate(now, { zone: ZONE }).plus(d).toJSDate();
    } else {
      const at = typeof req.to === 'string' ? parseInstant(req.to) : null;
      if (!at) throw new ClockRefusal(`«${String(req.to)}» non è una data e ora: usa per esempio 2027-01-04T09:00 (ora di Roma).`, 400);
      target = at;
    }
    // The clock flows: a target in the minute just gone ("to 09:00" at 09:00:07) means "now", not the past.
    if (target.getTime() < now.getTime() && now.getTime() - target.getTime() < 60_000) return now;
    if (target.getTime() < now.getTime())
      throw new ClockRefusal(`L’orologio di prova non torna indietro: ora segna ${formatDateTime(now)} e ${formatDateTime(target)} è nel passato.`, 409);
    if (target.getTime() - now.getTime() > MAX_ADVANCE_DAYS * DAY)
      throw new ClockRefusal(
        `Al massimo ${MAX_ADVANCE_DAYS} giorni per volta: da ${formatDateTime(now)} a ${formatDateTime(target)} sono ` +
          `${Math.floor((target.getTime() - now.getTime()) / DAY)} giorni. Avanza in più passi.`,
        409,
      );
    return target;
  }

  /** Moves the clock forward, firing every tick in between; answers once their messages are handed over. */
  async advance(req: AdvanceRequest): Promise<AdvanceReport> {
    const { db, clock, jobs, logger, instanceId } = this.deps;
    const shared = isDatabaseClock(clock);
    return jobs.exclusive(async () => {
      if (shared) await this.takeLease();
      let reached: Date | undefined;
      try {
        if (shared) await clock.refresh();
        // Ticks other replicas left failed or unfinished are taken up in their turn.
        await jobs.sweep().catch((err) => logger.warn({ err }, 'job retry sweep failed'));
        const now = clock.now();
        const target = this.target(req, now);
        const from = shared ? new Date(Math.min((await clock.firedThrough()).getTime(), now.getTime())) : now;
        if (shared) clock.hold(true);
        const listed: TickReport[] = [];
        const byJob: Record<string, number> = {};
        let total = 0;
        let renewedAt = Date.now();
        await jobs.processBetween(from, target, {
          setClock: (at) => {
            if (at.getTime() <= clock.now().getTime()) return;
            reached = at;
            return shared ? clock.setLocal(at) : clock.set(at);
          },
          settle: () => this.settle(),
          onEvent: async (r) => {
            total++;
            byJob[r.job] = (byJob[r.job] ?? 0) + 1;
            if (listed.length < LISTED) listed.push(r);
            if (shared && Date.now() - renewedAt > 5_000) {
              renewedAt = Date.now();
              await tryLease(db, CLOCK_LEASE, instanceId, new Date(), 60_000);
            }
          },
        });
        if (shared) await clock.set(target, target);
        else await clock.set(target);
        reached = undefined;
        logger.info({ from: from.toISOString(), to: target.toISOString(), ticks: total }, 'test clock advanced');
        return {
          from: romeIso(from),
          now: romeIso(target),
          ticks: listed,
          total,
          byJob,
          awaitingRetry: jobs.awaitingRetry().map((p) => ({ job: p.job, at: romeIso(p.at), retryAt: romeIso(p.retryAt) })),
        };
      } finally {
        if (shared) {
          // Interrupted half way: keep the time reached, so nothing that ran is fired again.
          if (reached) await clock.set(reached, reached).catch(() => {});
          clock.hold(false);
          await releaseLease(db, CLOCK_LEASE, instanceId).catch(() => {});
        }
      }
    });
  }

  private async takeLease(): Promise<void> {
    const { db, instanceId } = this.deps;
    const until = Date.now() + 30_000;
    while (!(await tryLease(db, CLOCK_LEASE, instanceId, new Date(), 60_000))) {
      if (Date.now() > until) throw new ClockRefusal('Un altro avanzamento dell’orologio è in corso: riprova tra poco.', 409);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /**
   * Waits until the messages due now have been handed to the platforms (or failed for good): this
   * replica delivers them if it is the sender, otherwise waits for the replica that is.
   */
  private async settle(): Promise<TickReport['messages']> {
    const { db, outbox, clock, logger } = this.deps;
    // Nothing offered to the outbox since the last wait: nothing to wait for (one query less per tick).
    if (enqueued.count === this.seenEnqueued) return undefined;
    this.seenEnqueued = enqueued.count;
    const due = () =>
      db.outboxMessage.findMany({
        where: { status: { in: ['pending', 'sending'] }, notBefore: { lte: clock.now() }, platform: { in: this.deps.platforms() } },
        select: { id: true },
      });
    try {
      let rows = await due();
      if (rows.length === 0) return undefined;
      const ids = rows.map((r) => r.id);
      const deadline = Date.now() + SETTLE_TIMEOUT_MS;
      while (rows.length > 0 && Date.now() < deadline) {
        await outbox.drain();
        rows = await due();
        if (rows.length > 0) await new Promise((r) => setTimeout(r, 100));
      }
      const counts = await db.outboxMessage.groupBy({ by: ['status'], where: { id: { in: ids } }, _count: true });
      const of = (s: string) => counts.find((c) => c.status === s)?._count ?? 0;
      return { sent: of('sent'), failed: of('failed'), later: of('pending') + of('sending') };
    } catch (err) {
      logger.warn({ err }, 'test clock: could not wait for the outbox');
      return undefined;
    }
  }
}
