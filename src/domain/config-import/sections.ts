// Every section the YAML configuration may have. Capabilities add theirs to this list
// (indicators:, laboratori:, …); the order field decides what is applied first.
import type { ConfigSection } from './import.js';
import { coreSections } from './core-sections.js';
import { indicatorsSection } from '../checkins/config-section.js';

export const sections: ConfigSection<any>[] = [...coreSections, indicatorsSection];
