// npm run bench:maturita — the map of maturity at scale: 2,000 networks × 52 weeks of check-ins
// (≈ 1.1 M answers, the digest benchmark's data set) plus a scheda for every network (2
// strategies, 3 objectives, 3 roles, 2 flows) and objectives' answers every week, on PostgreSQL (a
// fresh database reti_bench_<random> on 127.0.0.1:5432 or BENCH_PG_URL's server, dropped at the
// end). Measured: the profile of every network in SQL (one query, target < 2 s), run 5 times; the
// coordinators' map (two profiles); one network's profile; the weekly history job (12,000 rows).
// Options: BENCH_NETWORKS (2000), BENCH_WEEKS (52).
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { openDatabase, withDefaultUser } from '../src/db/client.js';
import { recordWeek } from '../src/capabilities/maturita/history.js';
import { loadRules, profiles } from '../src/capabilities/maturita/profile.js';
import { renderAllMaps } from '../src/capabilities/maturita/view.js';
import { shiftWeek } from '../src/time.js';
import { seed } from './digest-seed.js';

const NETWORKS = Number(process.env.BENCH_NETWORKS ?? 2000);
const WEEKS = Number(process.env.BENCH_WEEKS ?? 52);
const TARGET_MS = 2000;
const NOW = new Date('2026-11-23T10:00:00Z');
const WEEK = '2026-W47';
const weeks = Array.from({ length: WEEKS }, (_, i) => shiftWeek(WEEK, i - WEEKS + 1));

async function time<T>(run: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await run();
  return [performance.now() - t0, out];
}

async function main(): Promise<void> {
  const server = withDefaultUser(process.env.BENCH_PG_URL ?? 'postgres://127.0.0.1:5432/test');
  const name = `reti_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  console.log(
    `Reti maturity benchmark — Node ${process.version}, PostgreSQL ${name}, ${NETWORKS} networks × ${WEEKS} weeks, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} CPUs`,
  );
  const db = await openDatabase({ url: url.toString(), poolSize: 4 });
  try {
    await db.migrate();
    const t0 = performance.now();
    await seed(db.prisma, NETWORKS, weeks, NOW);
    const p = db.prisma;
    // A scheda for every network, in SQL.
    await p.$executeRaw`INSERT INTO scheda (network_id, objective, needs, frequency, version) SELECT id, 'Obiettivo', 'Bisogni', 'settimanale', 1 FROM network`;
    await p.$executeRaw`INSERT INTO scheda_strategy (network_id, number, title, created_at) SELECT n.id, s, 'Strategia ' || s, ${NOW} FROM network n, generate_series(1, 2) s`;
    await p.$executeRaw`
      INSERT INTO scheda_objective (network_id, strategy_id, number, what, target, due_on, reached_at, created_at)
      SELECT st.network_id, st.id, (st.number - 1) * 2 + k, 'Obiettivo ' || k, CASE WHEN k = 1 THEN 10 END, DATE '2027-06-30',
             CASE WHEN k = 2 AND st.network_id % 3 = 0 THEN ${NOW}::timestamptz END, ${NOW}
      FROM scheda_strategy st, generate_series(1, 2) k WHERE NOT (st.number = 2 AND k = 2)`;
    await p.$executeRaw`INSERT INTO scheda_role (network_id, number, who, doing, created_at) SELECT n.id, r, 'Ruolo ' || r, 'fa', ${NOW} FROM network n, generate_series(1, 3) r`;
    await p.$executeRaw`
      INSERT INTO scheda_flow (network_id, number, from_role_id, to_role_id, how, often, created_at)
      SELECT a.network_id, a.number, a.id, b.id, 'riunione', 'mensile', ${NOW} FROM scheda_role a JOIN scheda_role b ON b.network_id = a.network_id AND b.number = a.number + 1`;
    await p.$executeRaw`
      INSERT INTO objective_progress (objective_id, network_id, period, status, person_id, at)
      SELECT o.id, o.network_id, s.period, 'avviato', s.person_id, s.submitted_at
      FROM scheda_objective o JOIN checkin_submission s ON s.network_id = o.network_id WHERE o.number = 1`;
    await p.$executeRaw`ANALYZE`;
    const [counts] = await p.$queryRaw<{ answers: number; progress: number; objectives: number }[]>`
      SELECT (SELECT count(*) FROM checkin_answer)::int AS answers, (SELECT count(*) FROM objective_progress)::int AS progress,
             (SELECT count(*) FROM scheda_objective)::int AS objectives`;
    console.log(
      `seeded ${counts!.answers.toLocaleString('en')} answers, ${counts!.objectives.toLocaleString('en')} objectives, ${counts!.progress.toLocaleString('en')} objectives' answers in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const rules = await loadRules(p);
    const runs: number[] = [];
    let networks = 0;
    for (let i = 0; i < 5; i++) {
      const [ms, list] = await time(() => profiles(p, WEEK, rules));
      runs.push(ms);
      networks = list.length;
    }
    const sorted = [...runs].sort((a, b) => a - b);
    console.log(
      `profile of every network (${networks}), 12 weeks, one SQL query: first ${runs[0]!.toFixed(0)} ms, median ${sorted[2]!.toFixed(0)} ms, max ${sorted[4]!.toFixed(0)} ms — target < ${TARGET_MS} ms: ${sorted[4]! < TARGET_MS ? 'met' : 'NOT met'}`,
    );
    const one = (await p.network.findFirstOrThrow({ orderBy: { id: 'asc' } })).id;
    const [oneMs] = await time(() => profiles(p, WEEK, rules, one));
    console.log(`one network's profile: ${oneMs.toFixed(0)} ms`);
    const [allMs, map] = await time(() => renderAllMaps(p, NOW));
    console.log(`/maturita tutte (now and 4 weeks before, grouped): ${allMs.toFixed(0)} ms, ${map.text.length.toLocaleString('en')} characters`);
    const [histMs, hist] = await time(() => recordWeek(p, NOW, WEEK));
    console.log(`history job for ${WEEK}: ${hist.rows.toLocaleString('en')} rows (${hist.networks} networks × 6) in ${histMs.toFixed(0)} ms`);
    const [againMs] = await time(() => recordWeek(p, NOW, WEEK));
    console.log(`history job again (same week, rows replaced): ${againMs.toFixed(0)} ms`);
    const dist = await p.$queryRaw<{ dimension: string; stage: number; n: number }[]>`
      SELECT dimension, stage, count(*)::int AS n FROM maturity_week WHERE week = ${WEEK} GROUP BY 1, 2 ORDER BY 1, 2`;
    console.log(
      `stages (dimension: avvio/consolidamento/autonomia/generatività): ${[...new Set(dist.map((d) => d.dimension))]
        .map((d) => `${d} ${[0, 1, 2, 3].map((s) => dist.find((x) => x.dimension === d && x.stage === s)?.n ?? 0).join('/')}`)
        .join(', ')}`,
    );
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
