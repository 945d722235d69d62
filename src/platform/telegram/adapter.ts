// Placeholder until the Telegram adapter lands (see issue 2).
import type { Env } from '../../config.js';
import type { Logger } from '../../log.js';
import type { PlatformAdapter } from '../port.js';
import type { CommandInfo } from '../factory.js';

export function createTelegramAdapter(_env: Env, _logger: Logger, _options: { commands: CommandInfo[] }): PlatformAdapter {
  throw new Error('Telegram adapter not built yet');
}
