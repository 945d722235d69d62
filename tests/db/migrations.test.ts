import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';
import { diffMigrationsToSchema } from '../../src/db/schema-engine.js';
import { testDatabase } from '../support/db.js';

describe('migrations', () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('agree with prisma/schema: a schema change without its migration fails here', async () => {
    const shadow = await openDatabase({ dataDir: 'memory://' });
    try {
      const sql = await diffMigrationsToSchema(shadow.adapterFactory);
      expect(sql.replace(/^--.*$/gm, '').trim(), `missing migration:\n${sql}`).toBe('');
    } finally {
      await shadow.close();
    }
    // Applying every migration to a shadow database in Prisma's WebAssembly engine takes seconds (more on a busy CI machine).
  }, 180_000);

  it('are applied once: a second start applies nothing and records them where prisma migrate deploy looks', async () => {
    expect(await db.migrate()).toEqual([]);
    const rows = await db.prisma.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });
});
