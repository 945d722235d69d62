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
    // Several runs may share the server (CI, parallel sessions): build the template under a lock.
    await admin.query('SELECT pg_advisory_lock(727274)');
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (exists.rowCount === 0) {
        const building = `${template}_building`;
        await admin.query(`DROP DATABASE IF EXISTS "${building}"`);
        await admin.query(`CREATE DATABASE "${building}"`);
        const u = new URL(withDefaultUser(url));
        u.pathname = `/${building}`;
        const db = await openDatabase({ url: u.toString(), poolSize: 2 });
        await db.migrate();
        await db.close();
        // The pool's connections end asynchronously; a database in use cannot be renamed or copied.
        for (let i = 0; i < 100; i++) {
          const busy = await admin.query('SELECT 1 FROM pg_stat_activity WHERE datname = $1', [building]);
          if (busy.rowCount === 0) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        await admin.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
      }
    } finally {
      await admin.query('SELECT pg_advisory_unlock(727274)');
    }
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
