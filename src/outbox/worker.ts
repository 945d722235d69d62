// Delivers the outbox. One replica at a time sends (it holds the "outbox-sender" lease): platform
// limits are per bot, so parallel senders would only share the same budget and race each other.
// Rows are claimed with a conditional UPDATE … FOR UPDATE SKIP LOCKED, so even two senders (a
// lease lost during a long pause) never claim the same row. Pacing per platform and per chat uses
// Bottleneck; 429s pause the platform or the chat for exactly the time asked.
// A replica that takes the lease over takes over at once the rows the previous sender had claimed
// (holding the lease proves that sender is gone): they are marked `taken_over` and, where the
// platform can tell (Slack message metadata), looked up before being sent again.
import Bottleneck from 'bottleneck';
import type { Db, Tx } from '../db/client.js';
import { releaseLease, tryLease } from '../db/lease.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import { DeliveryError, type DeliveryContext, type PlatformAdapter } from '../platform/port.js';
import type { StoredPayload } from './enqueue.js';
import { SlidingWindow } from './sliding-window.js';

export interface OutboxRow {
  id: bigint;
  dedupeKey: string;
  platform: string;
  workspace: string;
  chatId: string;
  kind: string;
  payload: unknown;
  attempts: number;
  takenOver?: boolean;
  createdAt?: Date;
}

export type FailureListener = (tx: Tx, row: OutboxRow, payload: StoredPayload, error: DeliveryError) => Promise<void>;

export interface OutboxWorkerOptions {
  db: Db;
  adapters: Map<string, PlatformAdapter>;
  clock: Clock;
  logger: Logger;
  metrics?: Metrics;
  instanceId: string;
  maxAttempts?: number;
  pollMs?: number;
  /** How long a claimed row stays ours before another sender may take it (crash recovery). */
  claimTtlMs?: number;
  leaseTtlMs?: number;
}

interface PlatformPacer {
  global: Bottleneck;
  /** No more than globalPerSecond in any second, even right after the event loop was busy. */
  window: SlidingWindow;
  lanes: Bottleneck.Group;
  groupLanes: Bottleneck.Group;
  pausedUntil: number;
}

const LEASE = 'outbox-sender';

export class OutboxWorker {
  private readonly pacers = new Map<string, PlatformPacer>();
  private readonly blockedLanes = new Map<string, number>();
  private readonly listeners = new Map<string, FailureListener[]>();
  private readonly inflight = new Set<Promise<void>>();
  /** Ids of the rows this sender has claimed and not yet marked sent or given back. */
  private readonly mine = new Set<bigint>();
  private running = false;
  private stopping = false;
  private readonly sentBuffer: { id: number; at: string; ext: string | null }[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private leader = false;
  private leaseCheckedAt = 0;
  private wake: (() => void) | undefined;
  private loopDone: Promise<void> | undefined;
  private readonly maxAttempts: number;
  private readonly pollMs: number;
  private readonly claimTtlMs: number;
  private readonly leaseTtlMs: number;

  constructor(private readonly opts: OutboxWorkerOptions) {
    this.maxAttempts = opts.maxAttempts ?? 8;
    this.pollMs = opts.pollMs ?? 500;
    this.claimTtlMs = opts.claimTtlMs ?? 120_000;
    this.leaseTtlMs = opts.leaseTtlMs ?? 15_000;
    for (const adapter of opts.adapters.values()) this.pacers.set(adapter.platform, this.makePacer(adapter));
  }

  private makePacer(adapter: PlatformAdapter): PlatformPacer {
    const { globalPerSecond, perChatIntervalMs, perGroupPerMinute } = adapter.limits;
    return {
      // Exactly the configured rate (flooring the interval sent 333/s for a limit of 300).
      global: new Bottleneck({ minTime: 1000 / globalPerSecond }),
      window: new SlidingWindow(globalPerSecond, 1000),
      lanes: new Bottleneck.Group({ maxConcurrent: 1, minTime: perChatIntervalMs }),
      groupLanes: new Bottleneck.Group({ maxConcurrent: 1, minTime: Math.ceil(60_000 / perGroupPerMinute) }),
      pausedUntil: 0,
    };
  }

  /** Called after delivery fails for good (unreachable or permanent) for rows with this tag ('*' for all). */
  onFailure(tag: string, listener: FailureListener): void {
    this.listeners.set(tag, [...(this.listeners.get(tag) ?? []), listener]);
  }

  /** Wake the loop now (after a transaction enqueued messages). */
  kick(): void {
    this.wake?.();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.loopDone = this.loop();
  }

  /** Stop claiming; wait for in-flight deliveries (each either finishes or is released for later). */
  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    this.kick();
    await this.loopDone;
    await Promise.allSettled([...this.inflight]);
    await this.flushSent();
    if (this.leader) await releaseLease(this.opts.db, LEASE, this.opts.instanceId).catch(() => {});
    this.leader = false;
  }

  /** Deliver everything due now and wait for it (tests, CLI). Returns how many rows were attempted. */
  async drain(): Promise<number> {
    this.stopping = false;
    let total = 0;
    for (;;) {
      if (!(await this.ensureLeader(true))) {
        // Not the sender: still finish what this worker had already claimed.
        await Promise.allSettled([...this.inflight]);
        await this.flushSent();
        return total;
      }
      const claimed = await this.claimAndSchedule(500);
      total += claimed;
      await Promise.allSettled([...this.inflight]);
      await this.flushSent();
      if (claimed === 0 && this.inflight.size === 0) return total;
    }
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      try {
        if (await this.ensureLeader(false)) {
          const room = this.capacity() - this.inflight.size;
          if (room > 0) claimed = await this.claimAndSchedule(room);
        }
      } catch (err) {
        this.opts.logger.error({ err }, 'outbox loop error');
      }
      if (!this.running) break;
      if (claimed === 0 || this.inflight.size >= this.capacity()) await this.sleep(this.pollMs);
    }
  }

  private capacity(): number {
    let perSecond = 0;
    for (const a of this.opts.adapters.values()) perSecond += a.limits.globalPerSecond;
    return Math.max(50, perSecond * 3);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        resolve();
      }
      this.wake = done;
    });
  }

  private async ensureLeader(force: boolean): Promise<boolean> {
    const now = Date.now();
    if (!force && this.leader && now - this.leaseCheckedAt < this.leaseTtlMs / 3) return true;
    if (!force && !this.leader && now - this.leaseCheckedAt < this.pollMs * 4) return false;
    this.leaseCheckedAt = now;
    const held = await tryLease(this.opts.db, LEASE, this.opts.instanceId, new Date(), this.leaseTtlMs);
    const gained = held && !this.leader;
    if (held !== this.leader) this.opts.logger.info({ leader: held }, held ? 'outbox sender: this replica sends' : 'outbox sender: another replica sends');
    this.leader = held;
    if (gained) await this.takeOver();
    else if (held) await this.reclaimStale();
    return held;
  }

  /**
   * The lease just became ours: whoever sent before is gone (it stopped renewing), so every row it
   * had claimed is pending again now, not when its claim expires. Delivered at most once more
   * where the platform can be asked (Slack), at least once elsewhere (see README).
   */
  private async takeOver(): Promise<void> {
    const mine = [...this.mine].map(String);
    const taken = await this.opts.db.$executeRaw`
      UPDATE outbox_message SET status = 'pending', locked_by = NULL, locked_until = NULL, taken_over = true
      WHERE status = 'sending' AND NOT (id::text = ANY(${mine}::text[]))`;
    if (taken > 0) this.opts.logger.warn({ rows: taken }, 'outbox sender: rows claimed by the previous sender taken over');
  }

  /** Rows whose claim expired (a sender that died or stalled): back to pending, looked up before resending. */
  private async reclaimStale(): Promise<void> {
    await this.opts.db.$executeRaw`
      UPDATE outbox_message SET status = 'pending', locked_by = NULL, locked_until = NULL, taken_over = true
      WHERE status = 'sending' AND locked_until < ${this.opts.clock.now()}`;
  }

  private laneKey(row: Pick<OutboxRow, 'platform' | 'workspace' | 'chatId'>): string {
    return `${row.platform}|${row.workspace}|${row.chatId}`;
  }

  private async claimAndSchedule(limit: number): Promise<number> {
    const now = this.opts.clock.now();
    const nowMs = now.getTime();
    for (const [lane, until] of this.blockedLanes) if (until <= nowMs) this.blockedLanes.delete(lane);
    const platforms = [...this.pacers.entries()].filter(([, p]) => p.pausedUntil <= nowMs).map(([name]) => name);
    if (platforms.length === 0) return 0;
    const blocked = [...this.blockedLanes.keys()];
    const until = new Date(nowMs + this.claimTtlMs);
    const rows = await this.opts.db.$queryRaw<OutboxRow[]>`
      UPDATE outbox_message SET status = 'sending', attempts = attempts + 1,
        locked_by = ${this.opts.instanceId}, locked_until = ${until}
      WHERE id IN (
        SELECT id FROM outbox_message
        WHERE status = 'pending' AND not_before <= ${now}
          AND platform = ANY(${platforms}::text[])
          AND NOT ((platform || '|' || workspace || '|' || chat_id) = ANY(${blocked}::text[]))
        ORDER BY id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, dedupe_key AS "dedupeKey", platform, workspace, chat_id AS "chatId", kind, payload, attempts,
        taken_over AS "takenOver", created_at AS "createdAt"`;
    rows.sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const row of rows) this.mine.add(row.id);
    for (const row of rows) this.schedule(row);
    return rows.length;
  }

  private schedule(row: OutboxRow): void {
    const pacer = this.pacers.get(row.platform)!;
    const adapter = this.opts.adapters.get(row.platform)!;
    const lane = this.laneKey(row);
    const group = adapter.isGroupChat?.(row.chatId) ? pacer.groupLanes : pacer.lanes;
    const job = group
      .key(lane)
      .schedule(() => pacer.global.schedule(() => this.deliver(row, adapter, lane)))
      .catch((err) => this.opts.logger.error({ err, id: String(row.id) }, 'outbox delivery crashed'));
    const tracked = job.finally(() => this.inflight.delete(tracked));
    this.inflight.add(tracked);
  }

  private async deliver(row: OutboxRow, adapter: PlatformAdapter, lane: string): Promise<void> {
    const blockedUntil = this.blockedLanes.get(lane) ?? 0;
    const pausedUntil = this.pacers.get(row.platform)!.pausedUntil;
    const waitUntil = Math.max(blockedUntil, pausedUntil);
    const nowMs = this.opts.clock.now().getTime();
    if (waitUntil > nowMs || this.stopping) {
      // An earlier message of this chat is waiting for a retry, the platform asked us to wait, or
      // we are shutting down: give the row back, so order and the platform's request are respected.
      await this.release(row, new Date(Math.max(waitUntil, nowMs)), false);
      return;
    }
    const payload = row.payload as StoredPayload;
    const context: DeliveryContext = { ref: String(row.id), queuedAt: row.createdAt ?? new Date(0) };
    try {
      if (row.takenOver && adapter.findDelivered) {
        const found = await adapter.findDelivered(payload.delivery, context).catch((err: unknown) => {
          this.opts.logger.warn({ err, id: String(row.id) }, 'outbox: could not check whether a taken-over message was delivered; sending it');
          return undefined;
        });
        if (found) {
          this.opts.logger.info({ id: String(row.id), platform: row.platform }, 'outbox: taken-over message already delivered, not sent again');
          this.markSent(row, found.messageId ?? null);
          return;
        }
      }
      const answered = await this.pacers.get(row.platform)!.window.take();
      const result = await adapter.deliver(payload.delivery, context).finally(answered);
      this.markSent(row, result.messageId ?? null);
      this.opts.metrics?.sent.inc({ platform: row.platform });
      if (result.movedTo && result.movedTo !== row.chatId) {
        await this.chatMoved(row, result.movedTo).catch((err: unknown) =>
          this.opts.logger.error({ err, id: String(row.id) }, 'outbox: could not follow a moved chat'),
        );
      }
    } catch (err) {
      await this.failed(row, payload, lane, err);
    }
  }

  /**
   * Delivered rows are marked sent in small batches (one UPDATE per ~25 ms instead of one per
   * message: on the embedded database the sender shares its thread with PostgreSQL). Until then
   * the row stays claimed by this sender, so nobody else sends it.
   */
  private markSent(row: OutboxRow, externalId: string | null): void {
    this.sentBuffer.push({ id: Number(row.id), at: this.opts.clock.now().toISOString(), ext: externalId });
    if (this.sentBuffer.length >= 200) void this.flushSent();
    else this.flushTimer ??= setTimeout(() => void this.flushSent(), 25);
  }

  private flushSent(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const batch = this.sentBuffer.splice(0);
    if (!batch.length) return this.flushing;
    this.flushing = this.flushing.then(async () => {
      try {
        await this.opts.db.$executeRaw`
          UPDATE outbox_message o SET status = 'sent', sent_at = v.at, external_id = v.ext,
            locked_by = NULL, locked_until = NULL, last_error = NULL
          FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) AS v(id bigint, at timestamptz, ext text)
          WHERE o.id = v.id`;
      } catch (err) {
        this.opts.logger.error({ err, rows: batch.length }, 'outbox: could not mark delivered rows, retrying');
        this.sentBuffer.unshift(...batch);
        this.flushTimer ??= setTimeout(() => void this.flushSent(), 1000);
        return;
      }
      for (const row of batch) this.mine.delete(BigInt(row.id));
    });
    return this.flushing;
  }

  private async release(row: OutboxRow, notBefore: Date, countAttempt: boolean, error?: string): Promise<void> {
    await this.opts.db.$executeRaw`
      UPDATE outbox_message SET status = 'pending', not_before = ${notBefore}, locked_by = NULL, locked_until = NULL,
        attempts = attempts - ${countAttempt ? 0 : 1}, last_error = COALESCE(${error ?? null}, last_error)
      WHERE id = ${row.id}`;
    this.mine.delete(row.id);
  }

  /**
   * The platform moved the chat (a Telegram group became a supergroup): the channel follows it, and
   * so do the messages still queued for the old id.
   */
  private async chatMoved(row: OutboxRow, to: string): Promise<void> {
    const { platform, workspace, chatId: from } = row;
    await this.opts.db.$transaction([
      this.opts.db.$executeRaw`
        UPDATE channel SET chat_id = ${to} WHERE platform = ${platform} AND workspace = ${workspace} AND chat_id = ${from}
          AND NOT EXISTS (SELECT 1 FROM channel c WHERE c.platform = ${platform} AND c.workspace = ${workspace} AND c.chat_id = ${to})`,
      this.opts.db.$executeRaw`
        UPDATE outbox_message SET chat_id = ${to}, payload = jsonb_set(payload, '{delivery,to,chatId}', to_jsonb(${to}::text))
        WHERE platform = ${platform} AND workspace = ${workspace} AND chat_id = ${from} AND status = 'pending' AND kind = 'send'`,
    ]);
    this.opts.logger.warn({ platform, from, to }, 'the platform moved a chat to a new id: channel and queued messages follow it');
  }

  private async failed(row: OutboxRow, payload: StoredPayload, lane: string, err: unknown): Promise<void> {
    const error = err instanceof DeliveryError ? err : new DeliveryError('transient', err instanceof Error ? err.message : String(err));
    this.opts.metrics?.failures.inc({ platform: row.platform, kind: error.kind });
    const log = this.opts.logger.child({ id: String(row.id), platform: row.platform, chat: row.chatId, kind: error.kind });
    if (error.kind === 'rate_limited') {
      const wait = Math.max(error.retryAfterMs ?? 1000, 100);
      const until = this.opts.clock.now().getTime() + wait;
      if (error.scope === 'bot') {
        const pacer = this.pacers.get(row.platform)!;
        pacer.pausedUntil = Math.max(pacer.pausedUntil, until);
      }
      this.blockedLanes.set(lane, Math.max(this.blockedLanes.get(lane) ?? 0, until));
      log.warn({ retryAfterMs: wait, scope: error.scope }, 'rate limited by the platform: waiting as asked');
      await this.release(row, new Date(until), false, error.message);
      return;
    }
    if (error.kind === 'transient' && row.attempts < this.maxAttempts) {
      const backoff = Math.min(1000 * 2 ** (row.attempts - 1), 10 * 60_000) * (0.75 + Math.random() / 2);
      const until = this.opts.clock.now().getTime() + backoff;
      this.blockedLanes.set(lane, until);
      log.warn({ err: error.message, attempts: row.attempts, backoffMs: Math.round(backoff) }, 'delivery failed: will retry');
      await this.release(row, new Date(until), true, error.message);
      return;
    }
    log.error({ err: error.message, attempts: row.attempts }, 'delivery failed for good');
    const listeners = [...(this.listeners.get('*') ?? []), ...(payload.tag ? (this.listeners.get(payload.tag) ?? []) : [])];
    await this.opts.db.$transaction(async (tx) => {
      await tx.$executeRaw`
        UPDATE outbox_message SET status = 'failed', last_error = ${`${error.kind}: ${error.message}`}, locked_by = NULL, locked_until = NULL
        WHERE id = ${row.id}`;
      for (const listener of listeners) await listener(tx, row, payload, error);
    });
    this.mine.delete(row.id);
    this.kick();
  }
}
