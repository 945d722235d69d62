import { closedWeek } from '../src/capabilities/digests/build.js';
import { itDigest } from '../src/capabilities/digests/texts.js';
import { defineJob } from '../src/jobs/types.js';

// Monday 08:30 (Europe/Rome), before the new check-in round opens: each coordinator receives the
// digest of the week that just closed, privately on each platform they have an account on.
export default defineJob({
  id: 'digest-coordinators',
  description: itDigest.jobs.coordinators,
  cron: '30 8 * * 1',
  async run({ db, now, services }) {
    return services.digests.sendToCoordinators(db, now, closedWeek(now), services.platforms.connected());
  },
});
