// Prisma's schema engine compiled to WebAssembly: applies `prisma/migrations` (recording them in
// `_prisma_migrations`, the same table `prisma migrate deploy` uses) and diffs schema against
// migrations, through a driver adapter — no native engine download needed.
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';

/** The folder with package.json (prisma/, config/): two levels up from src/db, three from dist/src/db. */
export const projectRoot = findRoot(fileURLToPath(new URL('../../', import.meta.url)));

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return start;
  }
}
export const schemaDir = path.join(projectRoot, 'prisma/schema');
export const migrationsDir = path.join(projectRoot, 'prisma/migrations');

let loaded: Promise<typeof import('@prisma/schema-engine-wasm')> | undefined;

/** Node 20 cannot import a `.wasm` module, so instantiate the engine's WebAssembly ourselves. */
function loadEngineModule() {
  loaded ??= (async () => {
    const bgPath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bg = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(path.join(path.dirname(bgPath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg as never });
    (bg as unknown as { __wbg_set_wasm(e: unknown): void }).__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
    return bg as unknown as typeof import('@prisma/schema-engine-wasm');
  })();
  return loaded;
}

export async function readSchemaFiles(dir = schemaDir): Promise<{ path: string; content: string }[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.prisma')).sort();
  return Promise.all(names.map(async (n) => ({ path: path.join(dir, n), content: await readFile(path.join(dir, n), 'utf8') })));
}

export async function readMigrations(dir = migrationsDir): Promise<MigrationList> {
  const entries = existsSync(dir) ? await readdir(dir, { withFileTypes: true }) : [];
  const folders = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = path.join(dir, 'migration_lock.toml');
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      folders.map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: { tag: 'ok' as const, value: await readFile(path.join(dir, name, 'migration.sql'), 'utf8') },
        },
      })),
    ),
  };
}

const filters = { externalTables: [], externalEnums: [] };

export async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  use: (engine: SchemaEngine) => Promise<T>,
  log: (message: string) => void = () => {},
): Promise<T> {
  const mod = await loadEngineModule();
  const files = await readSchemaFiles();
  // The engine opens its own connections through the factory; close them when it is done
  // (otherwise a PostgreSQL pool stays open behind the engine).
  const opened: { dispose(): Promise<void> }[] = [];
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: async () => {
      const a = await adapterFactory.connect();
      opened.push(a);
      return a;
    },
    connectToShadowDb: async () => {
      const a = await adapterFactory.connectToShadowDb();
      opened.push(a);
      return a;
    },
  };
  const engine = await mod.SchemaEngine.new(
    { datamodels: files.map((f) => [f.path, f.content] as [string, string]) },
    (message: string) => log(message),
    bindMigrationAwareSqlAdapterFactory(tracking),
  );
  try {
    return await use(engine);
  } finally {
    engine.free();
    await Promise.allSettled(opened.map((a) => a.dispose()));
  }
}

/** Applies pending migrations; returns the names applied now (empty when up to date). */
export async function applyMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const migrationsList = await readMigrations();
  const out = await withSchemaEngine(adapterFactory, (engine) => engine.applyMigrations({ migrationsList, filters }));
  return out.appliedMigrationNames;
}

/** SQL that would bring the migrations up to the schema: empty when they agree. Uses a shadow database. */
export async function diffMigrationsToSchema(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string> {
  const migrationsList = await readMigrations();
  const files = await readSchemaFiles();
  return withSchemaEngine(adapterFactory, async (engine) => {
    const out = await engine.diff({
      from: { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: null,
      filters,
    });
    return (out.stdout ?? '').trim();
  });
}
