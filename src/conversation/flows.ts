// Registers every conversation flow. Capabilities define their flows next to their domain code.
import type { Flow } from './engine.js';
import { checkinFlow } from '../domain/checkins/flow.js';
import { legamiFlows } from '../domain/legami/flows.js';

export const flows: Flow[] = [checkinFlow, ...legamiFlows];
