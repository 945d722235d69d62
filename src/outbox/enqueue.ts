// Enqueue a message inside the caller's transaction: the message exists if and only if the change
// that caused it committed. A dedupe key makes enqueueing idempotent (ON CONFLICT DO NOTHING, which
// unlike catching a unique violation does not abort the surrounding PostgreSQL transaction).
import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/client.js';
import type { Delivery } from '../platform/port.js';
import { splitMessage } from '../platform/split.js';

export interface OutboxEntry {
  delivery: Delivery;
  /** Same key, same message: enqueued once. Default: a fresh id (always enqueued). */
  dedupeKey?: string;
  notBefore?: Date;
  /** Names a failure listener (see OutboxWorker.onFailure), e.g. "checkin.prompt". */
  tag?: string;
  /** Data for the failure listener. */
  meta?: Record<string, unknown>;
}

export interface StoredPayload {
  delivery: Delivery;
  tag?: string;
  meta?: Record<string, unknown>;
}

function target(d: Delivery): { platform: string; workspace: string; chatId: string } {
  if (d.op === 'group') return { platform: d.platform, workspace: d.workspace, chatId: [...d.userIds].sort().join(',') };
  return { platform: d.to.platform, workspace: d.to.workspace, chatId: d.to.chatId };
}

/** A message too long for its platform becomes several entries, in order (keys `key`, `key#2`…). */
function splitEntry(entry: OutboxEntry): OutboxEntry[] {
  const d = entry.delivery;
  if (d.op === 'update') return [entry];
  const platform = d.op === 'group' ? d.platform : d.to.platform;
  const parts = splitMessage(platform, d.message);
  if (parts.length === 1) return [entry];
  const key = entry.dedupeKey ?? randomUUID();
  return parts.map((message, i) => ({ ...entry, dedupeKey: i === 0 ? key : `${key}#${i + 1}`, delivery: { ...d, message } }));
}

/** Enqueues messages; returns how many were new (duplicates by dedupe key are skipped). */
export async function enqueue(tx: Tx, entries: OutboxEntry | OutboxEntry[]): Promise<number> {
  const list = (Array.isArray(entries) ? entries : [entries]).flatMap(splitEntry);
  if (list.length === 0) return 0;
  const data = list.map((e) => {
    const t = target(e.delivery);
    const payload: StoredPayload = { delivery: e.delivery, ...(e.tag ? { tag: e.tag } : {}), ...(e.meta ? { meta: e.meta } : {}) };
    return {
      dedupeKey: e.dedupeKey ?? randomUUID(),
      platform: t.platform,
      workspace: t.workspace,
      chatId: t.chatId,
      kind: e.delivery.op,
      payload: payload as object,
      // "As soon as possible" is the epoch, not the database's now(): due-ness is judged against the
      // injected clock, which tests set in the past or future.
      notBefore: e.notBefore ?? new Date(0),
    };
  });
  const res = await tx.outboxMessage.createMany({ data, skipDuplicates: true });
  return res.count;
}
