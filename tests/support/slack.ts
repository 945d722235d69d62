// The real service with the real Slack adapter, talking over HTTP to the Slack stand-in
// (tests/fakes/slack-api.ts) and receiving signed requests on its own HTTP server.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CommandSpec } from '../../src/bus/types.js';
import { systemClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { listen } from '../../src/http/server.js';
import { silentLogger } from '../../src/log.js';
import type { RateLimits } from '../../src/platform/port.js';
import { createSlackAdapter } from '../../src/platform/slack/adapter.js';
import { FakeSlackApi, type FakeUser } from '../fakes/slack-api.js';
import { SlackSender } from '../fakes/slack-requests.js';
import { testApp, type TestApp } from './app.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** Slack profiles of the fixture people (tests/fixtures/networks.yaml), plus someone new. */
export const slackUsers: FakeUser[] = [
  { id: 'U0COORD1', name: 'luca.bianchi', realName: 'Luca Bianchi' },
  { id: 'U0MARIA', name: 'maria.rossi', realName: 'Maria Rossi', displayName: 'maria' },
  { id: 'U0PAOLO', name: 'paolo.colombo', realName: 'Paolo Colombo' },
  { id: 'U0NUOVA', name: 'giovanna.neri', realName: 'Giovanna Neri' },
];

export interface SlackTestApp {
  t: TestApp;
  api: FakeSlackApi;
  sender: SlackSender;
  adapter: ReturnType<typeof createSlackAdapter>;
  /** Waits until every recorded event is handled, then delivers the outbox. */
  settle(): Promise<number>;
  inboundCount(): Promise<number>;
  close(): Promise<void>;
}

export async function slackTestApp(options: { commands?: CommandSpec<any>[]; limits?: Partial<RateLimits>; socketMode?: boolean } = {}): Promise<SlackTestApp> {
  const api = await FakeSlackApi.start({ users: slackUsers });
  const env = loadConfig({
    SLACK_BOT_TOKEN: api.token,
    SLACK_API_URL: api.apiUrl,
    ...(options.socketMode ? { SLACK_APP_TOKEN: api.appToken } : { SLACK_SIGNING_SECRET: SIGNING_SECRET }),
  }).env;
  const adapter = createSlackAdapter(env, silentLogger, {
    commands: [],
    limits: { globalPerSecond: 1000, perChatIntervalMs: 0, perGroupPerMinute: 60_000, ...options.limits },
  });
  // Real time: Slack signs with it, and the outbox compares it with the database's clock.
  const t = await testApp({ adapters: [adapter], clock: systemClock, ...(options.commands ? { commands: options.commands } : {}) });
  const server: Server = await listen(t.app.http, 0, '127.0.0.1');
  const port = (server.address() as AddressInfo).port;
  const sender = new SlackSender(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET);
  return {
    t,
    api,
    sender,
    adapter,
    async settle() {
      await t.app.inbox.idle();
      return t.deliver();
    },
    inboundCount: () => t.db.prisma.inboundEvent.count(),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
      await api.close();
    },
  };
}

interface AnyBlock {
  type: string;
  text?: { text: string };
  elements?: { type: string; text?: string | { text: string }; action_id?: string; value?: string }[];
}

/** What a person reads in a Slack message: header, section and context texts, buttons in [brackets]. */
export function readBlocks(blocks: unknown): string {
  return ((blocks as AnyBlock[] | undefined) ?? [])
    .map((b) => {
      if (b.type === 'divider') return '———';
      if (b.type === 'actions') return (b.elements ?? []).map((e) => `[${typeof e.text === 'string' ? e.text : e.text?.text}]`).join(' ');
      if (b.type === 'context') return (b.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : '')).join(' ');
      return b.text?.text ?? '';
    })
    .join('\n');
}
