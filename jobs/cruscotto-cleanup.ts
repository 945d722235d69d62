import { removeStale } from '../src/capabilities/cruscotto/links.js';
import { itCruscotto } from '../src/capabilities/cruscotto/texts.js';
import { defineJob } from '../src/jobs/types.js';

// Every night: links and sessions that can no longer be used are deleted a day after they ended.
export default defineJob({
  id: 'cruscotto-cleanup',
  description: itCruscotto.jobs.cleanup,
  cron: '27 3 * * *',
  async run({ db, now }) {
    return removeStale(db, now);
  },
});
