// POST /telegram/webhook: Telegram's requests, checked against the secret token set with
// setWebhook, handed to telegraf's webhook callback. Telegram gets 200 only once the update is
// recorded; a refused request records nothing.
import { AsyncLocalStorage } from 'node:async_hooks';
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Telegraf } from 'telegraf';
import type { Logger } from '../../log.js';
import type { HttpRoute } from '../port.js';

export const WEBHOOK_PATH = '/telegram/webhook';
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

// The response of the webhook request being handled, so the handler can turn it into a 500 when
// the update could not be recorded (telegraf ends the response itself, with 200 by default).
const responses = new AsyncLocalStorage<ServerResponse>();

export function currentWebhookResponse(): ServerResponse | undefined {
  return responses.getStore();
}

/** Updates are a few kilobytes; anything this large is not from Telegram. */
const MAX_BODY_BYTES = 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The URL given to setWebhook: TELEGRAM_WEBHOOK_URL, with /telegram/webhook when it has no path. */
export function webhookUrl(configured: string): string {
  const url = new URL(configured);
  if (url.pathname === '' || url.pathname === '/') url.pathname = WEBHOOK_PATH;
  return url.toString();
}

export interface WebhookRouteOptions {
  bot: Telegraf;
  secret: string;
  logger: Logger;
  /** False before start and after stop: Telegram is asked to try again later (503). */
  accepting(): boolean;
  /** In-flight requests, awaited by stop(). */
  inflight: Set<Promise<void>>;
}

export function webhookRoute(opts: WebhookRouteOptions): HttpRoute {
  const callback = opts.bot.webhookCallback(WEBHOOK_PATH, { secretToken: opts.secret });
  const refuse = (res: ServerResponse, status: number) => {
    res.statusCode = status;
    res.end();
  };
  return {
    path: WEBHOOK_PATH,
    handler(req, res) {
      if (!secretMatches(req.headers[SECRET_HEADER], opts.secret)) {
        opts.logger.warn({ ip: req.socket.remoteAddress }, 'Telegram webhook: secret token mancante o errato, richiesta rifiutata');
        return refuse(res, 401);
      }
      if (!opts.accepting()) {
        res.setHeader('retry-after', '5');
        return refuse(res, 503);
      }
      // telegraf checks path and secret again; what it refuses gets 403.
      const work = readBody(req)
        .then((body) => {
          if (!body) return refuse(res, 413);
          // Handed over whole: telegraf's own reader decodes chunk by chunk, which garbles a
          // character whose bytes arrive in two TCP segments.
          (req as IncomingMessage & { body?: Buffer }).body = body;
          return responses.run(res, () => callback(req, res, () => refuse(res, 403)));
        })
        .catch((err: unknown) => {
          opts.logger.error({ err }, 'Telegram webhook: richiesta non gestita');
          if (!res.headersSent) refuse(res, 500);
        });
      opts.inflight.add(work);
      void work.finally(() => opts.inflight.delete(work));
    },
  };
}
