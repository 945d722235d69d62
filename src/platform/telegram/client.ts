// The telegraf instance Reti uses: a configurable API root (a self-hosted Bot API server, or the
// tests' stand-in), no answers folded into webhook responses (every call is a real, checked API
// call), and no handler timeout (the handler only records the update, see receive.ts).
import { Telegraf, type Telegram } from 'telegraf';

type CallApiOptions = NonNullable<Parameters<Telegram['callApi']>[2]>;

export function createBot(token: string, apiRoot: string | undefined): Telegraf {
  return new Telegraf(token, {
    handlerTimeout: Infinity,
    telegram: { webhookReply: false, ...(apiRoot ? { apiRoot } : {}) },
  });
}

/** Abandons a Bot API call after `ms` (the call then fails with an AbortError). */
export function timeout(ms: number): CallApiOptions {
  // node-fetch (inside telegraf) accepts Node's AbortSignal; the typings name a polyfill's.
  return { signal: AbortSignal.timeout(ms) as unknown as CallApiOptions['signal'] };
}
