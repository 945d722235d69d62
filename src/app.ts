// Assembles Reti from its parts. main.ts, the console and the tests all build the service here,
// so what the tests exercise is what runs.
import type { Express } from 'express';
import { commands as defaultCommands } from '../commands/index.js';
import { jobs as defaultJobs } from '../jobs/index.js';
import { Dispatcher } from './bus/dispatcher.js';
import { CommandRegistry } from './bus/registry.js';
import type { CommandSpec } from './bus/types.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { createHttpApp } from './http/server.js';
import { Inbox } from './inbox/inbox.js';
import { JobRunner } from './jobs/runner.js';
import type { JobSpec } from './jobs/types.js';
import { silentLogger, type Logger } from './log.js';
import { createMetrics, type Metrics } from './metrics.js';
import { OutboxWorker } from './outbox/worker.js';
import { failureListeners } from './outbox/failure-listeners.js';
import type { PlatformAdapter } from './platform/port.js';
import { createServices, type Services } from './services.js';
import { Conversations, type Flow } from './conversation/engine.js';
import { flows as defaultFlows } from './conversation/flows.js';

export interface AppOptions {
  config: Config;
  db: Database;
  adapters: PlatformAdapter[];
  clock?: Clock;
  logger?: Logger;
  commands?: CommandSpec<any>[];
  jobs?: JobSpec[];
  flows?: Flow[];
  instanceId?: string;
}

export interface App {
  config: Config;
  db: Database;
  clock: Clock;
  logger: Logger;
  services: Services;
  commands: CommandRegistry;
  dispatcher: Dispatcher;
  inbox: Inbox;
  outbox: OutboxWorker;
  jobs: JobRunner;
  metrics: Metrics;
  adapters: Map<string, PlatformAdapter>;
  http: Express;
  health(): Promise<{ ok: boolean; database: boolean; adapters: Record<string, boolean> }>;
  /** Start receiving events, delivering the outbox and running the schedule. */
  start(options?: { scheduler?: boolean; outbox?: boolean }): Promise<void>;
  /** Stop taking new work, finish or park what is in flight. */
  stop(): Promise<void>;
}

export function createApp(opts: AppOptions): App {
  const clock = opts.clock ?? systemClock;
  const logger = opts.logger ?? silentLogger;
  const { db, config } = opts;
  const prisma = db.prisma;
  const adapters = new Map(opts.adapters.map((a) => [a.platform, a]));
  const commands = new CommandRegistry(opts.commands ?? defaultCommands);
  const instanceId = opts.instanceId ?? config.env.INSTANCE_ID;

  const metrics = createMetrics(async () => {
    const rows = await prisma.outboxMessage.groupBy({ by: ['status'], where: { status: { in: ['pending', 'sending', 'failed'] } }, _count: true });
    return Object.fromEntries(rows.map((r) => [r.status, r._count]));
  });

  const conversations = new Conversations(opts.flows ?? defaultFlows);
  // eslint-disable-next-line prefer-const
  let dispatcher: Dispatcher;
  const services = createServices({
    conversations,
    platforms: {
      connected: () => [...adapters.keys()],
      privateChatLink: (platform, payload) => adapters.get(platform)?.privateChatLink?.(payload),
      capabilities: (platform) => adapters.get(platform)?.capabilities,
    },
    db: prisma,
    clock,
    logger,
    config,
    commands,
    runCommand: (ctx, name, text) => dispatcher.runCommand(ctx, name, text),
  });
  dispatcher = new Dispatcher({ db: prisma, clock, logger, commands, adapters, services, conversations });

  const outbox = new OutboxWorker({
    db: prisma,
    adapters,
    clock,
    logger,
    metrics,
    instanceId,
    maxAttempts: config.env.OUTBOX_MAX_ATTEMPTS,
    pollMs: config.env.OUTBOX_POLL_MS,
  });
  // A private chat the platform refuses (Telegram: never started, or blocked) marks the account,
  // so capabilities can ask in the network's group instead.
  outbox.onFailure('*', async (tx, row, _payload, error) => {
    if (error.kind !== 'unreachable') return;
    await tx.account.updateMany({ where: { platform: row.platform, externalId: row.chatId }, data: { unreachable: error.message.slice(0, 200) } });
  });
  for (const [tag, listener] of Object.entries(failureListeners)) {
    outbox.onFailure(tag, (tx, row, payload, error) => listener({ tx, row, payload, error, services, now: clock.now() }));
  }

  const inbox = new Inbox({
    db: prisma,
    logger,
    metrics,
    handle: (event, complete) => dispatcher.dispatch(event, complete),
    afterHandle: () => outbox.kick(),
  });

  const jobs = new JobRunner({
    db: prisma,
    clock,
    logger,
    services,
    jobs: opts.jobs ?? defaultJobs,
    schedules: config.schedules,
    afterRun: () => outbox.kick(),
  });

  async function health() {
    const database = await db.ping();
    const status = Object.fromEntries([...adapters.values()].map((a) => [a.platform, a.healthy()]));
    return { ok: database && Object.values(status).every(Boolean), database, adapters: status };
  }

  const http = createHttpApp({
    logger,
    metrics,
    jobs,
    ...(config.env.ADMIN_TOKEN ? { adminToken: config.env.ADMIN_TOKEN } : {}),
    routes: [...adapters.values()].flatMap((a) => a.httpRoutes?.() ?? []),
    health,
  });

  let started: { scheduler: boolean; outbox: boolean } | undefined;
  return {
    config,
    db,
    clock,
    logger,
    services,
    commands,
    dispatcher,
    inbox,
    outbox,
    jobs,
    metrics,
    adapters,
    http,
    health,
    async start(options = {}) {
      started = { scheduler: options.scheduler ?? config.env.SCHEDULER_ENABLED, outbox: options.outbox ?? true };
      inbox.open();
      for (const adapter of adapters.values()) await adapter.start(inbox.sink);
      await inbox.recover();
      if (started.outbox) outbox.start();
      if (started.scheduler) jobs.start();
    },
    async stop() {
      for (const adapter of adapters.values()) await adapter.stop().catch((err) => logger.warn({ err, platform: adapter.platform }, 'adapter stop failed'));
      await jobs.stop();
      await inbox.stop();
      await outbox.stop();
    },
  };
}
