// Builds the real service (createApp) on a fresh database with in-memory platforms, so tests
// drive whole conversations and read what the bot said.
import { readFileSync } from 'node:fs';
import { createApp, type App } from '../../src/app.js';
import { ManualClock, type Clock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/client.js';
import { importConfiguration } from '../../src/configuration.js';
import { MemoryAdapter, type MemoryUser } from '../../src/platform/memory/adapter.js';
import type { PlatformAdapter } from '../../src/platform/port.js';
import { testDatabase } from './db.js';
import type { CommandSpec } from '../../src/bus/types.js';
import type { Flow } from '../../src/conversation/engine.js';
import type { Capability } from '../../src/capability.js';
import type { JobSpec } from '../../src/jobs/types.js';
import type { Logger } from '../../src/log.js';

export const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

/** People of tests/fixtures/networks.yaml. */
export const people = {
  luca: { id: '100000001', name: 'Luca Bianchi' }, // coordinatore (telegram + slack U0COORD1)
  maria: { id: '100000002', name: 'Maria Rossi' }, // referente BG01 (telegram + slack U0MARIA)
  ahmed: { id: '100000003', name: 'Ahmed Benali' }, // referente BG01
  francesca: { id: '100000004', name: 'Francesca Gatti' }, // referente BS02
  fatou: { id: '100000008', name: 'Fatou Diop' }, // membro BG01
  mariaSlack: { id: 'U0MARIA', name: 'Maria Rossi' },
  lucaSlack: { id: 'U0COORD1', name: 'Luca Bianchi' },
} satisfies Record<string, MemoryUser>;

export const groups = { BG01: '-1001000000001', BS02: '-1001000000002', slackBG01: 'C0BG01' };

export interface TestApp {
  app: App;
  db: Database;
  clock: ManualClock;
  /** In-memory Telegram and Slack (workspace T0EXAMPLE). */
  telegram: MemoryAdapter;
  slack: MemoryAdapter;
  /** Delivers everything due in the outbox. */
  deliver(): Promise<number>;
  close(): Promise<void>;
}

export async function testApp(
  options: {
    yaml?: string | false;
    clock?: Clock;
    env?: Record<string, string>;
    adapters?: PlatformAdapter[];
    db?: Database;
    commands?: CommandSpec<any>[];
    flows?: Flow[];
    capabilities?: Capability[];
    jobs?: JobSpec[];
    logger?: Logger;
  } = {},
): Promise<TestApp> {
  const db = options.db ?? (await testDatabase());
  const clock = (options.clock as ManualClock | undefined) ?? new ManualClock('2026-11-23T08:00:00Z');
  const telegram = new MemoryAdapter('telegram');
  const slack = new MemoryAdapter('slack', 'T0EXAMPLE');
  // The privacy notice at first contact is tested on its own (tests/privacy/notice.test.ts).
  const config = loadConfig({ INSTANCE_ID: `test-${process.pid}-${Math.random()}`, PRIVACY_NOTICE_AT_FIRST_CONTACT: 'false', ...options.env });
  const app = createApp({
    config,
    db,
    adapters: options.adapters ?? [telegram, slack],
    clock,
    ...(options.commands ? { commands: options.commands } : {}),
    ...(options.flows ? { flows: options.flows } : {}),
    ...(options.capabilities ? { capabilities: options.capabilities } : {}),
    ...(options.jobs ? { jobs: options.jobs } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  await app.start({ scheduler: false, outbox: false });
  if (options.yaml !== false) await importConfiguration(db.prisma, clock, options.yaml ?? fixture('networks.yaml'));
  return {
    app,
    db,
    clock,
    telegram,
    slack,
    deliver: () => app.outbox.drain(),
    async close() {
      await app.stop();
      if (!options.db) await db.close();
    },
  };
}
