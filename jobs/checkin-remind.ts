import { REMIND_CRON } from '../src/capabilities/checkins/period.js';
import { itCheckins as t } from '../src/capabilities/checkins/texts.js';
import { defineJob } from '../src/jobs/types.js';

// Wednesday and Friday 10:00 (SCHEDULE_CHECKIN_REMIND): reminds the networks that have not sent
// their check-in, at most once a day each, never on the day the round closes.
export default defineJob({
  id: 'checkin-remind',
  description: t.job.remind,
  cron: REMIND_CRON,
  run: ({ services, now, logger }) => services.checkins.remind(now, logger),
});
