// Assembles Reti from its parts. main.ts, the CLI, the console and the tests all build the service
// here, so what the tests exercise is what runs. The one list of capabilities is below: every
// registry (commands, jobs, flows, failure listeners, configuration sections, CLI, digest sections,
// export data sets, services) is derived from it.
import type { Express } from 'express';
import { contributionsOf, type Capability, type Contributions } from './capability.js';
import { checkinsCapability } from './capabilities/checkins/index.js';
import { cruscottoCapability } from './capabilities/cruscotto/index.js';
import { digestsCapability } from './capabilities/digests/index.js';
import { exportsCapability } from './capabilities/exports/index.js';
import { labsCapability } from './capabilities/labs/index.js';
import { legamiCapability } from './capabilities/legami/index.js';
import { networksCapability } from './capabilities/networks/index.js';
import { privacyCapability } from './capabilities/privacy/index.js';
import { richiesteCapability } from './capabilities/richieste/index.js';
import { schedaCapability } from './capabilities/scheda/index.js';
import { maturitaCapability } from './capabilities/maturita/index.js';
import { Dispatcher } from './bus/dispatcher.js';
import { CommandRegistry } from './bus/registry.js';
import type { CommandSpec } from './bus/types.js';
import { isAdjustable, systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { createHttpApp } from './http/server.js';
import { Inbox } from './inbox/inbox.js';
import { ClockControl } from './jobs/clock-control.js';
import { JobRunner, romeIso } from './jobs/runner.js';
import type { JobSpec } from './jobs/types.js';
import { silentLogger, type Logger } from './log.js';
import { createMetrics, type Metrics } from './metrics.js';
import { OutboxWorker } from './outbox/worker.js';
import type { PlatformAdapter } from './platform/port.js';
import type { Platforms, Services } from './services.js';
import { Conversations, type Flow } from './conversation/engine.js';
import { DomainEventBus } from './events.js';
import { isDatabaseClock } from './test-clock.js';

/** Reti's capabilities, in dependency order (a capability's services may use those before it). */
export const capabilities: Capability[] = [
  networksCapability,
  checkinsCapability,
  labsCapability,
  legamiCapability,
  richiesteCapability,
  schedaCapability,
  maturitaCapability,
  digestsCapability,
  exportsCapability,
  cruscottoCapability,
  privacyCapability,
];

/** What the default capabilities contribute (for code that runs without a whole service: CLI, console). */
export const defaultContributions: Contributions = contributionsOf(capabilities);

export interface AppOptions {
  config: Config;
  db: Database;
  adapters: PlatformAdapter[];
  clock?: Clock;
  logger?: Logger;
  /** Default: every capability of Reti. */
  capabilities?: Capability[];
  /** Extra commands, jobs and flows (tests). */
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
  contributions: Contributions;
  commands: CommandRegistry;
  dispatcher: Dispatcher;
  inbox: Inbox;
  outbox: OutboxWorker;
  jobs: JobRunner;
  /** Moves the clock forward firing the ticks in between: when the clock can be moved (test clock, tests). */
  clockControl?: ClockControl;
  /** RETI_TEST_CLOCK=1 and a clock that can be moved: /admin/clock answers. */
  testClock: boolean;
  metrics: Metrics;
  adapters: Map<string, PlatformAdapter>;
  http: Express;
  /** `down` names the platforms configured but not connected (the others keep working). */
  health(): Promise<{ ok: boolean; database: boolean; adapters: Record<string, boolean>; down?: string[]; testClock?: true; now?: string }>;
  /** Reads the outbox depth into the metrics (done every METRICS_REFRESH_SECONDS once started). */
  refreshMetrics(): Promise<void>;
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
  const contributions = contributionsOf(opts.capabilities ?? capabilities);
  const commands = new CommandRegistry([...contributions.commands, ...(opts.commands ?? [])]);
  const instanceId = opts.instanceId ?? config.env.INSTANCE_ID;

  // /metrics never reads the database: the outbox depth is refreshed here, on a timer, and served from memory.
  const metrics = createMetrics();
  async function refreshMetrics(): Promise<void> {
    try {
      const rows = await prisma.outboxMessage.groupBy({ by: ['status'], where: { status: { in: ['pending', 'sending', 'failed'] } }, _count: true });
      const counts = Object.fromEntries(rows.map((r) => [r.status, r._count]));
      for (const status of ['pending', 'sending', 'failed']) metrics.outboxDepth.set({ status }, counts[status] ?? 0);
    } catch (err) {
      logger.warn({ err }, 'metrics refresh failed');
    }
  }
  let metricsTimer: NodeJS.Timeout | undefined;

  const conversations = new Conversations([...contributions.flows, ...(opts.flows ?? [])]);
  const platforms: Platforms = {
    connected: () => [...adapters.keys()],
    privateChatLink: (platform, payload) => adapters.get(platform)?.privateChatLink?.(payload),
    capabilities: (platform) => adapters.get(platform)?.capabilities,
    label: (platform) => adapters.get(platform)?.label ?? platform,
    profileLink: (platform, username) => adapters.get(platform)?.profileLink?.(username),
  };
  const events = new DomainEventBus(contributions.capabilities.flatMap((c) => (c.on ? [c.on] : [])));
  const services: Services = { conversations, platforms, clock, events } as Services;
  const deps = { db: prisma, clock, logger, env: config.env, schedules: config.schedules, platforms, services, contributions };
  for (const capability of contributions.capabilities) {
    Object.assign(services, capability.services?.(deps) ?? {});
  }
  events.bind(services);
  const dispatcher = new Dispatcher({ db: prisma, clock, logger, commands, adapters, services, conversations });

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
  for (const [tag, listener] of Object.entries(contributions.failureListeners)) {
    outbox.onFailure(tag, (tx, row, payload, error) => listener({ tx, row, payload, error, services, now: clock.now() }));
  }

  const inbox = new Inbox({
    db: prisma,
    logger,
    metrics,
    handle: (event, complete) => dispatcher.dispatch(event, complete),
    afterHandle: () => outbox.kick(),
    checkForm: (event) => dispatcher.checkForm(event),
    staleMs: config.env.INBOX_STALE_MS,
    sweepMs: config.env.INBOX_SWEEP_MS,
    recordTimeoutMs: config.env.INBOX_RECORD_TIMEOUT_MS,
  });

  const jobs = new JobRunner({
    db: prisma,
    clock,
    logger,
    services,
    jobs: [...contributions.jobs, ...(opts.jobs ?? [])],
    schedules: config.schedules,
    afterRun: () => outbox.kick(),
    instanceId,
    registry: metrics.registry,
  });
  const clockControl = isAdjustable(clock)
    ? new ClockControl({ db: prisma, clock, jobs, outbox, logger, instanceId, platforms: () => [...adapters.keys()] })
    : undefined;
  const testClock = config.env.RETI_TEST_CLOCK && clockControl ? clockControl : undefined;

  async function health() {
    const database = await db.ping();
    const status = Object.fromEntries([...adapters.values()].map((a) => [a.platform, a.healthy()]));
    const down = Object.keys(status).filter((platform) => !status[platform]);
    const base = { ok: database && down.length === 0, database, adapters: status, ...(down.length ? { down } : {}) };
    if (!testClock) return base;
    if (isDatabaseClock(clock)) await clock.refresh().catch(() => {});
    return { ...base, testClock: true as const, now: romeIso(clock.now()) };
  }

  const http = createHttpApp({
    logger,
    metrics,
    jobs,
    ...(testClock ? { clock: testClock } : {}),
    ...(config.env.ADMIN_TOKEN ? { adminToken: config.env.ADMIN_TOKEN } : {}),
    ...(config.env.METRICS_TOKEN ? { metricsToken: config.env.METRICS_TOKEN } : {}),
    // With METRICS_HOST the metrics have their own listener (main.ts), not the public one.
    serveMetrics: !config.env.METRICS_HOST,
    routes: [...adapters.values()].flatMap((a) => a.httpRoutes?.() ?? []),
    routers: contributions.capabilities.flatMap((c) => (c.http ? [c.http(deps)] : [])),
    health,
  });

  let started: { scheduler: boolean; outbox: boolean } | undefined;
  return {
    config,
    db,
    clock,
    logger,
    services,
    contributions,
    commands,
    dispatcher,
    inbox,
    outbox,
    jobs,
    ...(clockControl ? { clockControl } : {}),
    testClock: Boolean(testClock),
    metrics,
    adapters,
    http,
    health,
    refreshMetrics,
    async start(options = {}) {
      started = { scheduler: options.scheduler ?? config.env.SCHEDULER_ENABLED, outbox: options.outbox ?? true };
      if (testClock)
        logger.warn(
          { now: romeIso(clock.now()) },
          'OROLOGIO DI PROVA attivo (RETI_TEST_CLOCK=1): il servizio non segue l’ora reale e POST /admin/clock la fa avanzare. Mai in produzione.',
        );
      inbox.open();
      for (const adapter of adapters.values()) await adapter.start(inbox.sink);
      await inbox.recover();
      inbox.startSweeping();
      if (started.outbox) outbox.start();
      if (started.scheduler) jobs.start();
      await refreshMetrics();
      metricsTimer = setInterval(() => void refreshMetrics(), config.env.METRICS_REFRESH_SECONDS * 1000);
      metricsTimer.unref();
    },
    async stop() {
      clearInterval(metricsTimer);
      for (const adapter of adapters.values()) await adapter.stop().catch((err) => logger.warn({ err, platform: adapter.platform }, 'adapter stop failed'));
      await jobs.stop();
      await inbox.stop();
      await outbox.stop();
    },
  };
}
