import { applyRetention } from '../src/capabilities/networks/retention.js';
import { defineJob } from '../src/jobs/types.js';

const DAY = 24 * 60 * 60 * 1000;

// Keeps the inbox and outbox small, and applies the retention of personal data (retention.ts).
// Inbound events are kept 7 days (Telegram may redeliver an update for 24 hours, Slack retries for
// minutes): long enough to recognise every redelivery.
export default defineJob({
  id: 'housekeeping',
  description: 'Pulizia e conservazione dei dati: eventi, messaggi, conversazioni concluse, persone senza ruolo',
  cron: '17 3 * * *',
  async run({ db, now, services }) {
    const events = await db.inboundEvent.deleteMany({ where: { status: { in: ['done', 'failed'] }, receivedAt: { lt: new Date(now.getTime() - 7 * DAY) } } });
    const messages = await db.outboxMessage.deleteMany({ where: { status: 'sent', sentAt: { lt: new Date(now.getTime() - 90 * DAY) } } });
    const jobRuns = await db.jobRun.deleteMany({ where: { startedAt: { lt: new Date(now.getTime() - 90 * DAY) } } });
    return { events: events.count, messages: messages.count, jobRuns: jobRuns.count, ...(await applyRetention(db, now, services.retention)) };
  },
});
