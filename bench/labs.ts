// Benchmark of the laboratori: concurrent sign-ups through the real service (inbox, dispatcher,
// row lock) and the reminder job over many participants. Prints figures; asserts only that the
// seats came out right. PGlite by default; BENCH_DATABASE_URL=postgres://… uses a throwaway
// database on that server.
//   npm run bench:labs            npm run bench:labs -- 600   (sign-ups)
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { createApp } from '../src/app.js';
import { ManualClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { openDatabase, withDefaultUser, type Database } from '../src/db/client.js';
import { createLabFromCli } from '../src/capabilities/labs/cli-actions.js';
import { importConfiguration } from '../src/configuration.js';
import { MemoryAdapter } from '../src/platform/memory/adapter.js';

const SIGNUPS = Number(process.argv[2] ?? 300);
const CAPACITY = Math.floor(SIGNUPS / 3);

/** While set, every query Prisma sends is collected here (the profile of one event). */
let profile: { sql: string; durationMs: number }[] | undefined;
const onQuery = (q: { sql: string; durationMs: number }) => profile?.push(q);

async function database(): Promise<{ db: Database; drop(): Promise<void> }> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) return { db: await openDatabase({ dataDir: 'memory://', onQuery }), drop: async () => {} };
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
  return { db: await openDatabase({ url: u.toString(), poolSize: 10, onQuery }), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

function ms(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e6;
}

async function main() {
  const { db, drop } = await database();
  await db.migrate();
  const clock = new ManualClock('2026-11-23T08:00:00Z');
  await importConfiguration(db.prisma, clock, readFileSync(new URL('../config/example.yaml', import.meta.url), 'utf8'));
  const telegram = new MemoryAdapter('telegram');
  const app = createApp({ config: loadConfig({ INSTANCE_ID: 'bench' }), db, adapters: [telegram, new MemoryAdapter('slack', 'T0EXAMPLE')], clock });
  await app.start({ scheduler: false, outbox: false });
  try {
    const run = async (labId: number, count: number, offset: number) => {
      const group = telegram.group('-1001000000001');
      const started = process.hrtime.bigint();
      await Promise.all(
        Array.from({ length: count }, (_, i) =>
          telegram.press({ id: String(900_000_000 + offset + i), name: `Persona ${offset + i}` }, group, 'laboratori.join', String(labId)),
        ),
      );
      return ms(started);
    };
    const { id: race } = await createLabFromCli(db.prisma, clock, {
      title: 'Gara',
      theme: 'bench',
      start: '03/12/2026 14:30',
      end: '17:00',
      where: 'Bergamo',
      capacity: CAPACITY,
    });
    const raceMs = await run(race, SIGNUPS, 0);
    const confirmed = await db.prisma.labSignup.count({ where: { labId: race, status: 'confirmed' } });
    const waiting = await db.prisma.labSignup.count({ where: { labId: race, status: 'waiting' } });
    console.log(`database: ${db.kind}`);
    console.log(
      `sign-ups: ${SIGNUPS} people pressing «Mi iscrivo» at once for ${CAPACITY} seats: ${raceMs.toFixed(0)} ms, ${((SIGNUPS / raceMs) * 1000).toFixed(0)} sign-ups/s (${confirmed} confirmed, ${waiting} waiting)`,
    );
    if (confirmed !== CAPACITY || waiting !== SIGNUPS - CAPACITY) throw new Error(`seats wrong: ${confirmed} confirmed, ${waiting} waiting`);

    // Where one press's time goes: every database round trip from recording to done.
    profile = [];
    await run(race, 1, SIGNUPS);
    const trips = profile;
    profile = undefined;
    console.log(`one press, ${trips.length} database round trips (${trips.reduce((n, q) => n + q.durationMs, 0).toFixed(0)} ms as Prisma reports them):`);
    for (const q of trips) console.log(`  ${q.durationMs.toFixed(1).padStart(6)} ms  ${q.sql.replace(/\s+/g, ' ').slice(0, 140)}`);

    clock.set('2026-12-02T13:40:00Z');
    let started = process.hrtime.bigint();
    const first = await app.jobs.run('labs-remind');
    const remindMs = ms(started);
    started = process.hrtime.bigint();
    const again = await app.jobs.run('labs-remind');
    const rerunMs = ms(started);

    console.log(`labs-remind: ${first.sent} reminders enqueued in ${remindMs.toFixed(0)} ms; rerun sent ${again.sent} in ${rerunMs.toFixed(0)} ms`);
  } finally {
    await app.stop();
    await db.close();
    await drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
