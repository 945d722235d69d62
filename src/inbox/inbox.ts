// Every inbound event is recorded before it is acknowledged to the platform, then handled.
// A redelivery (Slack retry, Telegram update sent again, a second replica receiving it) hits the
// unique (platform, external_id) key and is dropped; an event recorded but not handled — the
// process died, or the database failed under the handler — is picked up again at start-up and by
// a periodic sweep while the service runs. Handling and marking done share one transaction with
// the handler's writes, so the effects happen once.
import type { Db, Tx } from '../db/client.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { EventSink, InboundEvent } from '../platform/port.js';

export type Completion = (tx: Tx, outcome: { status: 'done' | 'failed'; error?: string }) => Promise<void>;

export interface InboxOptions {
  db: Db;
  logger: Logger;
  metrics?: Metrics;
  /** Handles the event and calls `complete` inside the transaction that holds its effects. */
  handle(event: InboundEvent, complete: Completion): Promise<void>;
  /** After a handled event (the outbox worker is woken up). */
  afterHandle?(): void;
  /** A submitted form's wrong fields, before it is recorded (null: record it). */
  checkForm?(event: InboundEvent): Promise<Record<string, string> | null>;
  maxAttempts?: number;
  /**
   * A handler surely gone: an event claimed ('processing') this long ago and not finished, or
   * recorded ('received') this long ago and never claimed. Longer than a handler's transaction
   * may last (30 s, plus 30 s waiting for a connection). Default 2 minutes.
   */
  staleMs?: number;
  /** How often the sweep looks for such events while the service runs. Default 1 minute. */
  sweepMs?: number;
  /**
   * Recording longer than this fails (the platform is answered "not recorded": Slack retries events,
   * a slash command gets the apology). Should the insert still commit later, the sweep handles it.
   */
  recordTimeoutMs?: number;
}

/** Events are re-queued in pages of this many (no cap on the total). */
const PAGE = 500;

export class Inbox {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly pending = new Set<Promise<void>>();
  private accepting = true;
  private sweeper: NodeJS.Timeout | undefined;
  private sweeping: Promise<number> | undefined;

  constructor(private readonly opts: InboxOptions) {}

  /** The EventSink given to adapters. */
  readonly sink: EventSink = async (event) => {
    if (!this.accepting) throw new Error('shutting down');
    this.opts.metrics?.received.inc({ platform: event.platform, type: event.type });
    const errors = event.type === 'form' ? await this.opts.checkForm?.(event) : null;
    if (errors) return { duplicate: false, done: Promise.resolve(), errors };
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('inbox: the database did not record the event in time')), this.opts.recordTimeoutMs ?? 2500);
    });
    const { count } = await Promise.race([
      this.opts.db.inboundEvent.createMany({
        data: [{ platform: event.platform, externalId: event.id, payload: event as object }],
        skipDuplicates: true,
      }),
      deadline,
    ]).finally(() => clearTimeout(timer));
    if (count === 0) {
      this.opts.logger.info({ event: event.id, platform: event.platform }, 'duplicate delivery ignored');
      return { duplicate: true, done: Promise.resolve() };
    }
    return { duplicate: false, done: this.schedule(event) };
  };

  /** Events of one person in one chat are handled in order, one at a time. */
  private schedule(event: InboundEvent): Promise<void> {
    const key = `${event.platform}|${event.chat.chatId}|${event.actor.userId}`;
    const previous = this.chains.get(key) ?? Promise.resolve();
    const run = previous.then(() => this.process(event));
    const tail = run.catch(() => {});
    this.chains.set(key, tail);
    this.pending.add(tail);
    void tail.finally(() => {
      this.pending.delete(tail);
      if (this.chains.get(key) === tail) this.chains.delete(key);
    });
    return tail;
  }

  private async process(event: InboundEvent): Promise<void> {
    const { db } = this.opts;
    const claimed = await db.inboundEvent.updateMany({
      where: { platform: event.platform, externalId: event.id, status: 'received' },
      data: { status: 'processing', attempts: { increment: 1 }, claimedAt: new Date() },
    });
    if (claimed.count === 0) return; // another replica has it
    const complete: Completion = async (tx, outcome) => {
      await tx.inboundEvent.updateMany({
        where: { platform: event.platform, externalId: event.id },
        data: { status: outcome.status, processedAt: new Date(), error: outcome.error?.slice(0, 2000) ?? null },
      });
    };
    try {
      await this.opts.handle(event, complete);
    } catch (err) {
      await db.inboundEvent.updateMany({
        where: { platform: event.platform, externalId: event.id },
        data: { status: 'failed', error: err instanceof Error ? err.message.slice(0, 2000) : String(err) },
      });
    } finally {
      this.opts.afterHandle?.();
    }
  }

  /**
   * Start-up recovery: every event recorded but never handled (the process stopped in between),
   * and events whose handler is surely gone, are handled now.
   */
  async recover(): Promise<number> {
    const count = await this.requeue(new Date());
    if (count) this.opts.logger.info({ count }, 'handling events received before a restart');
    return count;
  }

  /**
   * While the service runs: events left 'processing' by a handler that is gone (a replica that
   * died, a database error that also failed to record the failure) or left 'received' (recorded,
   * never taken up) are handled now. Returns how many were queued again.
   */
  sweep(): Promise<number> {
    this.sweeping ??= this.requeue(new Date(Date.now() - this.staleMs))
      .then((count) => {
        if (count) this.opts.logger.warn({ count }, 'inbox: events left unhandled queued again');
        return count;
      })
      .finally(() => {
        this.sweeping = undefined;
      });
    return this.sweeping;
  }

  /** Sweep every `sweepMs` until stop(). */
  startSweeping(): void {
    clearInterval(this.sweeper);
    this.sweeper = setInterval(() => {
      this.sweep().catch((err: unknown) => this.opts.logger.error({ err }, 'inbox: sweep failed (retried at the next one)'));
    }, this.opts.sweepMs ?? 60_000);
    this.sweeper.unref();
  }

  private get staleMs(): number {
    return this.opts.staleMs ?? 2 * 60_000;
  }

  /** Queues again what was received before `receivedBefore`, and what a gone handler left 'processing'. */
  private async requeue(receivedBefore: Date): Promise<number> {
    const { db } = this.opts;
    const gone = new Date(Date.now() - this.staleMs);
    const maxAttempts = this.opts.maxAttempts ?? 3;
    const abandoned = { status: 'processing', OR: [{ claimedAt: { lt: gone } }, { claimedAt: null, receivedAt: { lt: gone } }] };
    // An event that took its handler down this many times is not tried again.
    await db.inboundEvent.updateMany({
      where: { ...abandoned, attempts: { gte: maxAttempts } },
      data: { status: 'failed', error: `gestione interrotta ${maxAttempts} volte: non riprovo`, processedAt: new Date() },
    });
    await db.inboundEvent.updateMany({ where: { ...abandoned, attempts: { lt: maxAttempts } }, data: { status: 'received' } });
    let count = 0;
    let after = -1n;
    for (;;) {
      const rows = await db.inboundEvent.findMany({
        where: { status: 'received', id: { gt: after }, receivedAt: { lt: receivedBefore } },
        orderBy: { id: 'asc' },
        take: PAGE,
        select: { id: true, payload: true },
      });
      for (const row of rows) this.schedule(row.payload as unknown as InboundEvent);
      count += rows.length;
      if (rows.length < PAGE) return count;
      after = rows.at(-1)!.id;
    }
  }

  /** Accept events again (after stop). */
  open(): void {
    this.accepting = true;
  }

  /** Stop accepting; wait for what is being handled. */
  async stop(): Promise<void> {
    this.accepting = false;
    clearInterval(this.sweeper);
    this.sweeper = undefined;
    await this.sweeping?.catch(() => 0);
    await this.idle();
  }

  async idle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }
}
