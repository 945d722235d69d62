// The only module that creates the generated Prisma client: PGlite (embedded, a folder on disk)
// without DATABASE_URL, a PostgreSQL server with it.
import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { PGlite } from '@electric-sql/pglite';
import lockfile from 'proper-lockfile';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient, Prisma } from './generated/client.js';
import { applyMigrations } from './schema-engine.js';

export { Prisma };
export type Db = PrismaClient;
/** A Prisma client or an interactive transaction: what domain services take. */
export type Tx = Prisma.TransactionClient;

export interface Database {
  prisma: PrismaClient;
  kind: 'pglite' | 'postgres';
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** The server's connection string, when kind is 'postgres'. */
  url?: string;
  /** The embedded database, when kind is 'pglite' (tests dump it as a template). */
  pglite?: PGlite;
  migrate(): Promise<string[]>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export class DatabaseBusyError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `Il database incorporato in ${dataDir} è già aperto da un altro processo (il servizio è in esecuzione?). ` +
        'Fermalo, oppure usa POST /admin/jobs/NAME sul servizio, oppure un server PostgreSQL con DATABASE_URL.',
    );
    this.name = 'DatabaseBusyError';
  }
}

export interface DatabaseOptions {
  /** postgres://… — a server. Absent: embedded PGlite. */
  url?: string;
  /** PGlite folder; `memory://` for an in-memory database. */
  dataDir?: string;
  /** PGlite only: start from a dump made by `dumpPglite` (tests use a migrated template). */
  loadDataDir?: Blob;
  poolSize?: number;
  /** Called with every query Prisma sends (benchmarks print an event's round trips). */
  onQuery?: (query: { sql: string; durationMs: number }) => void;
  /** PostgreSQL only: the pool's timeouts (milliseconds). */
  timeouts?: PoolTimeouts;
}

export interface PoolTimeouts {
  /** Giving up on opening a connection (an unreachable server that does not refuse). Default 2 s. */
  connectMs?: number;
  /** Giving up on a query's answer (client side: also covers a server that stopped answering). Default 30 s. */
  queryMs?: number;
  /** Closing a connection left idle. Default 30 s. */
  idleMs?: number;
  /** TCP keep-alive on every connection, first probe after this long idle. Default 10 s. */
  keepAliveMs?: number;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.url) {
    const url = withDefaultUser(opts.url);
    const t = opts.timeouts ?? {};
    const factory = new PrismaPg({
      connectionString: url,
      max: opts.poolSize ?? 10,
      connectionTimeoutMillis: t.connectMs ?? 2000,
      query_timeout: t.queryMs ?? 30_000,
      idleTimeoutMillis: t.idleMs ?? 30_000,
      keepAlive: true,
      keepAliveInitialDelayMillis: t.keepAliveMs ?? 10_000,
    });
    const prisma = client(factory, opts.onQuery);
    const db = wrap(prisma, 'postgres', factory, async () => {});
    // Replicas starting together: one applies the migrations, the others wait and find nothing to do.
    return { ...db, url, migrate: () => withAdvisoryLock(url, MIGRATION_LOCK, () => applyMigrations(factory)) };
  }
  const dataDir = opts.dataDir ?? './data';
  let unlock: () => Promise<void> = async () => {};
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(dataDir, { recursive: true });
    // PGlite is one process's database: a second process opening the same folder would corrupt it.
    try {
      unlock = await lockfile.lock(dataDir, { stale: 30_000, update: 10_000, lockfilePath: `${dataDir}/.reti.lock` });
    } catch (err) {
      if ((err as { code?: string }).code === 'ELOCKED') throw new DatabaseBusyError(dataDir);
      throw err;
    }
  }
  const pglite = await PGlite.create(dataDir, opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
  const factory = new PrismaPGlite(pglite);
  const prisma = client(factory, opts.onQuery);
  return {
    ...wrap(prisma, 'pglite', factory, async () => {
      await pglite.close();
      await unlock();
    }),
    pglite,
  };
}

function client(adapter: PrismaPg | PrismaPGlite, onQuery: DatabaseOptions['onQuery']): PrismaClient {
  if (!onQuery) return new PrismaClient({ adapter });
  const prisma = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  prisma.$on('query', (e) => onQuery({ sql: e.query, durationMs: e.duration }));
  return prisma as unknown as PrismaClient;
}

function wrap(prisma: PrismaClient, kind: Database['kind'], adapterFactory: SqlMigrationAwareDriverAdapterFactory, closeDriver: () => Promise<void>): Database {
  return {
    prisma,
    kind,
    adapterFactory,
    migrate: () => applyMigrations(adapterFactory),
    async ping() {
      try {
        await prisma.$queryRaw`SELECT 1`;
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await prisma.$disconnect();
      await closeDriver();
    },
  };
}

const MIGRATION_LOCK = 7_272_740;

async function withAdvisoryLock<T>(url: string, key: number, run: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [key]);
    return await run();
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => {});
    await client.end();
  }
}

/** Like libpq, default the user to the operating-system user when the URL names none. */
export function withDefaultUser(url: string): string {
  const u = new URL(url);
  if (!u.username) u.username = process.env.PGUSER || userInfo().username;
  return u.toString();
}
