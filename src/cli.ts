// Operators' command line: npm run reti -- <command>. Same configuration and database as the
// service (DATABASE_URL, or the embedded database in DATA_DIR).
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { createApp, defaultContributions } from './app.js';
import type { CliContext } from './capability.js';
import { openMigratedDatabase } from './bootstrap.js';
import { ConfigError, loadConfig, publicUrl } from './config.js';
import { DatabaseBusyError } from './db/client.js';
import { ConfigImportError, formatStats } from './config-import/import.js';
import { importConfiguration } from './configuration.js';
import { UnknownJobError } from './jobs/runner.js';
import { AppError } from './errors.js';
import { createLogger } from './log.js';
import { createAdapters } from './adapters.js';
import { ClockRefusal } from './jobs/clock-control.js';
import { registerClockCli } from './jobs/clock-cli.js';
import { DatabaseClock } from './test-clock.js';
import { systemClock } from './clock.js';

function context(): CliContext {
  const config = loadConfig();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const testClock = config.env.RETI_TEST_CLOCK
    ? new DatabaseClock({ ...(config.env.RETI_TEST_CLOCK_START ? { start: config.env.RETI_TEST_CLOCK_START } : {}), logger })
    : undefined;
  const withDatabase: CliContext['withDatabase'] = async (use) => {
    const db = await openMigratedDatabase(config, logger);
    try {
      await testClock?.attach(db.prisma);
      return await use(db);
    } finally {
      testClock?.close();
      await db.close();
    }
  };
  const clock = testClock ?? systemClock;
  return {
    withDatabase,
    withApp: (use) =>
      withDatabase(async (db) => {
        const adapters = await createAdapters(config, logger, defaultContributions.commands);
        return use(createApp({ config, db, adapters, clock, logger }));
      }),
    clock,
    service: { url: publicUrl(config.env), ...(config.env.ADMIN_TOKEN ? { token: config.env.ADMIN_TOKEN } : {}) },
    print: (line) => console.log(line),
  };
}

export function buildProgram(ctx: () => CliContext = context): Command {
  const program = new Command('reti').description('Reti: il bot delle reti territoriali — comandi per chi lo gestisce').showHelpAfterError().exitOverride();

  const db = program.command('db').description('Database');
  db.command('migrate')
    .description('Applica le migrazioni in prisma/migrations (lo fa anche l’avvio del servizio)')
    .action(async () => {
      const c = ctx();
      await c.withDatabase(async () => c.print('Database aggiornato.'));
    });

  program
    .command('import')
    .argument('<file>', 'file YAML (vedi config/example.yaml)')
    .description('Carica reti, persone, ruoli e partner da un file YAML (ripeterlo non cambia nulla)')
    .action(async (file: string) => {
      const c = ctx();
      const text = readFileSync(file, 'utf8');
      await c.withDatabase(async (database) => c.print(`Importazione completata — ${formatStats(await importConfiguration(database.prisma, c.clock, text))}`));
    });

  const job = program.command('job').description('Job pianificati');
  job
    .command('list')
    .description('Elenca i job con la loro pianificazione (Europe/Rome)')
    .action(async () => {
      const c = ctx();
      await c.withApp(async (app) => {
        for (const j of app.jobs.list()) c.print(`${j.id.padEnd(20)} ${j.cron.padEnd(16)} ${j.description}`);
      });
    });
  job
    .command('run')
    .argument('<name>', 'il job da eseguire ora (vedi job list)')
    .description('Esegue ora un job; i messaggi vanno in coda e li consegna il servizio')
    .action(async (name: string) => {
      const c = ctx();
      await c.withApp(async (app) => {
        const result = await app.jobs.run(name, 'manual');
        c.print(
          `${name}: ${
            Object.entries(result)
              .map(([k, v]) => `${k}=${v}`)
              .join(' ') || 'fatto'
          }`,
        );
      });
    });

  const outbox = program.command('outbox').description('Coda dei messaggi in uscita');
  outbox
    .command('status')
    .description('Messaggi in coda, inviati e falliti per piattaforma; gli ultimi errori')
    .action(async () => {
      const c = ctx();
      await c.withDatabase(async (database) => {
        const p = database.prisma;
        const rows = await p.outboxMessage.groupBy({ by: ['platform', 'status'], _count: true, orderBy: [{ platform: 'asc' }, { status: 'asc' }] });
        if (!rows.length) return c.print('La coda è vuota: nessun messaggio.');
        for (const r of rows) c.print(`${r.platform.padEnd(10)} ${r.status.padEnd(8)} ${r._count}`);
        const oldest = await p.outboxMessage.findFirst({ where: { status: 'pending' }, orderBy: { createdAt: 'asc' } });
        if (oldest) c.print(`In attesa dal ${oldest.createdAt.toISOString()}`);
        const failed = await p.outboxMessage.findMany({ where: { status: 'failed' }, orderBy: { id: 'desc' }, take: 5 });
        for (const f of failed) c.print(`fallito #${f.id} ${f.platform}:${f.chatId} — ${f.lastError ?? ''}`);
      });
    });

  registerClockCli(program, ctx);

  for (const capability of defaultContributions.capabilities) capability.cli?.(program, ctx, defaultContributions);
  return program;
}

async function main() {
  try {
    await buildProgram().parseAsync(process.argv);
  } catch (err) {
    if (err instanceof CommanderError) process.exit(err.exitCode);
    if (err instanceof ConfigError || err instanceof ConfigImportError || err instanceof UnknownJobError || err instanceof DatabaseBusyError) {
      console.error(err.message);
      process.exit(1);
    }
    if (err instanceof ClockRefusal) {
      console.error(err.message);
      process.exit(1);
    }
    if (err instanceof AppError) {
      console.error(err.userMessage);
      process.exit(1);
    }
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error(`File non trovato: ${(err as NodeJS.ErrnoException).path}`);
      process.exit(1);
    }
    throw err;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
