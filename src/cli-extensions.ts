// CLI commands added by capabilities (laboratori, export…): each registers its subcommands here.
import type { Command } from 'commander';
import type { CliContext } from './cli.js';
import { registerExport } from './capabilities/exports/cli.js';
import { registerLabsCli } from './capabilities/labs/cli.js';

export function registerCliExtensions(program: Command, ctx: () => CliContext): void {
  registerLabsCli(program, ctx);
  registerExport(program, ctx);
}
