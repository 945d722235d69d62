// A fresh, migrated database for one test file: a copy of the PGlite template (embedded) or a new
// PostgreSQL database made from the template database (RETI_TEST_DATABASE_URL).
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, withDefaultUser, type Database } from '../../src/db/client.js';

export const onPostgres = Boolean(process.env.RETI_TEST_DATABASE_URL);

export async function testDatabase(): Promise<Database> {
  const url = process.env.RETI_TEST_DATABASE_URL;
  if (url) {
    const name = `reti_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: withDefaultUser(url) });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject('pgTemplate')}"`);
    await admin.end();
    const u = new URL(withDefaultUser(url));
    u.pathname = `/${name}`;
    const db = await openDatabase({ url: u.toString(), poolSize: 5 });
    const close = db.close;
    return {
      ...db,
      async close() {
        await close();
        const a = new pg.Client({ connectionString: withDefaultUser(url) });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const dump = await readFile(inject('pgliteDump')!);
  return openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([dump]) });
}
