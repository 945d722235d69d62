// Retention (the nightly housekeeping): what is kept only as long as delivery and the programme need it.
// - message payloads (inbound events, outgoing messages with their attachments, e.g. exports) emptied
//   after `payloadDays`; stuck inbound events and undeliverable messages removed then too;
// - finished, cancelled or paused conversations removed after `conversationDays`;
// - people with no role (no network, not coordinator) and not seen for `inactiveMonths` erased.
import type { Db } from '../../db/client.js';
import { audit } from '../../audit.js';
import { erasePerson } from './erase.js';

export interface RetentionSettings {
  payloadDays: number;
  conversationDays: number;
  inactiveMonths: number;
  auditYears: number;
}

const DAY = 24 * 60 * 60 * 1000;
/** People erased per run, each in its own transaction. */
const ERASE_BATCH = 200;

export async function applyRetention(db: Db, now: Date, s: RetentionSettings): Promise<Record<string, number>> {
  const payloadCutoff = new Date(now.getTime() - s.payloadDays * DAY);
  const conversationCutoff = new Date(now.getTime() - s.conversationDays * DAY);
  const inactiveCutoff = new Date(now);
  inactiveCutoff.setUTCMonth(inactiveCutoff.getUTCMonth() - s.inactiveMonths);

  const payloadsEmptied = await db.$executeRaw`
    UPDATE outbox_message SET payload = '{}'::jsonb WHERE status = 'sent' AND created_at < ${payloadCutoff} AND payload <> '{}'::jsonb`;
  const undeliverable = await db.outboxMessage.deleteMany({ where: { status: { in: ['failed', 'pending'] }, createdAt: { lt: payloadCutoff } } });
  const eventsEmptied = await db.$executeRaw`
    UPDATE inbound_event SET payload = '{}'::jsonb WHERE status IN ('done', 'failed') AND received_at < ${payloadCutoff} AND payload <> '{}'::jsonb`;
  const stuck = await db.inboundEvent.deleteMany({ where: { status: { in: ['received', 'processing'] }, receivedAt: { lt: payloadCutoff } } });
  // Finished, or abandoned (no step for that long, whatever the status).
  const conversations = await db.conversation.deleteMany({ where: { updatedAt: { lt: conversationCutoff } } });

  const inactive = await db.person.findMany({
    where: {
      coordinator: false,
      erasedAt: null,
      memberships: { none: {} },
      createdAt: { lt: inactiveCutoff },
      accounts: { none: { lastSeenAt: { gte: inactiveCutoff } } },
    },
    select: { id: true },
    orderBy: { id: 'asc' },
    take: ERASE_BATCH,
  });
  for (const p of inactive) {
    await db.$transaction(
      async (tx) => {
        await erasePerson(tx, p.id, now);
        await audit(tx, {
          at: now,
          action: 'erase',
          subjectPersonId: p.id,
          detail: `dati cancellati della persona n. ${p.id} (senza ruolo da ${s.inactiveMonths} mesi)`,
        });
      },
      { timeout: 30_000, maxWait: 30_000 },
    );
  }
  const auditCutoff = new Date(now);
  auditCutoff.setUTCFullYear(auditCutoff.getUTCFullYear() - s.auditYears);
  const auditRemoved = await db.auditEntry.deleteMany({ where: { at: { lt: auditCutoff } } });

  return {
    payloadsEmptied: payloadsEmptied + eventsEmptied,
    undeliverable: undeliverable.count,
    stuckEvents: stuck.count,
    conversations: conversations.count,
    peopleErased: inactive.length,
    auditRemoved: auditRemoved.count,
  };
}
