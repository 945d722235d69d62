// Registers every scheduled job. One file per job; this index only lists them.
import type { JobSpec } from '../src/jobs/types.js';
import housekeeping from './housekeeping.js';
import labsFeedback from './labs-feedback.js';
import labsRemind from './labs-remind.js';

export const jobs: JobSpec[] = [housekeeping, labsRemind, labsFeedback];
