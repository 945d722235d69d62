// A local stand-in for Slack's Web API, over real HTTP (node:http on port 0): form-encoded or JSON
// bodies, `Authorization: Bearer` checked, `{ ok: true, … }` / `{ ok: false, error }` answers,
// every call recorded. A test can make a method answer 429 with Retry-After, fail with an HTTP
// status, or return a Slack error — for any call or only for one channel. Posted messages are kept
// per channel with their metadata, and conversations.history returns them (metadata only when
// asked with include_all_metadata, as Slack does).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeSocketMode } from './slack-socket.js';

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  /** What the stand-in answered. */
  status: number;
  ok: boolean;
  error?: string;
}

export interface Upload {
  fileId: string;
  filename: string;
  bytes: Buffer;
}

export interface FakeUser {
  id: string;
  name: string;
  realName: string;
  displayName?: string;
}

interface Failure {
  method: string;
  channel?: string;
  error?: string;
  status?: number;
  retryAfter?: number;
  times: number;
}

/** Keys Slack takes as JSON inside form-encoded bodies. */
const JSON_KEYS = new Set(['blocks', 'view', 'files', 'attachments', 'metadata']);

type Json = Record<string, unknown>;

export interface StoredMessage {
  ts: string;
  text: string;
  blocks?: unknown;
  metadata?: { event_type: string; event_payload: Json };
  bot_id?: string;
  user?: string;
}

export class FakeSlackApi {
  readonly calls: SlackCall[] = [];
  readonly uploads: Upload[] = [];
  readonly users = new Map<string, FakeUser>();
  readonly team = { id: 'T0EXAMPLE', name: 'Reti Lombardia' };
  readonly bot = { userId: 'U0RETIBOT', botId: 'B0RETI' };
  private readonly failures: Failure[] = [];
  private readonly pendingUploads = new Map<string, string>();
  private readonly groups = new Map<string, string>();
  /** Messages per channel id (DMs under D…), oldest first. */
  readonly history = new Map<string, StoredMessage[]>();
  private seq = 0;
  private server!: Server;
  base = '';
  /** Socket Mode: apps.connections.open (with the app-level token) hands out this WebSocket. */
  readonly socketMode = new FakeSocketMode();
  readonly appToken = 'xapp-1-A0RETI-1-test';

  private constructor(readonly token: string) {}

  static async start(options: { token?: string; users?: FakeUser[] } = {}): Promise<FakeSlackApi> {
    const api = new FakeSlackApi(options.token ?? 'xoxb-test-token');
    for (const u of options.users ?? []) api.users.set(u.id, u);
    api.server = createServer((req, res) => void api.handle(req, res));
    api.server.on('upgrade', (req, socket) => api.socketMode.accept(req, socket));
    await new Promise<void>((resolve) => api.server.listen(0, '127.0.0.1', resolve));
    api.base = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
    return api;
  }

  /** The SLACK_API_URL to give the adapter. */
  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  async close(): Promise<void> {
    this.socketMode.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `times` calls of `method` (optionally only to `channel`) fail as described. */
  fail(method: string, failure: Omit<Failure, 'method' | 'times'> & { times?: number }): void {
    this.failures.push({ method, times: 1, ...failure });
  }

  rateLimit(method: string, retryAfterSec: number, channel?: string): void {
    this.fail(method, { status: 429, retryAfter: retryAfterSec, ...(channel ? { channel } : {}) });
  }

  callsTo(method: string, onlyOk = true): SlackCall[] {
    return this.calls.filter((c) => c.method === method && (!onlyOk || c.ok));
  }

  reset(): void {
    this.calls.length = 0;
    this.uploads.length = 0;
    this.failures.length = 0;
  }

  // ---- HTTP ----

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const raw = await readBody(req);
      const url = new URL(req.url ?? '/', this.base);
      if (url.pathname.startsWith('/upload/')) return void (await this.receiveUpload(url.pathname.slice('/upload/'.length), req, raw, res));
      const method = /^\/api\/([\w.]+)$/.exec(url.pathname)?.[1];
      if (!method || req.method !== 'POST') return send(res, 404, { ok: false, error: 'unknown_method' });
      const args = parseArgs(req.headers['content-type'] ?? '', raw);
      const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? (typeof args.token === 'string' ? args.token : undefined);
      if (!given) return this.answer(res, method, args, 200, { ok: false, error: 'not_authed' });
      const expected = method === 'apps.connections.open' ? this.appToken : this.token;
      if (given !== expected) return this.answer(res, method, args, 200, { ok: false, error: 'invalid_auth' });
      const failure = this.takeFailure(method, args);
      if (failure) {
        const status = failure.status ?? 200;
        const headers = failure.retryAfter !== undefined ? { 'Retry-After': String(failure.retryAfter) } : undefined;
        const error = failure.error ?? (status === 429 ? 'ratelimited' : 'internal_error');
        return this.answer(res, method, args, status, { ok: false, error }, headers);
      }
      const result = this.call(method, args);
      this.answer(res, method, args, 200, result);
    } catch (err) {
      send(res, 500, { ok: false, error: String(err) });
    }
  }

  private answer(res: ServerResponse, method: string, args: Json, status: number, body: Json, headers?: Record<string, string>): void {
    const ok = status === 200 && body.ok === true;
    this.calls.push({ method, args, status, ok, ...(typeof body.error === 'string' ? { error: body.error } : {}) });
    send(res, status, body, headers);
  }

  private takeFailure(method: string, args: Json): Failure | undefined {
    const channel = args.channel ?? args.channel_id;
    const i = this.failures.findIndex((f) => f.method === method && (!f.channel || f.channel === channel));
    if (i < 0) return undefined;
    const failure = this.failures[i]!;
    if (--failure.times <= 0) this.failures.splice(i, 1);
    return failure;
  }

  private ts(): string {
    // Seconds of the real clock (history is read back `oldest` a time), then a sequence.
    return `${Math.floor(Date.now() / 1000)}.${String(++this.seq).padStart(6, '0')}`;
  }

  /** A user id (U…) posted to means the bot's DM with that person. */
  dmOf(userId: string): string {
    return `D${userId.slice(1)}`;
  }

  private call(method: string, args: Json): Json {
    const channelArg = String(args.channel ?? '');
    switch (method) {
      case 'apps.connections.open':
        return { ok: true, url: `${this.base.replace(/^http/, 'ws')}/socket` };
      case 'auth.test':
        return {
          ok: true,
          url: 'https://reti-lombardia.slack.com/',
          team: this.team.name,
          team_id: this.team.id,
          user: 'reti',
          user_id: this.bot.userId,
          bot_id: this.bot.botId,
        };
      case 'chat.postMessage': {
        if (!channelArg) return { ok: false, error: 'channel_not_found' };
        const channel = /^[UW]/.test(channelArg) ? this.dmOf(channelArg) : channelArg;
        const ts = this.ts();
        const stored: StoredMessage = {
          ts,
          text: String(args.text ?? ''),
          ...(args.blocks ? { blocks: args.blocks } : {}),
          ...(args.metadata ? { metadata: args.metadata as StoredMessage['metadata'] } : {}),
          bot_id: this.bot.botId,
        };
        this.history.set(channel, [...(this.history.get(channel) ?? []), stored]);
        return { ok: true, channel, ts, message: { type: 'message', text: args.text, blocks: args.blocks, ts, bot_id: this.bot.botId } };
      }
      case 'chat.postEphemeral':
        if (!channelArg || !args.user) return { ok: false, error: 'channel_not_found' };
        return { ok: true, message_ts: this.ts() };
      case 'chat.update':
        if (!args.ts) return { ok: false, error: 'message_not_found' };
        return { ok: true, channel: channelArg, ts: args.ts, text: args.text };
      case 'conversations.open': {
        const users = String(args.users ?? '')
          .split(',')
          .filter(Boolean)
          .sort();
        if (users.length === 0) return { ok: false, error: 'users_list_not_supplied' };
        if (users.length === 1) return { ok: true, channel: { id: this.dmOf(users[0]!) } };
        const key = users.join(',');
        if (!this.groups.has(key)) this.groups.set(key, `G0MPIM${this.groups.size + 1}`);
        return { ok: true, channel: { id: this.groups.get(key) } };
      }
      case 'conversations.history': {
        if (!channelArg) return { ok: false, error: 'channel_not_found' };
        const oldest = Number(args.oldest ?? 0);
        const limit = Math.min(Number(args.limit ?? 100), 999);
        const withMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
        const newestFirst = [...(this.history.get(channelArg) ?? [])].filter((m) => Number(m.ts) > oldest).reverse();
        const start = Number(args.cursor ?? 0);
        const page = newestFirst.slice(start, start + limit);
        const more = start + limit < newestFirst.length;
        return {
          ok: true,
          messages: page.map(({ metadata, ...m }) => ({ type: 'message', ...m, ...(withMetadata && metadata ? { metadata } : {}) })),
          has_more: more,
          response_metadata: { next_cursor: more ? String(start + limit) : '' },
        };
      }
      case 'users.info': {
        const user = this.users.get(String(args.user));
        if (!user) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: {
            id: user.id,
            team_id: this.team.id,
            name: user.name,
            real_name: user.realName,
            profile: { real_name: user.realName, display_name: user.displayName ?? '' },
          },
        };
      }
      case 'views.open':
        if (!args.trigger_id) return { ok: false, error: 'invalid_trigger_id' };
        return { ok: true, view: { id: `V0${++this.seq}`, ...(args.view as Json) } };
      case 'files.getUploadURLExternal': {
        if (!args.filename || !args.length) return { ok: false, error: 'invalid_arguments' };
        const fileId = `F0${++this.seq}`;
        this.pendingUploads.set(fileId, String(args.filename));
        return { ok: true, upload_url: `${this.base}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        const files = (args.files as { id: string; title?: string }[] | undefined) ?? [];
        if (files.some((f) => !this.uploads.some((u) => u.fileId === f.id))) return { ok: false, error: 'file_not_found' };
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title ?? '' })) };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private async receiveUpload(fileId: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): Promise<void> {
    const filename = this.pendingUploads.get(fileId);
    if (!filename) return void res.writeHead(404).end();
    const type = req.headers['content-type'] ?? 'application/octet-stream';
    let bytes = raw;
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': type } }).formData();
      let file: Blob | undefined;
      form.forEach((value) => {
        if (typeof value !== 'string') file ??= value;
      });
      bytes = file ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
    }
    this.pendingUploads.delete(fileId);
    this.uploads.push({ fileId, filename, bytes });
    this.calls.push({ method: 'upload', args: { fileId, filename, length: bytes.length }, status: 200, ok: true });
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${bytes.length}`);
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseArgs(contentType: string, raw: Buffer): Json {
  const text = raw.toString('utf8');
  if (!text) return {};
  if (contentType.startsWith('application/json')) return JSON.parse(text) as Json;
  const args: Json = {};
  for (const [key, value] of new URLSearchParams(text)) {
    args[key] = JSON_KEYS.has(key) && /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
}

function send(res: ServerResponse, status: number, body: Json, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}
