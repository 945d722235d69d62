// Registers every scheduled job. One file per job; this index only lists them.
import type { JobSpec } from '../src/jobs/types.js';
import housekeeping from './housekeeping.js';
import labsFeedback from './labs-feedback.js';
import labsRemind from './labs-remind.js';
import legamiFollowup from './legami-followup.js';
import legamiIntro from './legami-intro.js';

export const jobs: JobSpec[] = [housekeeping, labsRemind, labsFeedback, legamiIntro, legamiFollowup];
