import { promptMeetingNotes } from '../src/capabilities/richieste/meeting-jobs.js';
import { defineJob } from '../src/jobs/types.js';

// After a meeting with a network: the coordinator who set it up is asked once, privately, for the
// note (what was decided, next steps), with «Scrivi la nota».
export default defineJob({
  id: 'incontri-nota',
  description: 'Incontri con ANCI: chiede la nota a chi ha organizzato l’incontro, dopo la fine',
  cron: '5 * * * *',
  async run({ db, now, services }) {
    return promptMeetingNotes(db, now, services.platforms.connected());
  },
});
