// The capability contract. A capability (networks, checkins, labs, legami, digests, exports…) is one
// folder, src/capabilities/<name>/, whose index.ts exports one Capability value describing what it
// brings. src/app.ts lists the capabilities once; every registry (commands, jobs, flows, failure
// listeners, configuration sections, CLI subcommands, digest sections, export data sets, services)
// is derived from that list. The kernel (bus, conversation, inbox, outbox, jobs, db, platform,
// reports) imports no capability.
import type { Command } from 'commander';
import type { Router } from 'express';
import type { CommandSpec } from './bus/types.js';
import type { Clock } from './clock.js';
import type { Env } from './config.js';
import type { ConfigSection } from './config-import/import.js';
import type { Flow } from './conversation/engine.js';
import type { Database, Db } from './db/client.js';
import type { EventHandlers } from './events.js';
import type { ClockControl } from './jobs/clock-control.js';
import type { JobRunner } from './jobs/runner.js';
import type { JobSpec } from './jobs/types.js';
import type { Logger } from './log.js';
import type { TaggedFailureListener } from './outbox/failure-listener.js';
import type { ExportDataset } from './reports/dataset.js';
import type { DigestSection } from './reports/digest-section.js';
import type { NetworkFacet, NetworkPanel } from './reports/network-page.js';
import type { Platforms, Services } from './services.js';

/** What a capability's services are built from. */
export interface ServiceDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  env: Env;
  /** Cron expressions per job id (SCHEDULE_<JOB>), defaults when absent. */
  schedules: Record<string, string>;
  platforms: Platforms;
  /** The services of the kernel and of the capabilities listed before this one. */
  services: Services;
  /** What every listed capability contributes (digest sections, export data sets…). */
  contributions: Contributions;
}

/** What a capability's web routes are built from: the same as its services (every capability's services are built by then). */
export type WebDeps = ServiceDeps;

/** What the service offers a CLI subcommand that needs more than the database. */
export interface CliApp {
  db: Database;
  clock: Clock;
  services: Services;
  jobs: JobRunner;
  contributions: Contributions;
  /** Present when the clock can be moved; the CLI moves it only when RETI_TEST_CLOCK=1 (testClock). */
  clockControl?: ClockControl;
  testClock: boolean;
}

/** What a capability's command-line subcommands receive (npm run reti -- <subcommand>). */
export interface CliContext {
  /** Opens the database (applying migrations) for the duration of `use`. */
  withDatabase<T>(use: (db: Database) => Promise<T>): Promise<T>;
  /** Builds the service (adapters configured but not started) for the duration of `use`. */
  withApp<T>(use: (app: CliApp) => Promise<T>): Promise<T>;
  /** The clock of the service (the test clock when RETI_TEST_CLOCK=1). */
  clock: Clock;
  /** The running service (PUBLIC_URL or http://localhost:PORT) and ADMIN_TOKEN, for commands it must carry out. */
  service?: { url: string; token?: string };
  print(line: string): void;
}

/** Start-up work after migrations (e.g. install default data once). */
export interface StartupContext {
  db: Db;
  clock: Clock;
  logger: Logger;
}

export interface Capability {
  /** kebab-case, unique: "labs". */
  name: string;
  /** Chat commands (one file each under commands/). */
  commands?: CommandSpec<any>[];
  /** Scheduled jobs (one file each under jobs/). */
  jobs?: JobSpec[];
  /** Conversation flows (guided forms, check-ins). */
  flows?: Flow[];
  /** Sections of the YAML configuration (networks:, indicators:, laboratori:…). */
  configSections?: ConfigSection<any>[];
  /** What happens when a message with one of these outbox tags cannot be delivered for good. */
  failureListeners?: Record<string, TaggedFailureListener>;
  /** Subcommands of `npm run reti --` (`contributions`: what every listed capability contributes). */
  cli?(program: Command, ctx: () => CliContext, contributions: Contributions): void;
  /** Sections of the coordinators' and networks' digests. */
  digestSections?: DigestSection<any>[];
  /** Sheets (xlsx) or files (csv) of the exports. */
  exportDatasets?: ExportDataset[];
  /** Panels of a network's page in the cruscotto (src/reports/network-page.ts). */
  networkPanels?: NetworkPanel[];
  /** Attributes of every network the cruscotto can filter and sort by (e.g. a maturity stage). */
  networkFacets?: NetworkFacet[];
  /** Web routes, mounted on the service's HTTP server (paths chosen by the capability, e.g. /cruscotto/…). */
  http?(deps: WebDeps): Router;
  /** Reactions to other capabilities' domain events, in the transaction that emits them. */
  on?: EventHandlers;
  /** The capability's services, merged into `ctx.services` (declare them by augmenting `Services`). */
  services?(deps: ServiceDeps): Partial<Services>;
  /** Runs once at start, after migrations and before the configuration is loaded. */
  onStartup?(ctx: StartupContext): Promise<void>;
}

export function defineCapability(capability: Capability): Capability {
  return capability;
}

/** Everything the listed capabilities contribute, checked for clashes. */
export interface Contributions {
  capabilities: Capability[];
  commands: CommandSpec<any>[];
  jobs: JobSpec[];
  flows: Flow[];
  configSections: ConfigSection<any>[];
  failureListeners: Record<string, TaggedFailureListener>;
  digestSections: DigestSection<any>[];
  exportDatasets: ExportDataset[];
  networkPanels: NetworkPanel[];
  networkFacets: NetworkFacet[];
}

export function contributionsOf(capabilities: Capability[]): Contributions {
  const unique = <T>(kind: string, items: T[], id: (item: T) => string): T[] => {
    const seen = new Set<string>();
    for (const item of items) {
      const key = id(item);
      if (seen.has(key)) throw new Error(`${kind} «${key}» contributed twice`);
      seen.add(key);
    }
    return items;
  };
  unique('capability', capabilities, (c) => c.name);
  const failureListeners: Record<string, TaggedFailureListener> = {};
  for (const c of capabilities) {
    for (const [tag, listener] of Object.entries(c.failureListeners ?? {})) {
      if (failureListeners[tag]) throw new Error(`failure listener «${tag}» contributed twice`);
      failureListeners[tag] = listener;
    }
  }
  return {
    capabilities,
    commands: unique(
      'command',
      capabilities.flatMap((c) => c.commands ?? []),
      (s) => s.name,
    ),
    jobs: unique(
      'job',
      capabilities.flatMap((c) => c.jobs ?? []),
      (j) => j.id,
    ),
    flows: unique(
      'flow',
      capabilities.flatMap((c) => c.flows ?? []),
      (f) => f.id,
    ),
    configSections: unique(
      'configuration section',
      capabilities.flatMap((c) => c.configSections ?? []),
      (s) => s.key,
    ).sort((a, b) => a.order - b.order),
    failureListeners,
    digestSections: unique(
      'digest section',
      capabilities.flatMap((c) => c.digestSections ?? []),
      (s) => s.id,
    ).sort((a, b) => a.order - b.order),
    exportDatasets: unique(
      'export data set',
      capabilities.flatMap((c) => c.exportDatasets ?? []),
      (d) => d.id,
    ).sort((a, b) => a.order - b.order),
    networkPanels: unique(
      'network panel',
      capabilities.flatMap((c) => c.networkPanels ?? []),
      (p) => p.id,
    ).sort((a, b) => a.order - b.order),
    networkFacets: unique(
      'network facet',
      capabilities.flatMap((c) => c.networkFacets ?? []),
      (f) => f.id,
    ).sort((a, b) => a.order - b.order),
  };
}
