// Laboratori: workshop sessions announced in the networks' channels, sign-ups with seats and a
// waiting list, calendar files, reminders and feedback.
import laboratori from '../../../commands/laboratori.js';
import labsFeedback from '../../../jobs/labs-feedback.js';
import labsRemind from '../../../jobs/labs-remind.js';
import { defineCapability } from '../../capability.js';
import { registerLabsCli } from './cli.js';
import { labsSection } from './config-section.js';
import { labsDigestSection } from './digest.js';
import { feedbackDataset, signupsDataset } from './export.js';
import { promotedUnreachable } from './failures.js';
import { feedbackFlow } from './feedback.js';
import { newLabFlow } from './forms.js';
import { Labs } from './service.js';

declare module '../../services.js' {
  interface Services {
    /** Laboratori: workshop sessions, sign-ups, reminders, feedback. */
    labs: Labs;
  }
}

export const labsCapability = defineCapability({
  name: 'labs',
  commands: [laboratori],
  jobs: [labsRemind, labsFeedback],
  flows: [newLabFlow, feedbackFlow],
  configSections: [labsSection],
  failureListeners: { 'labs.promoted': promotedUnreachable },
  cli: registerLabsCli,
  digestSections: [labsDigestSection],
  exportDatasets: [signupsDataset, feedbackDataset],
  services: ({ env }) => ({ labs: new Labs({ reminderOffsets: env.LABS_REMINDERS, feedbackWindowHours: 72 }) }),
});
