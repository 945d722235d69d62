// The domain services commands, conversations and jobs use. Each capability adds its own here;
// they take their dependencies (database, clock, logger) and never a platform SDK.
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Db } from './db/client.js';
import type { Logger } from './log.js';
import type { CommandRegistry } from './bus/registry.js';
import type { Context } from './bus/types.js';
import type { Conversations } from './conversation/engine.js';

export interface ServiceDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  config: Config;
  commands: CommandRegistry;
  runCommand(ctx: Context, name: string, text: string): Promise<void>;
  conversations: Conversations;
}

export interface Services {
  /** The persisted dialogue engine (check-ins, guided forms). */
  conversations: Conversations;
  commands: CommandRegistry;
  /** Runs another command in the same context (Telegram deep links). */
  runCommand(ctx: Context, name: string, text: string): Promise<void>;
}

export function createServices(deps: ServiceDeps): Services {
  return {
    commands: deps.commands,
    runCommand: deps.runCommand,
    conversations: deps.conversations,
  };
}
