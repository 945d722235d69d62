// Developer tool: writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that
// brings the migrations up to prisma/schema (computed by Prisma's schema engine on an in-memory
// shadow database). Usage: npm run db:migration -- <name>
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openDatabase } from '../src/db/client.js';
import { diffMigrationsToSchema, migrationsDir } from '../src/db/schema-engine.js';

async function main() {
  const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_').toLowerCase();
  if (!name) throw new Error('usage: npm run db:migration -- <name>');
  const db = await openDatabase({ dataDir: 'memory://' });
  try {
    const sql = await diffMigrationsToSchema(db.adapterFactory);
    if (!sql || /^-- This is an empty migration/.test(sql)) {
      console.log('Schema and migrations already agree: nothing to write.');
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'migration.sql'), sql + '\n');
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
