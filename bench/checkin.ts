// npm run bench:checkin — the weekly check-in at scale, on the embedded database (PGlite, on disk)
// and on PostgreSQL (a fresh database reti_bench_<random> on DATABASE_URL's server, or
// 127.0.0.1:5432, dropped at the end):
//   1. time to open a week's rounds for N networks × R referents (prompts queued in the outbox),
//      with peak RSS/heap sampled during the run (work is done in batches of networks);
//   2. the same job again (idempotent: nothing new);
//   3. the delivery rate of the real outbox worker through the real Telegram adapter against the Bot
//      API stand-in enforcing scaled Telegram limits (see checkin-delivery.ts);
//   4. three more weekly openings with a GC forced after each batch: the live heap stays bounded.
// Options (environment): BENCH_NETWORKS (2000), BENCH_REFERENTS (5), BENCH_DB (both|pglite|postgres),
// BENCH_DELIVERY (1: measure delivery, 0: skip), BENCH_TELEGRAM_PER_SECOND (300).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createApp } from '../src/app.js';
import type { Clock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { openDatabase, withDefaultUser, type Database } from '../src/db/client.js';
import { seed } from './checkin-seed.js';
import { deliveryTarget, measureDelivery } from './checkin-delivery.js';
import { MemoryProbe, mb } from './memory.js';

const NETWORKS = Number(process.env.BENCH_NETWORKS ?? 2000);
const REFERENTS = Number(process.env.BENCH_REFERENTS ?? 5);
const WHICH = process.env.BENCH_DB ?? 'both';
const DELIVERY = process.env.BENCH_DELIVERY !== '0';

interface Target {
  label: string;
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

function pgliteTarget(): Target {
  let dir = '';
  return {
    label: 'PGlite (embedded, on disk)',
    async open() {
      dir = await mkdtemp(path.join(tmpdir(), 'reti-bench-'));
      return openDatabase({ dataDir: dir });
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

function postgresTarget(): Target {
  const server = withDefaultUser(process.env.DATABASE_URL ?? 'postgres://127.0.0.1:5432/test');
  const name = `reti_bench_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  return {
    label: `PostgreSQL (${new URL(server).host}, database ${name})`,
    async open() {
      await admin(`CREATE DATABASE "${name}"`);
      const u = new URL(server);
      u.pathname = `/${name}`;
      return openDatabase({ url: u.toString(), poolSize: 10 });
    },
    cleanup: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function bench(target: Target): Promise<void> {
  console.log(`\n=== ${target.label}: ${NETWORKS} networks × ${REFERENTS} referents ===`);
  const db = await target.open();
  const delivery = await deliveryTarget();
  try {
    let t = performance.now();
    await db.migrate();
    await seed(db.prisma, NETWORKS, REFERENTS);
    console.log(`seed (migrations, networks, people, accounts, groups): ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const config = loadConfig({ INSTANCE_ID: 'bench', ...delivery.env });
    // Monday 09:00 in Rome of a week the real clock has not reached, then running at real speed (the
    // outbox worker waits in real time): the rounds stay open meanwhile.
    let offset = new Date('2027-03-01T08:00:00Z').getTime() - Date.now();
    const clock: Clock = { now: () => new Date(Date.now() + offset) };
    const probe = new MemoryProbe();
    const app = createApp({ config, db, adapters: [delivery.adapter], clock, logger: probe.logger });
    const base = probe.start();
    t = performance.now();
    const result = await app.jobs.run('checkin-open');
    const ms = performance.now() - t;
    probe.stop();
    const queued = await db.prisma.outboxMessage.count({ where: { status: 'pending' } });
    console.log(
      `open the week (checkin-open): ${(ms / 1000).toFixed(2)} s — ${result.opened} rounds opened, ${result.prompts} prompts queued (outbox: ${queued} pending) — target < 10 s: ${ms < 10_000 ? 'OK' : 'MISSED'}`,
    );
    console.log(
      `  memory: RSS ${mb(base.rss)} before → peak ${mb(probe.peakRss)}; heap ${mb(base.heap)} before → peak ${mb(probe.peakHeap)} (garbage included)`,
    );
    t = performance.now();
    const again = await app.jobs.run('checkin-open');
    const after = await db.prisma.outboxMessage.count();
    console.log(`open again (same week): ${((performance.now() - t) / 1000).toFixed(2)} s — ${again.prompts} new prompts, outbox still ${after} rows`);

    if (DELIVERY) await measureDelivery(app, db, delivery, Number(result.prompts));

    // The next weeks' openings do the same work (close 2,000 rounds, open 2,000, 10,000 prompts);
    // this time a GC is forced after each batch to read the live heap: it stays bounded.
    for (let week = 2; week <= 4; week++) {
      offset += 7 * 24 * 60 * 60 * 1000;
      probe.liveAtBatches = true;
      probe.start();
      const r = await app.jobs.run('checkin-open');
      probe.stop();
      console.log(
        `  week ${week}: ${r.prompts} prompts; live heap after each batch (GC forced): ${probe.live.map((h) => mb(h)).join(' · ')}; peak RSS ${mb(probe.peakRss)}`,
      );
    }

    await app.stop();
  } finally {
    await delivery.close();
    await db.close();
    await target.cleanup();
  }
}

console.log(
  `Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} (other work on the machine slows every figure)`,
);
const targets = [...(WHICH !== 'postgres' ? [pgliteTarget()] : []), ...(WHICH !== 'pglite' ? [postgresTarget()] : [])];
for (const target of targets) await bench(target);
