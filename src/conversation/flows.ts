// Registers every conversation flow. Capabilities define their flows next to their domain code.
import type { Flow } from './engine.js';

export const flows: Flow[] = [];
