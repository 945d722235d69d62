// npm run bench:digest — digests and exports at scale: N networks × W weeks × 11 indicators
// (default 2,000 × 52 ≈ 1.1 M answers), on the embedded database (PGlite, on disk) and on PostgreSQL
// (a fresh database reti_bench_<random> on 127.0.0.1:5432, or BENCH_PG_URL's server, dropped at the end).
// Seeding and each measurement run in child processes of their own, so each peak is that of the
// measured work (PGlite runs inside the process: its memory is part of RSS). Measures, with process
// RSS / heap peaks sampled during each step and the process's CPU time:
//   1. building and queueing every coordinator's digest (the Monday job; target < 2 s),
//      with the time of each section's query;
//   2. exporting the year to xlsx (target < 30 s), and to csv;
//   3. the network digests job (every network's own summary), for information.
// Options (environment): BENCH_NETWORKS (2000), BENCH_WEEKS (52), BENCH_DB (both|pglite|postgres).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, withDefaultUser, type Database } from '../src/db/client.js';
import { defaultContributions } from '../src/app.js';
import { buildDigest, sectionsFor } from '../src/capabilities/digests/build.js';
import { renderDigest } from '../src/capabilities/digests/render.js';
import { scopeOf } from '../src/reports/scope.js';
import { sendCoordinatorDigests, sendNetworkDigests } from '../src/capabilities/digests/send.js';
import { periodOf } from '../src/capabilities/exports/period.js';
import { exportToFiles } from '../src/capabilities/exports/service.js';
import { splitMessage } from '../src/platform/split.js';
import { shiftWeek } from '../src/time.js';
import { seed } from './digest-seed.js';

const NETWORKS = Number(process.env.BENCH_NETWORKS ?? 2000);
const WEEKS = Number(process.env.BENCH_WEEKS ?? 52);
const WHICH = process.env.BENCH_DB ?? 'both';
const NOW = new Date('2026-11-23T07:30:00Z'); // Monday 08:30 in Rome: the job's default time
const WEEK = '2026-W47';
const weeks = Array.from({ length: WEEKS }, (_, i) => shiftWeek(WEEK, i - WEEKS + 1));
const MB = 1024 * 1024;

/** Samples RSS and heap while `run` runs; returns its duration and the peaks. */
async function measured<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; cpu: number; rss: number; heap: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const cpu = process.cpuUsage();
  let rss = process.memoryUsage().rss;
  let heap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 20);
  const start = performance.now();
  try {
    const value = await run();
    const used = process.cpuUsage(cpu);
    return {
      value,
      ms: performance.now() - start,
      cpu: (used.user + used.system) / 1000,
      rss: Math.max(rss, process.memoryUsage().rss),
      heap: Math.max(heap, process.memoryUsage().heapUsed),
    };
  } finally {
    clearInterval(timer);
  }
}

const fmt = (r: { ms: number; cpu: number; rss: number; heap: number }, target?: number) =>
  `${(r.ms / 1000).toFixed(2).padStart(7)} s (CPU ${(r.cpu / 1000).toFixed(2)} s)  peak RSS ${(r.rss / MB).toFixed(0).padStart(4)} MB  heap ${(r.heap / MB).toFixed(0).padStart(4)} MB` +
  (target ? `   ${r.ms < target ? 'OK' : 'OVER'} (target < ${target / 1000} s)` : '');

const { digestSections, exportDatasets } = defaultContributions;

/** Each coordinator section's build, one after the other ("checkins.response" shown as "response"). */
async function sections(db: Database): Promise<string> {
  const view = { scope: scopeOf(WEEK, NOW), network: null };
  const out: string[] = [];
  for (const section of sectionsFor(digestSections, false)) {
    const start = performance.now();
    await section.build(db.prisma, view);
    out.push(`${section.id.replace(/^[^.]*\./, '')} ${(performance.now() - start).toFixed(0)}`);
  }
  return out.join(' · ') + ' ms';
}

async function seedPhase(db: Database): Promise<void> {
  await db.migrate();
  const seeded = await measured(() => seed(db.prisma, NETWORKS, weeks, NOW));
  const n = (await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM checkin_answer`)[0]?.n ?? 0;
  console.log(`seed + bulk load (${n.toLocaleString('en')} answers, its own process) ${fmt(seeded)}`);
}

type Step = 'digest' | 'xlsx' | 'csv' | 'networks';
const STEPS: Step[] = ['digest', 'xlsx', 'csv', 'networks'];

/** One measurement, in a process of its own (RSS never shrinks: each step's peak is its own). */
async function measureStep(step: Step, db: Database, dir: string): Promise<void> {
  const base = `(RSS ${(process.memoryUsage().rss / MB).toFixed(0)} MB with the database open)`;
  const period = periodOf(weeks[0]!, WEEK);
  if (step === 'digest') {
    const digest = await measured(() => sendCoordinatorDigests(db.prisma, digestSections, NOW, WEEK, ['telegram', 'slack']));
    console.log(`coordinator digests (${digest.value.sent} recipients)        ${fmt(digest, 2000)} ${base}`);
    const message = renderDigest(await buildDigest(db.prisma, digestSections, { week: WEEK, now: NOW }));
    console.log(`   one more build, by section: ${await sections(db)}`);
    console.log(
      `   the digest: ${message.blocks?.length ?? 0} blocks → ${splitMessage('telegram', message).length} Telegram / ${splitMessage('slack', message).length} Slack messages`,
    );
    const again = await measured(() => sendCoordinatorDigests(db.prisma, digestSections, NOW, WEEK, ['telegram', 'slack']));
    console.log(`   again: sent ${again.value.sent}, already ${again.value.already}, ${(again.ms / 1000).toFixed(2)} s`);
  } else if (step === 'xlsx') {
    const xlsx = await measured(() => exportToFiles(db.prisma, exportDatasets, { period, networkId: null }, 'xlsx', null, path.join(dir, 'anno.xlsx')));
    const size = (await stat(path.join(dir, 'anno.xlsx'))).size;
    console.log(`export a year to xlsx (${xlsx.value.rows.risposte?.toLocaleString('en')} rows, ${(size / MB).toFixed(1)} MB) ${fmt(xlsx, 30_000)} ${base}`);
  } else if (step === 'csv') {
    const csv = await measured(() => exportToFiles(db.prisma, exportDatasets, { period, networkId: null }, 'csv', null, path.join(dir, 'csv')));
    console.log(`export a year to csv (${csv.value.files.length} files)                  ${fmt(csv)} ${base}`);
  } else {
    const networks = await measured(() => sendNetworkDigests(db.prisma, digestSections, NOW, WEEK, ['telegram']));
    console.log(`network digests (${networks.value.sent} channels)                ${fmt(networks)} ${base}`);
  }
}

/** Runs this file again as a child process for one phase (seed or measure) against one database. */
function child(phase: 'seed' | Step, env: Record<string, string>): void {
  const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!], { env: { ...process.env, ...env, BENCH_PHASE: phase }, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${phase} failed (exit ${r.status})`);
}

async function open(): Promise<Database> {
  const url = process.env.BENCH_URL;
  return url ? openDatabase({ url, poolSize: 5 }) : openDatabase({ dataDir: process.env.BENCH_DATA_DIR! });
}

async function onPglite(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'reti-bench-digest-'));
  console.log(`\n== PGlite (embedded, on disk): ${NETWORKS} networks × ${WEEKS} weeks × 11 indicators`);
  try {
    const env = { BENCH_DATA_DIR: path.join(dir, 'data'), BENCH_DIR: dir };
    child('seed', env);
    for (const step of STEPS) child(step, env);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function onPostgres(): Promise<void> {
  const server = withDefaultUser(process.env.BENCH_PG_URL ?? 'postgres://127.0.0.1:5432/test');
  const name = `reti_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const dir = await mkdtemp(path.join(tmpdir(), 'reti-bench-digest-'));
  console.log(`\n== PostgreSQL (${name} on ${url.host}): ${NETWORKS} networks × ${WEEKS} weeks × 11 indicators`);
  try {
    const env = { BENCH_URL: url.toString(), BENCH_DIR: dir };
    child('seed', env);
    for (const step of STEPS) child(step, env);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const phase = process.env.BENCH_PHASE;
  if (phase) {
    const db = await open();
    try {
      if (phase === 'seed') await seedPhase(db);
      else await measureStep(phase as Step, db, process.env.BENCH_DIR!);
    } finally {
      await db.close();
    }
    return;
  }
  console.log(
    `Reti digest benchmark — Node ${process.version}, week ${WEEK} (${weeks[0]} … ${WEEK}), load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} CPUs`,
  );
  if (WHICH === 'both' || WHICH === 'pglite') await onPglite();
  if (WHICH === 'both' || WHICH === 'postgres') await onPostgres();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
