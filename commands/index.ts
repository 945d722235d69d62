// Registers every chat command. One file per command; this index only lists them.
import type { CommandSpec } from '../src/bus/types.js';
import aiuto from './aiuto.js';
import buonapratica from './buonapratica.js';
import buonepratiche from './buonepratiche.js';
import checkin from './checkin.js';
import laboratori from './laboratori.js';
import digest from './digest.js';
import esporta from './esporta.js';
import legami from './legami.js';
import partner from './partner.js';
import rete from './rete.js';
import start from './start.js';

export const commands: CommandSpec<any>[] = [aiuto, rete, checkin, laboratori, partner, legami, buonapratica, buonepratiche, digest, esporta, start];
