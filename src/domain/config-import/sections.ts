// Every section the YAML configuration may have. Capabilities add theirs to this list
// (indicators:, laboratori:, …); the order field decides what is applied first.
import type { ConfigSection } from '../../config-import/import.js';
import { coreSections } from '../../capabilities/networks/config-section.js';
import { indicatorsSection } from '../../capabilities/checkins/config-section.js';
import { labsSection } from '../../capabilities/labs/config-section.js';

export const sections: ConfigSection<any>[] = [...coreSections, indicatorsSection, labsSection];
