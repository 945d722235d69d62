// La mappa di maturità: each network's stage (avvio, consolidamento, autonomia, generatività) on
// six dimensions, by transparent rules (rules.ts) computed in SQL over the last 12 weeks of
// check-ins and the scheda; the weekly history; the percorsi of support per stage.
import maturita from '../../../commands/maturita.js';
import maturitaStorico from '../../../jobs/maturita-storico.js';
import { defineCapability } from '../../capability.js';
import { maturitaSection } from './config-section.js';
import { maturitaDigestSections } from './digest.js';
import { maturityDataset } from './export.js';

export const maturitaCapability = defineCapability({
  name: 'maturita',
  commands: [maturita],
  jobs: [maturitaStorico],
  configSections: [maturitaSection],
  digestSections: maturitaDigestSections,
  exportDatasets: [maturityDataset],
});
