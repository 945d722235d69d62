import { sendFollowUps } from '../src/capabilities/legami/followups.js';
import { defineJob } from '../src/jobs/types.js';

// A week after each introduction (LEGAMI_FOLLOWUP_AFTER_DAYS), asks both people whether they met.
// Daily, so the question arrives about a week later whatever the day of the introduction; each
// introduction is asked about once.
export default defineJob({
  id: 'legami-followup',
  description: 'Legami: una settimana dopo ogni presentazione chiede se le due persone si sono sentite',
  cron: '30 10 * * *',
  async run({ db, now, services }) {
    return sendFollowUps(db, { now, afterDays: services.legami.settings.followUpAfterDays });
  },
});
