// The service: configuration, database, adapters, HTTP server, outbox worker, scheduler.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, defaultContributions } from './app.js';
import { loadStartupConfig, openMigratedDatabase } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { ConfigImportError } from './config-import/import.js';
import { createMetricsApp, listen } from './http/server.js';
import { createLogger } from './log.js';
import { createAdapters } from './adapters.js';
import { isDatabaseClock, openServiceClock } from './test-clock.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.env.LOG_LEVEL);
  const db = await openMigratedDatabase(config, logger);
  const clock = await openServiceClock(config.env, db.prisma, logger);
  try {
    await loadStartupConfig(db, config, clock, logger);
  } catch (err) {
    if (err instanceof ConfigImportError || (err instanceof Error && err.message.startsWith('RETI_CONFIG'))) {
      logger.fatal(err.message);
      await db.close();
      process.exit(1);
    }
    throw err;
  }
  const adapters = await createAdapters(config, logger, defaultContributions.commands);
  const app = createApp({ config, db, adapters, clock, logger });
  const server: Server = await listen(app.http, config.env.PORT, config.env.HOST);
  const metricsServer = config.env.METRICS_HOST
    ? await listen(
        createMetricsApp({ metrics: app.metrics, logger, ...(config.env.METRICS_TOKEN ? { metricsToken: config.env.METRICS_TOKEN } : {}) }),
        config.env.METRICS_PORT,
        config.env.METRICS_HOST,
      )
    : undefined;
  await app.start();
  const port = (server.address() as AddressInfo).port;
  logger.info({ port, platforms: [...app.adapters.keys()] }, `Reti in ascolto su http://${config.env.HOST}:${port} (GET /healthz)`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'arresto: non accetto nuovo lavoro, completo quello in corso');
    const force = setTimeout(() => {
      logger.error('arresto forzato dopo 25 s');
      process.exit(1);
    }, 25_000);
    force.unref();
    server.close();
    metricsServer?.close();
    await app.stop();
    if (isDatabaseClock(clock)) clock.close();
    await db.close();
    logger.info('arrestato');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
