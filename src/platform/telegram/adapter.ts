// Placeholder until the Telegram adapter lands (see issue 2).
import type { Env } from '../../config.js';
import type { Logger } from '../../log.js';
import type { PlatformAdapter } from '../port.js';

export function createTelegramAdapter(_env: Env, _logger: Logger): PlatformAdapter {
  throw new Error('Telegram adapter not built yet');
}
