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

/** Messages offered to the outbox by this process: when it has not moved, the test clock has nothing to wait for. */
export const enqueued = { count: 0 };

/** Enqueues messages; returns how many were new (duplicates by dedupe key are skipped). */
export async function enqueue(tx: Tx, entries: OutboxEntry | OutboxEntry[]): Promise<number> {
  const list = (Array.isArray(entries) ? entries : [entries]).flatMap(splitEntry);
  if (list.length === 0) return 0;
  enqueued.count += list.length;
  const rows = list.map((e) => {
    const t = target(e.delivery);
    const payload: StoredPayload = { delivery: e.delivery, ...(e.tag ? { tag: e.tag } : {}), ...(e.meta ? { meta: e.meta } : {}) };
    return {
      dedupe_key: e.dedupeKey ?? randomUUID(),
      platform: t.platform,
      workspace: t.workspace,
      chat_id: t.chatId,
      kind: e.delivery.op,
      payload,
      // "As soon as possible" is the epoch, not the database's now(): due-ness is judged against the
      // injected clock, which tests set in the past or future.
      not_before: e.notBefore ?? new Date(0),
    };
  });
  // One statement whatever the number of rows: the rows travel as one JSON parameter. Prisma's
  // createMany builds a VALUES list with a parameter per column and row and costs about 0.7 ms per
  // row here (measured: 2,500 rows 1.8 s, against 0.3 s this way), which a week's 10,000 prompts feel.
  // Rows keep the list's order (ids ascending), which is the order the worker delivers a chat's messages.
  return tx.$executeRaw`
    INSERT INTO outbox_message (dedupe_key, platform, workspace, chat_id, kind, payload, not_before)
    SELECT r->>'dedupe_key', r->>'platform', r->>'workspace', r->>'chat_id', r->>'kind', r->'payload', (r->>'not_before')::timestamptz
    FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) WITH ORDINALITY AS e(r, n)
    ORDER BY n
    ON CONFLICT (dedupe_key) DO NOTHING`;
}
