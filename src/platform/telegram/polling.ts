// Long polling, kept alive. telegraf's launch() resolves only when polling stops, so it runs in the
// background; when it fails (409 Conflict: another instance polls the same bot; 401: the token was
// revoked) the reason is logged and polling starts again after a pause, so a rolling deploy where
// the old instance still polls for a moment does not leave the bot deaf.
import { TelegramError, type Telegraf } from 'telegraf';
import type { Logger } from '../../log.js';
import { ALLOWED_UPDATES } from './inbound.js';

export interface PollingOptions {
  bot: Telegraf;
  logger: Logger;
  /** First pause before polling again after a failure (doubles, up to a minute). */
  retryMs: number;
}

export class PollingSupervisor {
  private stopped = true;
  private running: Promise<void> | undefined;
  private settled = true;
  private wake: (() => void) | undefined;
  /** True while telegraf's polling loop runs. */
  active = false;

  constructor(private readonly opts: PollingOptions) {}

  start(): void {
    if (!this.settled) return;
    this.stopped = false;
    this.settled = false;
    this.running = this.run().finally(() => {
      this.settled = true;
    });
  }

  /** Stops polling; resolves once the updates being handled are recorded and the offset confirmed. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    // bot.stop() aborts the current getUpdates. A launch() caught between its deleteWebhook call
    // and its first getUpdates creates its poller after our stop(): ask again until it is over.
    while (!this.settled) {
      try {
        this.opts.bot.stop('arresto');
      } catch {
        // "Bot is not running!": nothing launched yet.
      }
      await Promise.race([this.running, new Promise((resolve) => setTimeout(resolve, 50))]);
    }
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      this.active = true;
      try {
        await this.opts.bot.launch({ allowedUpdates: [...ALLOWED_UPDATES], dropPendingUpdates: false });
        failures = 0;
      } catch (err) {
        failures++;
        this.report(err);
      } finally {
        this.active = false;
      }
      if (this.stopped) return;
      await this.sleep(Math.min(this.opts.retryMs * 2 ** Math.max(0, failures - 1), 60_000));
    }
  }

  private report(err: unknown): void {
    const { logger } = this.opts;
    if (this.stopped) return;
    if (err instanceof TelegramError && err.code === 409) {
      logger.error(
        { err: err.description },
        'Telegram: 409 Conflict, un’altra istanza sta ricevendo gli aggiornamenti di questo bot (long polling o webhook). ' +
          'Con più repliche usa il webhook (TELEGRAM_WEBHOOK_URL e TELEGRAM_WEBHOOK_SECRET): con il long polling può riceverli una sola istanza. Riprovo tra poco.',
      );
    } else if (err instanceof TelegramError && err.code === 401) {
      logger.error(
        { err: err.description },
        'Telegram: 401 Unauthorized, il token del bot non è (più) valido: controlla TELEGRAM_BOT_TOKEN. Riprovo tra poco.',
      );
    } else {
      logger.error({ err }, 'Telegram: il long polling si è interrotto. Riprovo tra poco.');
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
