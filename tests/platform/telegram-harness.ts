// The real service (testApp) wired to the real Telegram adapter, which talks over HTTP to the Bot
// API stand-in. Tests send updates as Telegram would and read what the stand-in received.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { defaultContributions } from '../../src/app.js';

import type { CommandSpec } from '../../src/bus/types.js';
import type { Clock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { listen } from '../../src/http/server.js';
import type { RateLimits } from '../../src/platform/port.js';
import { createTelegramAdapter, type TelegramAdapter } from '../../src/platform/telegram/adapter.js';
import { groups, people, testApp, type TestApp } from '../support/app.js';
import { testDatabase } from '../support/db.js';
import { FakeTelegramApi, until } from '../fakes/telegram-api.js';
import { groupChat, privateChat, user, type Update, type UpdateBody } from '../fakes/telegram-updates.js';

const defaultCommands = defaultContributions.commands;

export const WEBHOOK_SECRET = 'segreto_di_prova-0123456789abcdefghijklmnop';
export const PUBLIC_WEBHOOK_URL = 'https://reti.example.org/telegram/webhook';

/** People and chats of tests/fixtures/networks.yaml, as Telegram shows them. */
export const tg = {
  luca: user(people.luca.id, people.luca.name, 'luca_bianchi'), // coordinatore
  maria: user(people.maria.id, people.maria.name, 'maria_rossi'), // referente BG01
  ahmed: user(people.ahmed.id, people.ahmed.name), // referente BG01, no username
  fatou: user(people.fatou.id, people.fatou.name, 'fatou_diop'), // membro BG01
  BG01: groupChat(groups.BG01, 'Rete Bergamo Ovest'),
  private: privateChat,
};

export interface LogLine {
  level: number;
  msg: string;
  [k: string]: unknown;
}

export interface TelegramTestApp extends TestApp {
  api: FakeTelegramApi;
  adapter: TelegramAdapter;
  logs: LogLine[];
  /** Webhook mode: where the service's HTTP server listens (POST here as Telegram would). */
  webhookUrl?: string;
  /** Queues an update for getUpdates, waits until the service handled it, delivers the outbox. */
  send(body: UpdateBody): Promise<Update>;
  /** Waits until the inbox has handled update `id`. */
  handled(update: Update): Promise<void>;
}

export interface TelegramAppOptions {
  webhook?: boolean;
  env?: Record<string, string>;
  commands?: CommandSpec<any>[];
  clock?: Clock;
  limits?: Partial<RateLimits>;
  connectRetryMs?: number;
  /** Runs before the adapter starts (e.g. to make setMyCommands fail). */
  beforeStart?(api: FakeTelegramApi): void;
}

/** Pacing off by default: tests about pacing set their own. */
const FAST: Partial<RateLimits> = { globalPerSecond: 1000, perChatIntervalMs: 0, perGroupPerMinute: 60_000 };

export async function telegramApp(options: TelegramAppOptions = {}): Promise<TelegramTestApp> {
  const api = await FakeTelegramApi.start();
  options.beforeStart?.(api);
  const logs: LogLine[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
  const env = loadConfig({
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    ...(options.webhook ? { TELEGRAM_WEBHOOK_URL: PUBLIC_WEBHOOK_URL, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET } : {}),
    ...options.env,
  }).env;
  const commands = options.commands ?? defaultCommands;
  const adapter = createTelegramAdapter(env, logger, {
    commands,
    limits: { ...FAST, ...options.limits },
    pollingRetryMs: 50,
    recordRetryMs: 20,
    connectRetryMs: 50,
    ...(options.connectRetryMs ? { connectRetryMs: options.connectRetryMs } : {}),
  });
  const db = await testDatabase();
  let t: TestApp;
  try {
    t = await testApp({
      db,
      adapters: [adapter],
      commands: commands.filter((c) => !defaultCommands.includes(c)),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.env ? { env: options.env } : {}),
    });
  } catch (err) {
    await adapter.stop();
    await db.close();
    await api.close();
    throw err;
  }
  let server: Server | undefined;
  let webhookUrl: string | undefined;
  if (options.webhook) {
    server = await listen(t.app.http, 0, '127.0.0.1');
    webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram/webhook`;
  }

  async function handled(update: Update): Promise<void> {
    await until(
      () => t.db.prisma.inboundEvent.findFirst({ where: { platform: 'telegram', externalId: String(update.update_id), status: { in: ['done', 'failed'] } } }),
      5000,
      `update ${update.update_id} to be handled`,
    );
    await t.app.inbox.idle();
  }

  return {
    ...t,
    api,
    adapter,
    logs,
    ...(webhookUrl ? { webhookUrl } : {}),
    handled,
    async send(body) {
      const update = api.push(body);
      await handled(update);
      await t.deliver();
      return update;
    },
    async close() {
      await t.close();
      await db.close();
      if (server) {
        server.closeAllConnections();
        await new Promise((resolve) => server!.close(resolve));
      }
      await api.close();
    },
  };
}
