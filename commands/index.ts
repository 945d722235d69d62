// Registers every chat command. One file per command; this index only lists them.
import type { CommandSpec } from '../src/bus/types.js';
import aiuto from './aiuto.js';
import checkin from './checkin.js';
import digest from './digest.js';
import esporta from './esporta.js';
import rete from './rete.js';
import start from './start.js';

export const commands: CommandSpec<any>[] = [aiuto, checkin, digest, esporta, rete, start];
