// The YAML configuration of Reti's capabilities: importConfig with the sections the default
// capabilities contribute (networks:, people:, partners:, indicators:, laboratori:…).
import type { Clock } from './clock.js';
import { defaultContributions } from './app.js';
import type { Contributions } from './capability.js';
import { importConfig, parseConfig, type ImportStats } from './config-import/import.js';
import type { Db } from './db/client.js';

export function importConfiguration(
  db: Db,
  clock: Clock,
  text: string,
  contributions: Contributions = defaultContributions,
): Promise<Record<string, ImportStats>> {
  return importConfig(db, clock, text, contributions.configSections);
}

export function parseConfiguration(text: string, contributions: Contributions = defaultContributions) {
  return parseConfig(text, contributions.configSections);
}
