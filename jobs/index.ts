// Registers every scheduled job. One file per job; this index only lists them.
import type { JobSpec } from '../src/jobs/types.js';
import digestCoordinators from './digest-coordinators.js';
import digestNetworks from './digest-networks.js';
import housekeeping from './housekeeping.js';

export const jobs: JobSpec[] = [housekeeping, digestCoordinators, digestNetworks];
