// Exports: the data for reporting (xlsx or csv), from the data sets the listed capabilities
// contribute; /esporta in chat and `npm run reti -- export`.
import esporta from '../../../commands/esporta.js';
import { defineCapability } from '../../capability.js';
import { registerExport } from './cli.js';

export const exportsCapability = defineCapability({
  name: 'exports',
  commands: [esporta],
  cli: registerExport,
});
