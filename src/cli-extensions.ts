// CLI commands added by capabilities (export, laboratori…): each registers its subcommands here.
import type { Command } from 'commander';
import type { CliContext } from './cli.js';

export function registerCliExtensions(_program: Command, _ctx: () => CliContext): void {}
