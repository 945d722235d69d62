// The cruscotto under test: the whole service on a fresh database with the fixture networks, its
// HTTP server on a free port, the personal link taken from what the bot said in the (memory) chat,
// and a tiny cookie-keeping client that logs in as a browser would (open the link, press «Entra»).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { listen } from '../../src/http/server.js';
import type { MemoryAdapter, MemoryUser } from '../../src/platform/memory/adapter.js';
import { testApp, type TestApp } from '../support/app.js';

export interface CruscottoTest {
  t: TestApp;
  base: string;
  close(): Promise<void>;
}

export async function cruscottoTest(options: Parameters<typeof testApp>[0] = {}): Promise<CruscottoTest> {
  const t = await testApp(options);
  const server: Server = await listen(t.app.http, 0, '127.0.0.1');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    t,
    base,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await t.close();
    },
  };
}

const LINK = /(https?:\/\/[^\s)]+)\/cruscotto\/accesso\/([A-Za-z0-9_-]+)/;

/** Asks the bot for a link (/cruscotto in the private chat) and returns it as the person received it. */
export async function askLink(t: TestApp, user: MemoryUser, adapter: MemoryAdapter = t.telegram): Promise<string> {
  await adapter.command(user, adapter.privateChat(user), 'cruscotto');
  await t.deliver();
  const m = LINK.exec(adapter.lastText(user.id));
  if (!m) throw new Error(`no link in: ${adapter.lastText(user.id)}`);
  return m[0];
}

/** The same link on the test server (the bot's links use PUBLIC_URL or http://localhost:PORT). */
export function onServer(link: string, base: string): string {
  return link.replace(LINK, (_all, _origin, token) => `${base}/cruscotto/accesso/${token}`);
}

export interface Reply {
  status: number;
  text: string;
  headers: Headers;
}

/** A browser in miniature: keeps cookies, follows nothing by itself. */
export class Client {
  readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  private remember(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private header(): Record<string, string> {
    return this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }

  async get(path: string): Promise<Reply> {
    const res = await fetch(path.startsWith('http') ? path : `${this.base}${path}`, { headers: this.header(), redirect: 'manual' });
    this.remember(res);
    return { status: res.status, text: await res.text(), headers: res.headers };
  }

  async post(path: string, form: Record<string, string>): Promise<Reply> {
    const res = await fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: { ...this.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
      redirect: 'manual',
    });
    this.remember(res);
    return { status: res.status, text: await res.text(), headers: res.headers };
  }

  /** Opens the link and presses «Entra»: the reply to the POST (303 to the panoramica when it worked). */
  async login(link: string): Promise<Reply> {
    const page = await this.get(onServer(link, this.base));
    if (page.status !== 200) return page;
    return this.post('/cruscotto/accesso', { token: hidden(page.text, 'token'), _csrf: hidden(page.text, '_csrf') });
  }
}

/** The value of a hidden input in a page. */
export function hidden(html: string, name: string): string {
  const m = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html);
  if (!m) throw new Error(`no hidden ${name}`);
  return m[1]!;
}

/** The page's text as a person reads it (tags dropped, entities decoded, spaces folded). */
export function visibleText(html: string): string {
  return html
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
