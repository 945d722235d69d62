// Registers every chat command. One file per command; this index only lists them.
import type { CommandSpec } from '../src/bus/types.js';
import aiuto from './aiuto.js';
import laboratori from './laboratori.js';
import rete from './rete.js';
import start from './start.js';

export const commands: CommandSpec<any>[] = [aiuto, laboratori, rete, start];
