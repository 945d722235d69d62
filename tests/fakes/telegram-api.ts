// A local stand-in for the Telegram Bot API, over real HTTP (POST /bot<token>/<method> with JSON,
// form-urlencoded or multipart bodies), answering as Telegram does: { ok: true, result } or
// { ok: false, error_code, description, parameters? } with the matching HTTP status.
//
// It records every call, keeps the messages it "delivered" (text and entities parsed from the
// HTML, buttons, files), serves getUpdates with long polling and offsets, and lets a test inject
// failures, mark chats that never pressed /start, and enforce Telegram's rate limits with sliding
// windows (counting the 429s it answers and the same text delivered twice to one chat). The
// check-in benchmark reuses it to measure delivery rates.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiError } from './telegram-errors.js';
import { parseHtml, type Entity } from './telegram-html.js';
import { RateLimiter, type RateLimitRules } from './rate-window.js';
import type { Update, UpdateBody } from './telegram-updates.js';
import { ApiFailure, tgErrors } from './telegram-errors.js';
import { TelegramMethods } from './telegram-methods.js';

export { ApiFailure, tgErrors, type ApiError } from './telegram-errors.js';

export interface UploadedFile {
  field: string;
  filename: string;
  mimeType: string;
  content: Buffer;
}

export interface ApiCall {
  method: string;
  params: Record<string, any>;
  /** Date.now() when the request arrived. */
  at: number;
  file?: UploadedFile;
  /** Set once answered. */
  result?: unknown;
  error?: ApiError;
  ok?: boolean;
}

export interface FakeMessage {
  chatId: string;
  messageId: number;
  /** What the person reads: the text (or caption) after Telegram parsed the HTML. */
  text: string;
  entities: Entity[];
  /** The text as the bot sent it (HTML). */
  html: string;
  buttons?: { text: string; callback_data?: string; url?: string }[][];
  document?: UploadedFile;
  /** sendPhoto: the image, shown in the chat. */
  photo?: UploadedFile;
  sentAt: number;
  edits: number;
}

export interface BotInfo {
  id: number;
  username: string;
  first_name: string;
}

export class FakeTelegramApi {
  readonly calls: ApiCall[] = [];
  /** Every message delivered, in order (edits change them in place). */
  readonly messages: FakeMessage[] = [];
  /** Private chats whose person never pressed /start (403). */
  readonly neverStarted = new Set<string>();
  /** Private chats whose person blocked the bot (403). */
  readonly blocked = new Set<string>();
  /** Chats that do not exist (400 chat not found). */
  readonly unknownChats = new Set<string>();
  /** Groups upgraded to a supergroup: old chat id → new one (400 with migrate_to_chat_id). */
  readonly migrated = new Map<string, string>();
  readonly stats = { tooManyRequests: 0, duplicates: 0, delivered: 0 };
  /** Same text (or same file and caption) delivered to the same chat more than once. */
  readonly duplicateDeliveries: { chatId: string; text: string }[] = [];
  webhook: { url: string; secretToken?: string; allowedUpdates?: string[] } | undefined;
  /** The command menu, as set by setMyCommands. */
  commands: { command: string; description: string }[] = [];
  /** Updates not yet confirmed by a getUpdates offset. */
  queue: Update[] = [];
  limiter: RateLimiter | undefined;
  private readonly failures = new Map<string, { error: ApiError; times: number }[]>();
  private readonly methods = new TelegramMethods(this);
  private readonly deliveredKeys = new Set<string>();
  private nextUpdateId = 700_000_001;
  private server!: Server;

  private constructor(
    readonly token: string,
    readonly bot: BotInfo,
  ) {}

  static async start(options: { token?: string; bot?: Partial<BotInfo>; rateLimits?: RateLimitRules } = {}): Promise<FakeTelegramApi> {
    const bot = { id: 7000000001, username: 'reti_test_bot', first_name: 'Reti', ...options.bot };
    const api = new FakeTelegramApi(options.token ?? `${bot.id}:AAFakeTokenForTests_abcdefghijklmno`, bot);
    if (options.rateLimits) api.enforceRateLimits(options.rateLimits);
    api.server = createServer((req, res) => void api.handle(req, res));
    await new Promise<void>((resolve) => api.server.listen(0, '127.0.0.1', resolve));
    return api;
  }

  /** The value for TELEGRAM_API_ROOT. */
  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Answer 429 (with retry_after) when a message would exceed these limits; undefined: no limits. */
  enforceRateLimits(rules: RateLimitRules | undefined): void {
    this.limiter = rules ? new RateLimiter(rules) : undefined;
  }

  /** The next `times` calls of `method` fail with `error`. */
  fail(method: string, error: ApiError, times = 1): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), { error, times }]);
  }

  /** Queues an update for getUpdates; returns it with its update_id. */
  push(body: UpdateBody): Update {
    const update = { update_id: this.nextUpdateId++, ...body } as Update;
    this.queue.push(update);
    this.methods.wakePollers();
    return update;
  }

  /** Queues an update again, same update_id (Telegram resending what was not confirmed). */
  requeue(update: Update): void {
    this.queue.push(update);
    this.queue.sort((a, b) => a.update_id - b.update_id);
    this.methods.wakePollers();
  }

  /** Sends an update to the webhook as Telegram would (secret header unless told otherwise). */
  async postToWebhook(bodyOrUpdate: UpdateBody | Update, options: { secret?: string | null; url?: string } = {}): Promise<{ status: number; update: Update }> {
    const update = ('update_id' in bodyOrUpdate ? bodyOrUpdate : { update_id: this.nextUpdateId++, ...bodyOrUpdate }) as Update;
    const url = options.url ?? this.webhook?.url;
    if (!url) throw new Error('no webhook set');
    const secret = options.secret === undefined ? this.webhook?.secretToken : options.secret;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret !== null && secret !== undefined ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
      body: JSON.stringify(update),
    });
    await res.arrayBuffer();
    return { status: res.status, update };
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Messages delivered to a chat, in order. */
  sentTo(chatId: string | number): FakeMessage[] {
    return this.messages.filter((m) => m.chatId === String(chatId));
  }

  takeFailure(method: string): ApiError | undefined {
    const list = this.failures.get(method);
    const next = list?.[0];
    if (!next) return undefined;
    if (--next.times <= 0) list!.shift();
    return next.error;
  }

  recordDelivery(message: FakeMessage): void {
    const key = `${message.chatId}\n${message.document ? `file:${message.document.filename}\n` : ''}${message.photo ? `photo:${message.photo.filename}\n` : ''}${message.text}`;
    if (this.deliveredKeys.has(key)) {
      this.stats.duplicates++;
      this.duplicateDeliveries.push({ chatId: message.chatId, text: message.text });
    }
    this.deliveredKeys.add(key);
    this.stats.delivered++;
    this.messages.push(message);
  }

  parseHtmlOrFail(html: string) {
    const parsed = parseHtml(html);
    if (!parsed.ok) throw new ApiFailure(tgErrors.badRequest(parsed.description.replace(/^Bad Request: /, '')));
    return parsed;
  }

  async close(): Promise<void> {
    this.methods.wakePollers();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!match) return answer(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    if (match[1] !== this.token) return answer(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = match[2]!;
    let call: ApiCall;
    try {
      call = { method, at: Date.now(), ...(await readParams(req, url)) };
    } catch (err) {
      return answer(res, 400, { ok: false, error_code: 400, description: `Bad Request: ${(err as Error).message}` });
    }
    this.calls.push(call);
    try {
      const injected = this.takeFailure(method);
      if (injected) throw new ApiFailure(injected);
      const result = await this.methods.call(method, call, res);
      call.ok = true;
      call.result = result;
      answer(res, 200, { ok: true, result });
    } catch (err) {
      const error = err instanceof ApiFailure ? err.error : { error_code: 500, description: `Internal Server Error: ${(err as Error).message}` };
      call.ok = false;
      call.error = error;
      if (error.error_code === 429) this.stats.tooManyRequests++;
      answer(res, error.error_code, { ok: false, ...error });
    }
  }
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

const JSON_FIELDS = ['reply_markup', 'allowed_updates', 'commands', 'scope', 'link_preview_options', 'entities', 'caption_entities'];

async function readParams(req: IncomingMessage, url: URL): Promise<{ params: Record<string, any>; file?: UploadedFile }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = String(req.headers['content-type'] ?? '');
  const params: Record<string, any> = Object.fromEntries(url.searchParams);
  let file: UploadedFile | undefined;
  if (type.startsWith('application/json')) {
    if (body.length) Object.assign(params, JSON.parse(body.toString('utf8')));
  } else if (type.startsWith('application/x-www-form-urlencoded')) {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString('utf8'))));
  } else if (type.startsWith('multipart/form-data')) {
    const form = await new Request('http://fake/', { method: 'POST', headers: { 'content-type': type }, body }).formData();
    const entries: [string, FormDataEntryValue][] = [];
    form.forEach((value, key) => entries.push([key, value]));
    for (const [key, value] of entries) {
      if (typeof value === 'string') {
        params[key] = value;
      } else {
        file = { field: key, filename: value.name, mimeType: value.type, content: Buffer.from(await value.arrayBuffer()) };
        params[key] = `attach://${value.name}`;
      }
    }
  }
  for (const key of JSON_FIELDS) {
    if (typeof params[key] === 'string') {
      try {
        params[key] = JSON.parse(params[key]);
      } catch {
        throw new Error(`can't parse ${key} JSON object`);
      }
    }
  }
  return { params, ...(file ? { file } : {}) };
}

/** Polls `probe` until it returns a truthy value (or throws after `timeoutMs`). */
export async function until<T>(probe: () => T | Promise<T>, timeoutMs = 5000, what = 'condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
