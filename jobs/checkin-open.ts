import { OPEN_CRON } from '../src/capabilities/checkins/period.js';
import { itCheckins as t } from '../src/capabilities/checkins/texts.js';
import { defineJob } from '../src/jobs/types.js';

// Monday 09:00 (SCHEDULE_CHECKIN_OPEN): closes last week's rounds, opens this week's for every
// active network and prompts every referent privately, once (deterministic keys).
export default defineJob({
  id: 'checkin-open',
  description: t.job.open,
  cron: OPEN_CRON,
  run: ({ services, now, logger }) => services.checkins.openWeek(now, logger),
});
