// npm run bench:cruscotto — every page of the cruscotto at scale: 2,000 networks × 52 weeks of
// check-ins (≈ 1.1 M answers, the digest benchmark's data set) on PostgreSQL (a fresh database
// reti_bench_<random> on 127.0.0.1:5432 or BENCH_PG_URL's server, dropped at the end). The whole
// service serves the pages over HTTP on loopback; each page is loaded once cold (its charts not yet
// drawn), then 20 times: the figures are the server's answer time as the client sees it (p50, p95,
// max), target p95 < 300 ms. Options: BENCH_NETWORKS (2000), BENCH_WEEKS (52), BENCH_LOADS (20).
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { createApp } from '../src/app.js';
import { ManualClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { openDatabase, withDefaultUser } from '../src/db/client.js';
import { listen } from '../src/http/server.js';
import { createLink, consumeLink, openSession } from '../src/capabilities/cruscotto/links.js';
import { shiftWeek } from '../src/time.js';
import { seed } from './digest-seed.js';

const NETWORKS = Number(process.env.BENCH_NETWORKS ?? 2000);
const WEEKS = Number(process.env.BENCH_WEEKS ?? 52);
const LOADS = Number(process.env.BENCH_LOADS ?? 20);
const TARGET_MS = 300;
const NOW = new Date('2026-11-23T10:00:00Z'); // Monday: the latest week with rounds is W47
const WEEK = '2026-W47';
const weeks = Array.from({ length: WEEKS }, (_, i) => shiftWeek(WEEK, i - WEEKS + 1));

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

async function main(): Promise<void> {
  const server = withDefaultUser(process.env.BENCH_PG_URL ?? 'postgres://127.0.0.1:5432/test');
  // BENCH_REUSE=<name>: measure again on a database kept by BENCH_KEEP=1 (no seeding).
  const reuse = process.env.BENCH_REUSE;
  const name = reuse ?? `reti_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  if (!reuse) await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  console.log(
    `Reti cruscotto benchmark — Node ${process.version}, PostgreSQL ${name}, ${NETWORKS} networks × ${WEEKS} weeks, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} CPUs`,
  );
  const db = await openDatabase({ url: url.toString(), poolSize: 10 });
  let http: Server | undefined;
  try {
    await db.migrate();
    const started = performance.now();
    if (!reuse) await seed(db.prisma, NETWORKS, weeks, NOW);
    const [answers] = await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM checkin_answer`;
    console.log(
      `${reuse ? 'reused' : 'seeded'} ${answers!.n.toLocaleString('en')} answers${reuse ? '' : ` in ${((performance.now() - started) / 1000).toFixed(1)} s`}`,
    );

    const clock = new ManualClock(NOW);
    const app = createApp({ config: loadConfig({ INSTANCE_ID: 'bench', LOG_LEVEL: 'silent' }), db, adapters: [], clock });
    http = await listen(app.http, 0, '127.0.0.1');
    const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const cookieFor = async (personName: string) => {
      const person = await db.prisma.person.findFirstOrThrow({ where: { name: personName } });
      const { token } = await createLink(db.prisma, person.id, NOW);
      const link = await consumeLink(db.prisma, token, NOW);
      if (!link.ok) throw new Error('link');
      return `reti_cruscotto=${(await openSession(db.prisma, link, NOW)).token}`;
    };
    const coordinator = await cookieFor('Coordinatore 1');
    const referent = await cookieFor('Referente 1');

    const pages: [string, string, string][] = [
      ['coordinatore', 'Panoramica', '/cruscotto'],
      ['coordinatore', 'Panoramica, per silenzio, pagina 20', '/cruscotto?ordina=silence&pagina=20'],
      ['coordinatore', 'Panoramica, filtro tema', '/cruscotto?tema=scuola'],
      ['coordinatore', 'Indicatori (12 settimane)', '/cruscotto/indicatori'],
      ['coordinatore', 'Indicatori, 52 settimane, D01000 e mediana', '/cruscotto/indicatori?periodo=52&rete=D01000'],
      ['coordinatore', 'Rete D01000', '/cruscotto/rete/D01000'],
      ['coordinatore', 'Rete D01000, 52 settimane', '/cruscotto/rete/D01000?periodo=52'],
      ['coordinatore', 'Laboratori', '/cruscotto/laboratori'],
      ['coordinatore', 'Legami', '/cruscotto/legami'],
      ['coordinatore', 'Esporta (modulo)', '/cruscotto/esporta'],
      ['referente', 'Panoramica', '/cruscotto'],
      ['referente', 'Indicatori, 52 settimane, con la mediana', '/cruscotto/indicatori?periodo=52&rete=D00001'],
      ['referente', 'Rete D00001', '/cruscotto/rete/D00001'],
    ];
    console.log(`\n${'page'.padEnd(58)} ${'cold'.padStart(7)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'max'.padStart(7)}  (ms, ${LOADS} loads)`);
    let over = 0;
    for (const [who, label, path] of pages) {
      const cookie = who === 'coordinatore' ? coordinator : referent;
      const load = async () => {
        const start = performance.now();
        const res = await fetch(`${base}${path}`, { headers: { cookie } });
        await res.text();
        if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
        return performance.now() - start;
      };
      const cold = await load();
      const times: number[] = [];
      for (let i = 0; i < LOADS; i++) times.push(await load());
      times.sort((a, b) => a - b);
      const p95 = quantile(times, 0.95);
      if (p95 >= TARGET_MS) over += 1;
      console.log(
        `${`${who}: ${label}`.padEnd(58)} ${cold.toFixed(0).padStart(7)} ${quantile(times, 0.5).toFixed(0).padStart(7)} ${p95.toFixed(0).padStart(7)} ${times.at(-1)!.toFixed(0).padStart(7)}  ${p95 < TARGET_MS ? 'OK' : 'OVER'}`,
      );
    }
    console.log(`\n${over ? `${over} page(s) OVER` : 'every page OK'}: target p95 < ${TARGET_MS} ms`);
  } finally {
    if (http) {
      http.closeAllConnections();
      http.close();
    }
    await db.close();
    if (process.env.BENCH_KEEP) console.log(`kept ${name}: BENCH_REUSE=${name} npm run bench:cruscotto`);
    else await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
