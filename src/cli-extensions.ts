// CLI commands added by capabilities (laboratori, export…): each registers its subcommands here.
import type { Command } from 'commander';
import type { CliContext } from './cli.js';
import { registerExport } from './cli-export.js';
import { registerLabsCli } from './cli-labs.js';

export function registerCliExtensions(program: Command, ctx: () => CliContext): void {
  registerLabsCli(program, ctx);
  registerExport(program, ctx);
}
