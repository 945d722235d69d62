// Placeholder until the Slack adapter lands (see issue 2).
import type { Env } from '../../config.js';
import type { Logger } from '../../log.js';
import type { PlatformAdapter } from '../port.js';

export function createSlackAdapter(_env: Env, _logger: Logger): PlatformAdapter {
  throw new Error('Slack adapter not built yet');
}
