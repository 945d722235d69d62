// How quickly Slack gets its acknowledgement: Reti (the whole service, real Slack adapter, inbox on
// a real database) and a bare Bolt app answering the same slash command, side by side in one run,
// against the same Slack stand-in (tests/fakes/slack-api.ts). 16 workers send signed slash commands
// back to back; each request's time to the HTTP answer is recorded. The bare Bolt app acknowledges,
// then answers with chat.postEphemeral through the stand-in; Reti records the event before its
// acknowledgement, then handles it and delivers its answer through the outbox.
// Prints req/s, p50, p99 for both and the ratio Reti/Bolt. PGlite always; PostgreSQL too when
// BENCH_DATABASE_URL is set (a throwaway database on that server).
//   npm run bench:ack            npm run bench:ack -- 1500   (requests per side)
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { App as BoltApp, HTTPReceiver } from '@slack/bolt';
import pg from 'pg';
import { createApp, defaultContributions } from '../src/app.js';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { openDatabase, withDefaultUser, type Database } from '../src/db/client.js';
import { importConfiguration } from '../src/configuration.js';
import { listen } from '../src/http/server.js';
import { silentLogger } from '../src/log.js';
import { createSlackAdapter } from '../src/platform/slack/adapter.js';
import { FakeSlackApi, type FakeUser } from '../tests/fakes/slack-api.js';
import { SlackSender } from '../tests/fakes/slack-requests.js';

const REQUESTS = Number(process.argv[2] ?? 800);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const WARMUP = 64;
const SECRET = 'bench-signing-secret-0123456789abcdef';
const CHANNEL = 'C0BG01'; // Rete Bergamo Ovest in config/example.yaml

const users: FakeUser[] = Array.from({ length: 64 }, (_, i) => ({
  id: `U0BENCH${String(i).padStart(3, '0')}`,
  name: `persona.${i}`,
  realName: `Persona ${i}`,
}));

export interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** `count` signed `/rete` commands from 16 workers at once; the time of each HTTP answer. */
async function load(sender: SlackSender, count: number): Promise<Figures> {
  const times: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        // A connection reset (keep-alive socket closed under load) counts as an error, not a crash.
        const status = await sender
          .command({ command: '/rete', user: users[i % users.length]!.id, channel: CHANNEL })
          .then((res) => res.status)
          .catch(() => 0);
        times.push(performance.now() - t0);
        if (status !== 200) errors++;
      }
    }),
  );
  const elapsed = performance.now() - started;
  times.sort((a, b) => a - b);
  return { perSecond: (count / elapsed) * 1000, p50: percentile(times, 50), p99: percentile(times, 99), errors };
}

async function serve(handler: Parameters<typeof listen>[0]): Promise<{ server: Server; url: string }> {
  const server = await listen(handler, 0, '127.0.0.1');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events` };
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A bare Bolt app: acknowledge, then answer the person through the Web API. */
async function bareBolt(api: FakeSlackApi): Promise<Figures> {
  const receiver = new HTTPReceiver({ signingSecret: SECRET, endpoints: '/slack/events', processBeforeResponse: false });
  const bolt = new BoltApp({ token: api.token, receiver, clientOptions: { slackApiUrl: api.apiUrl, retryConfig: { retries: 0 } }, logLevel: undefined });
  bolt.command(/.*/, async ({ command, ack, client }) => {
    await ack();
    await client.chat.postEphemeral({ channel: command.channel_id, user: command.user_id, text: 'Rete Bergamo Ovest' });
  });
  const express = (await import('express')).default;
  const http = express();
  http.post('/slack/events', (req, res) => receiver.requestListener(req, res));
  const { server, url } = await serve(http);
  const sender = new SlackSender(url, SECRET);
  try {
    await load(sender, WARMUP);
    return await load(sender, REQUESTS);
  } finally {
    await closeServer(server);
  }
}

async function database(url: string | undefined): Promise<{ db: Database; drop(): Promise<void> }> {
  if (!url) return { db: await openDatabase({ dataDir: 'memory://' }), drop: async () => {} };
  const name = `reti_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: withDefaultUser(url) });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  await admin(`CREATE DATABASE "${name}"`);
  const u = new URL(withDefaultUser(url));
  u.pathname = `/${name}`;
  return { db: await openDatabase({ url: u.toString(), poolSize: 10 }), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** Reti as `npm start` builds it, with the Slack adapter over HTTP. */
async function reti(api: FakeSlackApi, databaseUrl: string | undefined): Promise<Figures & { handled: number; delivered: number }> {
  const { db, drop } = await database(databaseUrl);
  await db.migrate();
  await importConfiguration(db.prisma, systemClock, readFileSync(new URL('../config/example.yaml', import.meta.url), 'utf8'));
  const env = loadConfig({ SLACK_BOT_TOKEN: api.token, SLACK_API_URL: api.apiUrl, SLACK_SIGNING_SECRET: SECRET, INSTANCE_ID: 'bench-ack' }).env;
  const adapter = createSlackAdapter(env, silentLogger, {
    commands: defaultContributions.commands,
    limits: { globalPerSecond: 1000, perChatIntervalMs: 0, perGroupPerMinute: 60_000 },
  });
  const app = createApp({ config: loadConfig({ INSTANCE_ID: 'bench-ack' }), db, adapters: [adapter], clock: systemClock });
  const { server, url } = await serve(app.http);
  await app.start({ scheduler: false });
  const sender = new SlackSender(url, SECRET);
  try {
    await load(sender, WARMUP);
    await app.inbox.idle();
    const figures = await load(sender, REQUESTS);
    await app.inbox.idle();
    const handled = await db.prisma.inboundEvent.count({ where: { status: 'done' } });
    // Let the outbox deliver the answers (not measured: only the acknowledgement is).
    for (let i = 0; i < 100 && (await db.prisma.outboxMessage.count({ where: { status: { in: ['pending', 'sending'] } } })) > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const delivered = await db.prisma.outboxMessage.count({ where: { status: 'sent' } });
    return { ...figures, handled, delivered };
  } finally {
    await closeServer(server);
    await app.stop();
    await db.close();
    await drop();
  }
}

const fmt = (f: Figures) => `${f.perSecond.toFixed(0).padStart(5)} req/s   p50 ${f.p50.toFixed(1).padStart(6)} ms   p99 ${f.p99.toFixed(1).padStart(6)} ms`;

async function main() {
  const api = await FakeSlackApi.start({ users });
  try {
    console.log(`${REQUESTS} signed slash commands per side, ${CONCURRENCY} at a time (after ${WARMUP} to warm up)`);
    const targets: [string, string | undefined][] = [['PGlite', undefined]];
    if (process.env.BENCH_DATABASE_URL) targets.push(['PostgreSQL', process.env.BENCH_DATABASE_URL]);
    for (const [label, url] of targets) {
      const bolt = await bareBolt(api);
      const ours = await reti(api, url);
      console.log(`\n${label}`);
      console.log(`  bare Bolt  ${fmt(bolt)}${bolt.errors ? `   ${bolt.errors} errors` : ''}`);
      console.log(`  Reti       ${fmt(ours)}${ours.errors ? `   ${ours.errors} errors` : ''}   (${ours.handled} handled, ${ours.delivered} answers delivered)`);
      console.log(
        `  ratio Reti/Bolt: p50 ${(ours.p50 / bolt.p50).toFixed(2)}×, p99 ${(ours.p99 / bolt.p99).toFixed(2)}×, req/s ${(ours.perSecond / bolt.perSecond).toFixed(2)}×`,
      );
    }
  } finally {
    await api.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
