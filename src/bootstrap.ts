// Start-up steps shared by the service, the CLI and the console: open the database, apply
// migrations, load the YAML configuration.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { projectRoot } from './db/schema-engine.js';
import { formatStats } from './config-import/import.js';
import { importConfiguration } from './configuration.js';
import { defaultContributions } from './app.js';
import type { Logger } from './log.js';

export const exampleConfigPath = path.join(projectRoot, 'config/example.yaml');

export async function openMigratedDatabase(config: Config, logger: Logger, dataDir?: string): Promise<Database> {
  const env = config.env;
  const timeouts = {
    connectMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    queryMs: env.DATABASE_QUERY_TIMEOUT_MS,
    idleMs: env.DATABASE_IDLE_TIMEOUT_MS,
    keepAliveMs: env.DATABASE_KEEPALIVE_MS,
  };
  const db = await openDatabase(
    env.DATABASE_URL ? { url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE, timeouts } : { dataDir: dataDir ?? env.DATA_DIR },
  );
  const applied = await db.migrate();
  logger.info(
    { database: db.kind === 'postgres' ? 'postgresql' : `pglite:${dataDir ?? env.DATA_DIR}`, applied },
    applied.length ? `migrazioni applicate: ${applied.join(', ')}` : 'database aggiornato',
  );
  return db;
}

/**
 * RETI_CONFIG names the configuration to load at every start (idempotent). Without it, the
 * example networks are loaded once into an empty database, so a first `npm start` shows something.
 */
export async function loadStartupConfig(db: Database, config: Config, clock: Clock, logger: Logger): Promise<void> {
  // Capabilities' start-up work (e.g. the default check-in indicators, once), before any YAML changes it.
  for (const capability of defaultContributions.capabilities) await capability.onStartup?.({ db: db.prisma, clock, logger });
  const file = config.env.RETI_CONFIG;
  if (file) {
    if (!existsSync(file)) throw new Error(`RETI_CONFIG: il file ${file} non esiste`);
    const stats = await importConfiguration(db.prisma, clock, readFileSync(file, 'utf8'));
    logger.info({ file, stats }, `configurazione caricata: ${formatStats(stats)}`);
    return;
  }
  if ((await db.prisma.network.count()) > 0) return;
  const stats = await importConfiguration(db.prisma, clock, readFileSync(exampleConfigPath, 'utf8'));
  logger.info({ file: exampleConfigPath, stats }, 'nessuna RETI_CONFIG: caricati i dati di esempio (config/example.yaml)');
}
