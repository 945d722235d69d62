// Bolt and the WebClient log through Reti's pino logger, so their warnings (a refused signature,
// a failed call) land in the same place as ours.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../log.js';

function format(parts: unknown[]): { err?: unknown; msg: string } {
  const err = parts.find((p) => p instanceof Error);
  const msg = parts
    .filter((p) => p !== err)
    .map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p)))
    .join(' ');
  return { ...(err ? { err } : {}), msg: msg || (err instanceof Error ? err.message : '') };
}

export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: 'slack' });
  let level = LogLevel.INFO;
  let name = 'bolt';
  const write =
    (fn: 'debug' | 'info' | 'warn' | 'error') =>
    (...parts: unknown[]) => {
      const { err, msg } = format(parts);
      log[fn]({ ...(err ? { err } : {}), sdk: name }, msg);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n: string) => {
      name = n;
    },
  };
}
