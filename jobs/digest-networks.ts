import { closedWeek } from '../src/capabilities/digests/build.js';
import { itDigest } from '../src/capabilities/digests/texts.js';
import { defineJob } from '../src/jobs/types.js';

// Monday 08:40 (Europe/Rome): each network's own summary of the week that just closed, posted into
// its channels — its answers against its previous weeks, laboratori open to it, good practices of
// other networks on its themes.
export default defineJob({
  id: 'digest-networks',
  description: itDigest.jobs.networks,
  cron: '40 8 * * 1',
  async run({ db, now, services }) {
    return services.digests.sendToNetworks(db, now, closedWeek(now), services.platforms.connected());
  },
});
