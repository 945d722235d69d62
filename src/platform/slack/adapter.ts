// Placeholder until the Slack adapter lands (see issue 2).
import type { Env } from '../../config.js';
import type { Logger } from '../../log.js';
import type { PlatformAdapter } from '../port.js';
import type { CommandInfo } from '../factory.js';

export function createSlackAdapter(_env: Env, _logger: Logger, _options: { commands: CommandInfo[] }): PlatformAdapter {
  throw new Error('Slack adapter not built yet');
}
