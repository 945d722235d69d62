// npm run bench:legami [-- NETWORKS] — a run of introductions at the scale Reti is designed for:
// NETWORKS networks (default 2,000) with 5 referents each, two themes each out of 40, a published
// good practice in every fourth network and a support request in every tenth. Prints how long a
// run takes (plan + store + enqueue), how many introductions and messages it made, and the time of
// an idempotent repeat. Embedded PGlite by default; a PostgreSQL server with
// RETI_BENCH_DATABASE_URL=postgres://127.0.0.1:5432/test (a fresh database is made and dropped).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, withDefaultUser, type Database } from '../src/db/client.js';
import { runIntroductions } from '../src/capabilities/legami/introductions.js';
import type { LegamiSettings } from '../src/capabilities/legami/settings.js';
import type { SupportSource } from '../src/capabilities/legami/support.js';
import type { PlatformCapabilities } from '../src/platform/port.js';
import type { Platforms } from '../src/services.js';

const networks = Number(process.argv[2] ?? 2000);
const perNetwork = 5;
const THEMES = Array.from({ length: 40 }, (_, i) => `tema ${String.fromCharCode(97 + (i % 26))}${i >= 26 ? 'x' : ''}`);
const settings: LegamiSettings = { windowDays: 180, everyWeeks: 2, weekOffset: 0, followUpAfterDays: 7, supportDays: 30 };
// What the real adapters declare (src/platform/{telegram,slack}/adapter.ts).
const declared: Record<string, { label: string; capabilities: PlatformCapabilities; profileLink?: (username: string) => string }> = {
  telegram: {
    label: 'Telegram',
    profileLink: (username) => `https://t.me/${username}`,
    capabilities: { forms: false, ephemeral: false, groupDm: false, writesFirst: false, deepLinks: true, usernames: true, workspaces: false },
  },
  slack: {
    label: 'Slack',
    capabilities: { forms: true, ephemeral: true, groupDm: true, writesFirst: true, deepLinks: false, usernames: false, workspaces: true },
  },
};
const platforms: Platforms = {
  connected: () => Object.keys(declared),
  privateChatLink: () => undefined,
  capabilities: (p) => declared[p]?.capabilities,
  label: (p) => declared[p]?.label ?? p,
  profileLink: (p, username) => declared[p]?.profileLink?.(username),
};

async function open(): Promise<{ db: Database; drop(): Promise<void>; kind: string }> {
  const url = process.env.RETI_BENCH_DATABASE_URL;
  if (!url) {
    const db = await openDatabase({ dataDir: 'memory://' });
    return { db, kind: 'PGlite (embedded)', drop: () => db.close() };
  }
  const name = `reti_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: withDefaultUser(url) });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const u = new URL(withDefaultUser(url));
  u.pathname = `/${name}`;
  const db = await openDatabase({ url: u.toString(), poolSize: 4 });
  return {
    db,
    kind: 'PostgreSQL',
    async drop() {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function seed(db: Database): Promise<void> {
  const q = (sql: string, ...values: unknown[]) => db.prisma.$executeRawUnsafe(sql, ...values);
  await q(
    `INSERT INTO network (code, name, themes, updated_at)
     SELECT 'N' || i, 'Rete ' || i, ARRAY[($1::text[])[1 + i % 40], ($1::text[])[1 + (i * 7 + 3) % 40]], now() FROM generate_series(1, $2::int) i`,
    THEMES,
    networks,
  );
  await q(`INSERT INTO person (name, updated_at) SELECT 'Persona ' || i, now() FROM generate_series(1, $1::int) i`, networks * perNetwork);
  await q(`INSERT INTO account (person_id, platform, external_id, workspace)
           SELECT id, CASE WHEN id % 3 = 0 THEN 'slack' ELSE 'telegram' END, 'u' || id, CASE WHEN id % 3 = 0 THEN 'T0BENCH' ELSE '' END FROM person`);
  await q(`INSERT INTO membership (person_id, network_id, role)
           SELECT p.id, n.id, 'referente' FROM person p JOIN network n ON n.code = 'N' || (((p.id - 1) / ${perNetwork}) + 1)`);
  await q(`INSERT INTO legami_good_practice (network_id, title, description, themes, proposed_by_id, status, published_at, updated_at)
           SELECT n.id, 'Tavolo con le associazioni ' || n.id, 'Descrizione', ARRAY['associazioni di stranieri'], m.person_id, 'pubblicata', now(), now()
             FROM network n JOIN LATERAL (SELECT person_id FROM membership WHERE network_id = n.id ORDER BY id LIMIT 1) m ON true
            WHERE n.id % 4 = 0`);
}

async function main() {
  const { db, drop, kind } = await open();
  try {
    await db.migrate();
    await seed(db);
    const networkIds = (await db.prisma.network.findMany({ select: { id: true } })).map((n) => n.id);
    const support: SupportSource = {
      requested: async () => networkIds.filter((id) => id % 10 === 1).map((networkId) => ({ networkId, kind: 'sostegno_associazioni_stranieri' })),
    };
    const now = new Date('2026-11-23T09:00:00Z');
    const rss = () => Math.round(process.memoryUsage().rss / 1e6);
    console.log(`Legami benchmark on ${kind}: ${networks} networks × ${perNetwork} referents = ${networks * perNetwork} people`);

    let t0 = performance.now();
    const first = await runIntroductions(db.prisma, { now, settings, support, platforms });
    const firstMs = performance.now() - t0;
    const messages = await db.prisma.outboxMessage.count();
    console.log(
      `first run:  ${first.introductions} introductions (${first.bySupport} for support asked, ${first.byTheme} on a shared theme), ${messages} messages queued in ${(firstMs / 1000).toFixed(2)} s; rss ${rss()} MB`,
    );

    t0 = performance.now();
    const again = await runIntroductions(db.prisma, { now, settings, support, platforms });
    console.log(
      `same week:  ${again.introductions} introductions, ${(await db.prisma.outboxMessage.count()) - messages} new messages in ${((performance.now() - t0) / 1000).toFixed(2)} s (idempotent)`,
    );

    t0 = performance.now();
    const later = await runIntroductions(db.prisma, { now: new Date(now.getTime() + 14 * 86_400_000), settings, support, platforms });
    console.log(`two weeks later: ${later.introductions} introductions, none repeated, in ${((performance.now() - t0) / 1000).toFixed(2)} s; rss ${rss()} MB`);
  } finally {
    await drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
