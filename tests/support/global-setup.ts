// Prepares one migrated database that every test file copies: a PGlite dump (embedded) or a
// PostgreSQL template database (when RETI_TEST_DATABASE_URL is set), so migrations run once.
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, withDefaultUser } from '../../src/db/client.js';
import { readMigrations } from '../../src/db/schema-engine.js';

export default async function setup(project: TestProject) {
  const url = process.env.RETI_TEST_DATABASE_URL;
  if (url) {
    const migrations = await readMigrations();
    const hash = createHash('sha1').update(JSON.stringify(migrations.migrationDirectories)).digest('hex').slice(0, 10);
    const template = `reti_template_${hash}`;
    const admin = new pg.Client({ connectionString: withDefaultUser(url) });
    await admin.connect();
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE "${template}"`);
      const u = new URL(withDefaultUser(url));
      u.pathname = `/${template}`;
      const db = await openDatabase({ url: u.toString(), poolSize: 2 });
      await db.migrate();
      await db.close();
      // The pool's connections end asynchronously; a template still in use cannot be copied.
      for (let i = 0; i < 100; i++) {
        const busy = await admin.query('SELECT 1 FROM pg_stat_activity WHERE datname = $1', [template]);
        if (busy.rowCount === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    // Leftovers of interrupted runs (a regex: in LIKE, '_' would also match the template's name).
    const stale = await admin.query(`SELECT datname FROM pg_database WHERE datname ~ '^reti_t_[0-9a-f]{12}$'`);
    for (const row of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`).catch(() => {});
    await admin.end();
    project.provide('pgTemplate', template);
    return;
  }
  const db = await openDatabase({ dataDir: 'memory://' });
  await db.migrate();
  const dump = await db.pglite!.dumpDataDir('none');
  const dir = await mkdtemp(path.join(tmpdir(), 'reti-test-'));
  const file = path.join(dir, 'template.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  project.provide('pgliteDump', file);
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump?: string;
    pgTemplate?: string;
  }
}
