import { recordWeek } from '../src/capabilities/maturita/history.js';
import { defineJob } from '../src/jobs/types.js';
import { isoWeek, shiftWeek } from '../src/time.js';

// Every Monday morning, before the new check-in opens: the map of maturity of every network for
// the week just ended, one row per network and dimension (maturity_week).
export default defineJob({
  id: 'maturita-storico',
  description: 'Mappa di maturità: salva la fase di ogni rete e dimensione per la settimana appena chiusa',
  cron: '30 8 * * 1',
  async run({ db, now }) {
    const week = shiftWeek(isoWeek(now), -1);
    return { week, ...(await recordWeek(db, now, week)) };
  },
});
