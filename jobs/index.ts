// Registers every scheduled job. One file per job; this index only lists them.
import type { JobSpec } from '../src/jobs/types.js';
import checkinOpen from './checkin-open.js';
import checkinRemind from './checkin-remind.js';
import digestCoordinators from './digest-coordinators.js';
import digestNetworks from './digest-networks.js';
import housekeeping from './housekeeping.js';
import labsFeedback from './labs-feedback.js';
import labsRemind from './labs-remind.js';
import legamiFollowup from './legami-followup.js';
import legamiIntro from './legami-intro.js';

export const jobs: JobSpec[] = [checkinOpen, checkinRemind, housekeeping, labsRemind, labsFeedback, legamiIntro, legamiFollowup, digestCoordinators, digestNetworks];
