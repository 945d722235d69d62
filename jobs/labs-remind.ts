import { sendDueReminders } from '../src/capabilities/labs/reminders.js';
import { defineJob } from '../src/jobs/types.js';

// Reminders to the people confirmed for a laboratorio: by default the day before and one hour
// before (LABS_REMINDERS, e.g. "24h,1h"), never after the start, never for a cancelled session.
// Runs often and sends what is due; each reminder is recorded, so a rerun sends nothing new.
export default defineJob({
  id: 'labs-remind',
  description: 'Laboratori: promemoria agli iscritti prima dell’inizio',
  cron: '*/10 * * * *',
  async run({ db, now, services }) {
    return sendDueReminders(db, now, services.labs.settings.reminderOffsets);
  },
});
