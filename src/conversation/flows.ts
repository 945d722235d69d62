// Registers every conversation flow. Capabilities define their flows next to their domain code.
import type { Flow } from './engine.js';
import { checkinFlow } from '../capabilities/checkins/flow.js';
import { feedbackFlow } from '../capabilities/labs/feedback.js';
import { newLabFlow } from '../capabilities/labs/forms.js';
import { legamiFlows } from '../capabilities/legami/flows.js';

export const flows: Flow[] = [checkinFlow, newLabFlow, feedbackFlow, ...legamiFlows];
