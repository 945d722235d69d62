// The Slack adapter: Bolt receives (HTTP at POST /slack/events, or Socket Mode), a WebClient
// delivers. The WebClient never retries nor waits on 429 — the outbox worker owns retries and
// pacing — and points at SLACK_API_URL when given (GovSlack, or the tests' stand-in).
import { webApi } from '@slack/bolt';
import type { Env } from '../../config.js';
import { AppError } from '../../errors.js';
import { itSlack } from './texts.js';
import type { Logger } from '../../log.js';
import type {
  CommandInfo,
  Delivery,
  DeliveryContext,
  DeliveryResult,
  EventSink,
  FormSpec,
  HttpRoute,
  InboundEvent,
  PlatformAdapter,
  RateLimits,
} from '../port.js';
import { createBolt, type BoltHandle } from './bolt.js';
import { SlackDeliverer } from './deliver.js';
import { isAuthFailure, platformError, toDeliveryError } from './errors.js';
import { renderForm } from './forms.js';
import { PLATFORM } from './inbound.js';
import { registerListeners } from './listeners.js';
import { boltLogger } from './logger.js';
import { SlackPeople, type PeopleOptions } from './user-directory.js';

export interface SlackAdapterOptions {
  /** The commands Reti knows. Slack's own list lives in slack-manifest.yml (a test keeps the two in step). */
  commands: CommandInfo[];
  /** Overrides of the pacing the outbox applies (tests). */
  limits?: Partial<RateLimits>;
  people?: PeopleOptions;
  /** How often auth.test (and the Socket Mode connection) is tried again after a failure at start-up. */
  authRetryMs?: number;
  /** Per-call timeout of the Web API client. */
  timeoutMs?: number;
}

const EXPIRED_TRIGGER = new Set(['expired_trigger_id', 'invalid_trigger_id', 'exchanged_trigger_id']);

export class SlackAdapter implements PlatformAdapter {
  readonly platform = PLATFORM;
  readonly label = 'Slack';
  readonly limits: RateLimits;
  readonly capabilities = { forms: true, ephemeral: true, groupDm: true, writesFirst: true, deepLinks: false, usernames: false, workspaces: true };
  private readonly client: webApi.WebClient;
  private readonly people: SlackPeople;
  private readonly deliverer: SlackDeliverer;
  private readonly bolt: BoltHandle;
  private sink: EventSink | undefined;
  private identity: { botId?: string; botUserId?: string } | undefined;
  private authRefused = false;
  private socketUp = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    env: Env,
    private readonly logger: Logger,
    private readonly options: SlackAdapterOptions,
  ) {
    if (!env.SLACK_BOT_TOKEN) throw new Error('SLACK_BOT_TOKEN mancante: il bot Slack non può collegarsi');
    this.limits = { globalPerSecond: env.SLACK_MAX_PER_SECOND, perChatIntervalMs: 1000, perGroupPerMinute: 60, ...options.limits };
    const sdkLogger = boltLogger(logger);
    const clientOptions: webApi.WebClientOptions = {
      ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}),
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: options.timeoutMs ?? 10_000,
      logger: sdkLogger,
    };
    const token = env.SLACK_BOT_TOKEN;
    this.client = new webApi.WebClient(token, clientOptions);
    this.people = new SlackPeople(this.client, logger, options.people);
    this.deliverer = new SlackDeliverer(this.client, this.people, (err) => this.noteAuthFailure(err));
    this.bolt = createBolt({
      env,
      logger: sdkLogger,
      clientOptions,
      authorize: async () => ({ botToken: token, ...this.identity }),
    });
    registerListeners(this.bolt.app, { people: this.people, logger, sink: () => this.sink });
    this.bolt.socket?.on('connected', () => {
      this.socketUp = true;
    });
    // The client reconnects by itself after a drop ('reconnecting'); meanwhile it is not healthy.
    for (const state of ['reconnecting', 'disconnected']) {
      this.bolt.socket?.on(state, () => {
        this.socketUp = false;
      });
    }
  }

  httpRoutes(): HttpRoute[] {
    return this.bolt.route ? [this.bolt.route] : [];
  }

  async start(sink: EventSink): Promise<void> {
    this.sink = sink;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.sink = undefined;
    clearTimeout(this.retry);
    this.retry = undefined;
    if (this.bolt.socket) {
      this.socketUp = false;
      await this.bolt.app.stop();
    }
  }

  healthy(): boolean {
    const connected = this.bolt.socket ? this.socketUp : true;
    return this.sink !== undefined && this.identity !== undefined && !this.authRefused && connected;
  }

  isGroupChat(chatId: string): boolean {
    return /^[CG]/.test(chatId);
  }

  deliver(delivery: Delivery, context?: DeliveryContext): Promise<DeliveryResult> {
    return this.deliverer.deliver(delivery, context);
  }

  findDelivered(delivery: Delivery, context: DeliveryContext): Promise<DeliveryResult | undefined> {
    return this.deliverer.findDelivered(delivery, context);
  }

  async openForm(event: InboundEvent, form: FormSpec): Promise<void> {
    const triggerId = event.handles?.triggerId;
    if (!triggerId) throw new AppError('unavailable', itSlack.formExpired);
    const view = renderForm(form, { context: form.context, chatId: event.chat.chatId, kind: event.chat.kind });
    try {
      await this.client.views.open({ trigger_id: triggerId, view });
    } catch (err) {
      const error = platformError(err);
      if (error && EXPIRED_TRIGGER.has(error)) throw new AppError('unavailable', itSlack.formExpired, { cause: err });
      this.noteAuthFailure(err);
      throw toDeliveryError(err, 'views.open');
    }
  }

  /**
   * auth.test (who the bot is) and, in Socket Mode, the socket. Until both succeed the adapter
   * records what arrives but reports itself unhealthy, and tries again every `authRetryMs`.
   */
  private async connect(): Promise<void> {
    clearTimeout(this.retry);
    const verified = (this.identity !== undefined && !this.authRefused) || (await this.verifyToken());
    const connected = !this.bolt.socket || this.socketUp || (await this.openSocket());
    if ((!verified || !connected) && this.sink) {
      this.retry = setTimeout(() => void this.connect(), this.options.authRetryMs ?? 30_000);
      this.retry.unref();
    }
  }

  private async verifyToken(): Promise<boolean> {
    try {
      const res = await this.client.auth.test();
      this.identity = { ...(res.bot_id ? { botId: res.bot_id } : {}), ...(res.user_id ? { botUserId: res.user_id } : {}) };
      this.authRefused = false;
      this.logger.info({ team: res.team_id, bot: res.user_id }, `Slack collegato al workspace ${res.team ?? res.team_id ?? ''}`);
      return true;
    } catch (err) {
      this.noteAuthFailure(err);
      const refused = platformError(err);
      this.logger.error(
        { err: refused ?? (err instanceof Error ? err.message : String(err)) },
        refused ? `Slack rifiuta SLACK_BOT_TOKEN (${refused}): controlla il token del bot` : 'Slack non raggiungibile: riprovo più tardi',
      );
      return false;
    }
  }

  private async openSocket(): Promise<boolean> {
    try {
      await this.bolt.app.start();
      this.socketUp = true;
      return true;
    } catch (err) {
      this.logger.error(
        { err: err instanceof Error ? err.message : String(err) },
        'Slack Socket Mode: connessione non riuscita, controlla SLACK_APP_TOKEN; riprovo più tardi',
      );
      return false;
    }
  }

  private noteAuthFailure(err: unknown): void {
    if (isAuthFailure(err)) this.authRefused = true;
  }
}

export function createSlackAdapter(env: Env, logger: Logger, options: SlackAdapterOptions): PlatformAdapter {
  return new SlackAdapter(env, logger, options);
}
