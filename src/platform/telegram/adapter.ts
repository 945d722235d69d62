// The Telegram adapter: a bot from BotFather, long polling by default, a webhook when
// TELEGRAM_WEBHOOK_URL is set. The files in this folder are the only ones that import telegraf.
import type { Telegraf } from 'telegraf';
import type { UserFromGetMe } from 'telegraf/types';
import type { Env } from '../../config.js';
import type { Logger } from '../../log.js';
import type { CommandInfo, Delivery, DeliveryResult, EventSink, HttpRoute, PlatformAdapter, RateLimits } from '../port.js';
import { createBot, timeout } from './client.js';
import { TelegramDelivery } from './deliver.js';
import { describe } from './errors.js';
import { ALLOWED_UPDATES, PLATFORM } from './inbound.js';
import { PollingSupervisor } from './polling.js';
import { UpdateReceiver } from './receive.js';
import { webhookRoute, webhookUrl } from './webhook.js';

export interface TelegramAdapterOptions {
  commands: CommandInfo[];
  /** Pacing the outbox applies (tests lower or raise it). */
  limits?: Partial<RateLimits>;
  /** First pause before polling again after it failed (409 Conflict, network). Default 5 s. */
  pollingRetryMs?: number;
  /** First pause before recording an update again when the database refused it (polling). Default 1 s. */
  recordRetryMs?: number;
  /** First pause before trying again to connect (getMe) when Telegram could not be reached at start; doubles up to 5 minutes. Default 5 s. */
  connectRetryMs?: number;
  /** Timeout of a Bot API call. Default 30 s. */
  requestTimeoutMs?: number;
  /** Timeout of a document upload; below the outbox claim time (120 s). Default 90 s. */
  uploadTimeoutMs?: number;
}

/** Telegram's deep-link payload: 1–64 characters of A–Z a–z 0–9 _ -. */
const START_PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/;
/** setMyCommands: a command is 1–32 of a–z 0–9 _; a description 1–256 characters. */
const COMMAND_NAME = /^[a-z0-9_]{1,32}$/;

export class TelegramAdapter implements PlatformAdapter {
  readonly platform = PLATFORM;
  readonly label = 'Telegram';
  readonly capabilities = { forms: false, ephemeral: false, groupDm: false, writesFirst: false, deepLinks: true, usernames: true, workspaces: false };
  readonly limits: RateLimits;
  private readonly bot: Telegraf;
  private readonly logger: Logger;
  private readonly receiver: UpdateReceiver;
  private readonly delivery: TelegramDelivery;
  private readonly polling: PollingSupervisor | undefined;
  private readonly webhook: { url: string; secret: string } | undefined;
  private readonly inflight = new Set<Promise<void>>();
  private readonly requestTimeoutMs: number;
  private me: UserFromGetMe | undefined;
  private started = false;
  private webhookSet = false;
  private sink: EventSink | undefined;
  private retry: NodeJS.Timeout | undefined;
  private connectAttempts = 0;
  private connecting: Promise<void> | undefined;

  constructor(
    private readonly env: Env,
    logger: Logger,
    private readonly options: TelegramAdapterOptions,
  ) {
    if (!env.TELEGRAM_BOT_TOKEN) throw new Error('TELEGRAM_BOT_TOKEN manca: senza il token il bot Telegram non si collega');
    this.logger = logger.child({ platform: PLATFORM });
    this.limits = {
      globalPerSecond: env.TELEGRAM_MAX_PER_SECOND,
      // Telegram counts arrivals, the outbox spaces departures: 10% of margin absorbs the jitter
      // between the two (measured: two sends 1 s apart arrived 837 ms apart and met a 429).
      perChatIntervalMs: 1100,
      perGroupPerMinute: 20,
      ...options.limits,
    };
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    this.bot = createBot(env.TELEGRAM_BOT_TOKEN, env.TELEGRAM_API_ROOT);
    this.receiver = new UpdateReceiver({
      logger: this.logger,
      // The real username (getMe) decides whether `/command@name` is for this bot.
      botUsername: () => this.me?.username ?? this.username,
      recordRetryMs: options.recordRetryMs ?? 1000,
      answerTimeoutMs: this.requestTimeoutMs,
    });
    this.bot.use(this.receiver.middleware);
    // Nothing reaches here from our middleware (it never throws on purpose); never rethrow to
    // telegraf, which would stop polling.
    this.bot.catch((err, ctx) => this.logger.error({ err, update: ctx.update.update_id }, 'Telegram: errore nella gestione di un aggiornamento'));
    this.delivery = new TelegramDelivery(this.bot.telegram, {
      requestTimeoutMs: this.requestTimeoutMs,
      uploadTimeoutMs: options.uploadTimeoutMs ?? 90_000,
    });
    if (env.TELEGRAM_WEBHOOK_URL) {
      if (!env.TELEGRAM_WEBHOOK_SECRET) throw new Error('TELEGRAM_WEBHOOK_SECRET è obbligatoria con TELEGRAM_WEBHOOK_URL');
      this.webhook = { url: webhookUrl(env.TELEGRAM_WEBHOOK_URL), secret: env.TELEGRAM_WEBHOOK_SECRET };
    } else {
      this.polling = new PollingSupervisor({ bot: this.bot, logger: this.logger, retryMs: options.pollingRetryMs ?? 5000 });
    }
  }

  /** The bot's username: TELEGRAM_BOT_USERNAME, else what getMe said. */
  get username(): string | undefined {
    return this.env.TELEGRAM_BOT_USERNAME?.replace(/^@/, '') ?? this.me?.username;
  }

  httpRoutes(): HttpRoute[] {
    if (!this.webhook) return [];
    return [
      webhookRoute({
        bot: this.bot,
        secret: this.webhook.secret,
        logger: this.logger,
        accepting: () => this.started && this.receiver.accepting,
        inflight: this.inflight,
      }),
    ];
  }

  /**
   * Connects (getMe, command menu, webhook or polling). When Telegram cannot be reached or refuses
   * the token, the service starts anyway: this adapter reports itself unhealthy and tries again in
   * the background (5 s, doubling up to 5 minutes), while the other platforms work.
   */
  async start(sink: EventSink): Promise<void> {
    this.sink = sink;
    this.connectAttempts = 0;
    await this.connect();
  }

  private connect(): Promise<void> {
    this.connecting ??= this.connectOnce()
      .catch((err: unknown) => {
        if (!this.sink) return;
        const wait = Math.min((this.options.connectRetryMs ?? 5000) * 2 ** this.connectAttempts++, 5 * 60_000);
        const root = this.env.TELEGRAM_API_ROOT ? ` e TELEGRAM_API_ROOT (${this.env.TELEGRAM_API_ROOT})` : '';
        this.logger.error(
          { err: describe(err), retryInMs: wait },
          `Telegram non collegato: getMe non riuscito (${describe(err)}), controlla TELEGRAM_BOT_TOKEN${root}; riprovo tra ${Math.round(wait / 1000)} s, il resto del servizio funziona`,
        );
        clearTimeout(this.retry);
        this.retry = setTimeout(() => void this.connect(), wait);
        this.retry.unref();
      })
      .finally(() => {
        this.connecting = undefined;
      });
    return this.connecting;
  }

  private async connectOnce(): Promise<void> {
    const api = this.bot.telegram;
    const sink = this.sink;
    if (!sink) return;
    this.me = await api.callApi('getMe', {}, timeout(this.requestTimeoutMs));
    this.bot.botInfo = this.me;
    this.receiver.open(sink);
    await this.registerCommands();
    if (this.webhook) {
      await api.callApi(
        'setWebhook',
        { url: this.webhook.url, secret_token: this.webhook.secret, allowed_updates: [...ALLOWED_UPDATES], drop_pending_updates: false },
        timeout(this.requestTimeoutMs),
      );
      this.webhookSet = true;
      this.started = true;
      this.logger.info({ url: this.webhook.url }, `Telegram collegato come @${this.username}: aggiornamenti via webhook`);
      return;
    }
    // A webhook left by an earlier deployment would make getUpdates fail with 409.
    await api.callApi('deleteWebhook', { drop_pending_updates: false }, timeout(this.requestTimeoutMs));
    this.polling!.start();
    this.started = true;
    this.logger.info(`Telegram collegato come @${this.username}: aggiornamenti via long polling`);
  }

  async stop(): Promise<void> {
    this.sink = undefined;
    clearTimeout(this.retry);
    this.retry = undefined;
    await this.connecting;
    this.started = false;
    this.receiver.closing();
    await this.polling?.stop();
    await Promise.allSettled([...this.inflight]);
    this.receiver.close();
  }

  healthy(): boolean {
    return this.started && this.me !== undefined && (this.webhookSet || this.polling?.active === true);
  }

  deliver(delivery: Delivery): Promise<DeliveryResult> {
    return this.delivery.deliver(delivery);
  }

  privateChatLink(payload: string): string | undefined {
    const username = this.username;
    if (!username) return undefined;
    if (!START_PAYLOAD.test(payload)) {
      this.logger.warn({ payload }, 'Telegram: payload del deep link non valido (1-64 caratteri tra A-Z a-z 0-9 _ -)');
      return undefined;
    }
    return `https://t.me/${username}?start=${payload}`;
  }

  profileLink(username: string): string | undefined {
    return `https://t.me/${username}`;
  }

  isGroupChat(chatId: string): boolean {
    return chatId.startsWith('-');
  }

  /** The command menu (setMyCommands). Non-essential: a failure is logged, never fatal. */
  private async registerCommands(): Promise<void> {
    const commands = this.options.commands
      .filter((c) => !c.hidden && COMMAND_NAME.test(c.name))
      .map((c) => ({ command: c.name, description: c.description.slice(0, 256) }));
    try {
      await this.bot.telegram.callApi('setMyCommands', { commands, scope: { type: 'default' } }, timeout(this.requestTimeoutMs));
    } catch (err) {
      this.logger.warn({ err: describe(err) }, 'Telegram: setMyCommands non riuscito, il menu dei comandi non è aggiornato (il bot funziona comunque)');
    }
  }
}

export function createTelegramAdapter(env: Env, logger: Logger, options: TelegramAdapterOptions): TelegramAdapter {
  return new TelegramAdapter(env, logger, options);
}
