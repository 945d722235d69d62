// npm run reti -- export --from DATE --to DATE --format csv|xlsx [--network CODE] [--out FILE|DIR]
import type { Command } from 'commander';
import type { CliContext, Contributions } from '../../capability.js';
import { isAppError } from '../../errors.js';
import { toPlain } from '../../platform/markup.js';
import { networkByCode } from '../networks/directory.js';
import { parseWeekOrDate, periodOf } from './period.js';
import { exportToFiles, type ExportFormat } from './service.js';
import { itExport } from './texts.js';

export class CliUsageError extends Error {}

interface Options {
  from: string;
  to: string;
  format: string;
  network?: string;
  out?: string;
}

export function registerExport(program: Command, ctx: () => CliContext, contributions: Contributions): void {
  program
    .command('export')
    .description(itExport.cli.description)
    .requiredOption('--from <data>', 'dal (2026-01-01, 01/01/2026 o 2026-W01)')
    .requiredOption('--to <data>', 'al (incluso)')
    .option('--format <formato>', 'xlsx oppure csv', 'xlsx')
    .option('--network <codice>', 'solo una rete')
    .option('--out <file|cartella>', 'dove scrivere (xlsx: un file; csv: una cartella)')
    .action(async (opts: Options) => {
      try {
        await run(opts, ctx, contributions);
      } catch (err) {
        // A mistake in what was typed: one line, exit code 1 (cli.ts handles the rest).
        if (!(err instanceof CliUsageError) && !isAppError(err)) throw err;
        console.error(isAppError(err) ? toPlain(err.userMessage) : err.message);
        process.exitCode = 1;
      }
    });
}

async function run(opts: Options, ctx: () => CliContext, contributions: Contributions): Promise<void> {
  const fromWeek = parseWeekOrDate(opts.from);
  if (!fromWeek) throw new CliUsageError(itExport.cli.badDate(opts.from));
  const toWeek = parseWeekOrDate(opts.to);
  if (!toWeek) throw new CliUsageError(itExport.cli.badDate(opts.to));
  if (toWeek < fromWeek) throw new CliUsageError(itExport.cli.badRange);
  const format = opts.format.toLowerCase();
  if (format !== 'xlsx' && format !== 'csv') throw new CliUsageError(itExport.cli.badFormat(opts.format));
  const c = ctx();
  await c.withDatabase(async (database) => {
    const network = opts.network ? await networkByCode(database.prisma, opts.network) : null;
    const query = { period: periodOf(fromWeek, toWeek), networkId: network?.id ?? null };
    const result = await exportToFiles(database.prisma, contributions.exportDatasets, query, format as ExportFormat, network?.code ?? null, opts.out);
    const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
    for (const file of result.files) c.print(itExport.cli.written(file, format === 'xlsx' ? total : (result.rows[file.replace(/^.*-(\w+)\.csv$/, '$1')] ?? 0)));
  });
}
