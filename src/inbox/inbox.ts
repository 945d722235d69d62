// Every inbound event is recorded before it is acknowledged to the platform, then handled.
// A redelivery (Slack retry, Telegram update sent again, a second replica receiving it) hits the
// unique (platform, external_id) key and is dropped; an event recorded but not handled — the
// process died — is picked up again at start-up. Handling and marking done share one transaction
// with the handler's writes, so the effects happen once.
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
}

export class Inbox {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly pending = new Set<Promise<void>>();
  private accepting = true;

  constructor(private readonly opts: InboxOptions) {}

  /** The EventSink given to adapters. */
  readonly sink: EventSink = async (event) => {
    if (!this.accepting) throw new Error('shutting down');
    this.opts.metrics?.received.inc({ platform: event.platform, type: event.type });
    const errors = event.type === 'form' ? await this.opts.checkForm?.(event) : null;
    if (errors) return { duplicate: false, done: Promise.resolve(), errors };
    const { count } = await this.opts.db.inboundEvent.createMany({
      data: [{ platform: event.platform, externalId: event.id, payload: event as object }],
      skipDuplicates: true,
    });
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
      data: { status: 'processing', attempts: { increment: 1 } },
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
   * Start-up recovery: events recorded but never handled (the process stopped in between), and
   * events another replica started but abandoned for more than `staleMs`, are handled now.
   */
  async recover(staleMs = 5 * 60_000): Promise<number> {
    const { db } = this.opts;
    const cutoff = new Date(Date.now() - staleMs);
    await db.inboundEvent.updateMany({
      where: { status: 'processing', receivedAt: { lt: cutoff }, attempts: { lt: this.opts.maxAttempts ?? 3 } },
      data: { status: 'received' },
    });
    const rows = await db.inboundEvent.findMany({ where: { status: 'received' }, orderBy: { id: 'asc' }, take: 1000 });
    for (const row of rows) this.schedule(row.payload as unknown as InboundEvent);
    if (rows.length) this.opts.logger.info({ count: rows.length }, 'handling events received before a restart');
    return rows.length;
  }

  /** Accept events again (after stop). */
  open(): void {
    this.accepting = true;
  }

  /** Stop accepting; wait for what is being handled. */
  async stop(): Promise<void> {
    this.accepting = false;
    await this.idle();
  }

  async idle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }
}
