import { defineJob } from '../src/jobs/types.js';

const DAY = 24 * 60 * 60 * 1000;

// Keeps the inbox and outbox small. Inbound events are kept 7 days (Telegram may redeliver an
// update for 24 hours, Slack retries for minutes): long enough to recognise every redelivery.
export default defineJob({
  id: 'housekeeping',
  description: 'Pulizia: eventi ricevuti oltre 7 giorni e messaggi consegnati oltre 90 giorni',
  cron: '17 3 * * *',
  async run({ db, now }) {
    const events = await db.inboundEvent.deleteMany({ where: { status: { in: ['done', 'failed'] }, receivedAt: { lt: new Date(now.getTime() - 7 * DAY) } } });
    const messages = await db.outboxMessage.deleteMany({ where: { status: 'sent', sentAt: { lt: new Date(now.getTime() - 90 * DAY) } } });
    const jobRuns = await db.jobRun.deleteMany({ where: { startedAt: { lt: new Date(now.getTime() - 90 * DAY) } } });
    return { events: events.count, messages: messages.count, jobRuns: jobRuns.count };
  },
});
