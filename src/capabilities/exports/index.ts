// Exports: the data for reporting (xlsx or csv), from the data sets the listed capabilities
// contribute; /esporta in chat and `npm run reti -- export`.
import esporta from '../../../commands/esporta.js';
import { defineCapability } from '../../capability.js';
import { registerExport } from './cli.js';
import { createExports, type Exports } from './service.js';

declare module '../../services.js' {
  interface Services {
    /** Exports of the listed capabilities' data sets. */
    exports: Exports;
  }
}

export const exportsCapability = defineCapability({
  name: 'exports',
  commands: [esporta],
  cli: registerExport,
  services: ({ contributions }) => ({ exports: createExports(contributions.exportDatasets) }),
});
