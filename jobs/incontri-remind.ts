import { sendMeetingReminders } from '../src/capabilities/richieste/meeting-jobs.js';
import { defineJob } from '../src/jobs/types.js';

// Reminders of the meetings with ANCI Lombardia the day before (from 24 hours before the start), to
// everyone invited who has not said «Non posso». Runs often and sends what is due; each reminder
// is recorded per person and start, so a rerun sends nothing new and a moved meeting is reminded again.
export default defineJob({
  id: 'incontri-remind',
  description: 'Incontri con ANCI: promemoria il giorno prima agli invitati',
  cron: '*/15 * * * *',
  async run({ db, now, services }) {
    return sendMeetingReminders(db, now, services.platforms.connected());
  },
});
