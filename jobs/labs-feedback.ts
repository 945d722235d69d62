import { sendFeedbackPrompts } from '../src/capabilities/labs/reminders.js';
import { defineJob } from '../src/jobs/types.js';

// After a laboratorio: a short feedback question (1–5, then an optional comment) to each
// confirmed participant, once, for sessions ended in the last three days.
export default defineJob({
  id: 'labs-feedback',
  description: 'Laboratori: chiede un parere ai partecipanti dopo la fine',
  cron: '5,20,35,50 * * * *',
  async run({ db, now, services }) {
    return sendFeedbackPrompts(db, now, services.labs.settings.feedbackWindowHours);
  },
});
