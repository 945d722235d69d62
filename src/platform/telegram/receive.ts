// What happens to each update, in polling and webhook mode alike: it becomes an InboundEvent and is
// recorded (the sink resolves once the row is written) before telegraf's handler returns, so the
// webhook answers 200 — or the polling offset moves on — only for updates that are safe in the
// database. Updates of one chat are recorded in the order they came.
import type { Context } from 'telegraf';
import type { Logger } from '../../log.js';
import type { EventSink, InboundEvent } from '../port.js';
import { timeout } from './client.js';
import { parseUpdate } from './inbound.js';
import { currentWebhookResponse } from './webhook.js';

export interface ReceiverOptions {
  logger: Logger;
  /** The bot's username, to ignore `/command@other_bot`. */
  botUsername(): string | undefined;
  /** First wait before recording is tried again in polling mode (doubles, up to 30 s). */
  recordRetryMs: number;
  answerTimeoutMs: number;
}

export class UpdateReceiver {
  private sink: EventSink | undefined;
  private stopping = false;
  private readonly chains = new Map<string, Promise<void>>();
  private readonly waits = new Set<() => void>();

  constructor(private readonly opts: ReceiverOptions) {}

  open(sink: EventSink): void {
    this.sink = sink;
    this.stopping = false;
  }

  /** No new retries: an update still unrecorded is given up (and logged). */
  closing(): void {
    this.stopping = true;
    for (const wake of this.waits) wake();
  }

  close(): void {
    this.sink = undefined;
  }

  get accepting(): boolean {
    return this.sink !== undefined && !this.stopping;
  }

  /** Telegraf middleware: the only one the bot has. */
  readonly middleware = async (ctx: Context): Promise<void> => {
    if (!Number.isSafeInteger(ctx.update.update_id)) {
      // Not from Telegram (every update has one): stored under "undefined" it would shadow the next.
      this.opts.logger.warn({ keys: Object.keys(ctx.update) }, 'Telegram: aggiornamento senza update_id, rifiutato perché malformato');
      const webhook = currentWebhookResponse();
      if (webhook) webhook.statusCode = 400;
      return;
    }
    const parsed = parseUpdate(ctx.update, this.opts.botUsername(), new Date());
    if (parsed.event) {
      const event = parsed.event;
      const recorded = await this.inOrder(event.chat.chatId, () => this.record(event));
      if (!recorded) return;
    }
    if (parsed.callbackQueryId) {
      await ctx.telegram
        .callApi('answerCallbackQuery', { callback_query_id: parsed.callbackQueryId }, timeout(this.opts.answerTimeoutMs))
        .catch((err: unknown) => this.opts.logger.warn({ err, update: ctx.update.update_id }, 'answerCallbackQuery failed'));
    }
  };

  private async record(event: InboundEvent): Promise<boolean> {
    const log = this.opts.logger.child({ update: event.id, type: event.type });
    for (let attempt = 0; ; attempt++) {
      const webhook = currentWebhookResponse();
      try {
        if (!this.sink) throw new Error('adapter not started');
        await this.sink(event);
        return true;
      } catch (err) {
        if (webhook) {
          // Telegram sends the update again later: a failed answer is how to ask for that.
          log.error({ err }, 'Telegram: aggiornamento non registrato, rispondo 500 perché Telegram lo rinvii');
          webhook.statusCode = 500;
          return false;
        }
        if (this.stopping) {
          log.error({ err }, 'Telegram: aggiornamento non registrato durante l’arresto: va perso');
          return false;
        }
        const wait = Math.min(this.opts.recordRetryMs * 2 ** attempt, 30_000);
        log.error({ err, retryInMs: wait }, 'Telegram: aggiornamento non registrato, riprovo (il polling attende)');
        await this.sleep(wait);
      }
    }
  }

  private inOrder<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.chains.get(key) ?? Promise.resolve();
    const run = previous.then(fn);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.chains.set(key, tail);
    void tail.then(() => {
      if (this.chains.get(key) === tail) this.chains.delete(key);
    });
    return run;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waits.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waits.add(wake);
    });
  }
}
