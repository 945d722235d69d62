import { DEFERRED_CRON } from '../src/capabilities/checkins/period.js';
import { itCheckins as t } from '../src/capabilities/checkins/texts.js';
import { defineJob } from '../src/jobs/types.js';

// Every working day at the opening's time (SCHEDULE_CHECKIN_DEFERRED, default 09:00 Monday to
// Friday): prompts the referents whose weekly prompt a holiday moved to today (Easter Monday → Tuesday).
// Nothing to do on other days; idempotent like the opening (the same prompt keys).
export default defineJob({
  id: 'checkin-deferred',
  description: t.job.deferred,
  cron: DEFERRED_CRON,
  run: ({ services, now, logger }) => services.checkins.promptDeferred(now, logger),
});
