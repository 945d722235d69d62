// CLI commands added by capabilities (export, laboratori…): each registers its subcommands here.
import type { Command } from 'commander';
import type { CliContext } from './cli.js';
import { registerExport } from './cli-export.js';

export function registerCliExtensions(program: Command, ctx: () => CliContext): void {
  registerExport(program, ctx);
}
