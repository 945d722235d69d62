// The domain services commands, conversations and jobs use. Each capability adds its own here;
// they take their dependencies (database, clock, logger) and never a platform SDK.
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Db } from './db/client.js';
import type { Logger } from './log.js';
import type { CommandRegistry } from './bus/registry.js';
import type { Context } from './bus/types.js';
import type { Conversations } from './conversation/engine.js';
import { Labs } from './capabilities/labs/service.js';
import { createLegamiService, type LegamiService } from './capabilities/legami/settings.js';
import { createCheckinService, type CheckinService } from './capabilities/checkins/service.js';

export interface ServiceDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  config: Config;
  commands: CommandRegistry;
  runCommand(ctx: Context, name: string, text: string): Promise<void>;
  conversations: Conversations;
  platforms: Platforms;
}

/** What the domain may know of the connected platforms, without knowing their SDKs. */
export interface Platforms {
  /** Platforms connected now ("slack", "telegram"). */
  connected(): string[];
  /** A link that opens a private chat with the bot carrying a payload (Telegram deep link). */
  privateChatLink(platform: string, payload: string): string | undefined;
  capabilities(platform: string): { forms: boolean; ephemeral: boolean; groupDm: boolean } | undefined;
}

export interface Services {
  /** The persisted dialogue engine (check-ins, guided forms). */
  conversations: Conversations;
  platforms: Platforms;
  clock: Clock;
  commands: CommandRegistry;
  /** Runs another command in the same context (Telegram deep links). */
  runCommand(ctx: Context, name: string, text: string): Promise<void>;
  /** Laboratori: workshop sessions, sign-ups, reminders, feedback. */
  labs: Labs;
  /** Legami: introduction settings and where support requests come from. */
  legami: LegamiService;
  /** Weekly indicator check-ins. */
  checkins: CheckinService;
}

export function createServices(deps: ServiceDeps): Services {
  return {
    commands: deps.commands,
    runCommand: deps.runCommand,
    conversations: deps.conversations,
    platforms: deps.platforms,
    clock: deps.clock,
    labs: new Labs({ reminderOffsets: deps.config.env.LABS_REMINDERS, feedbackWindowHours: 72 }),
    legami: createLegamiService(deps.config, deps.logger),
    checkins: createCheckinService({ db: deps.db, platforms: deps.platforms, openCron: deps.config.schedules['checkin-open'] }),
  };
}
