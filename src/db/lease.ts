// A lease held by one replica at a time (the outbox sender, the Telegram poller). Whoever holds an
// unexpired lease acts; it renews well before expiry; if it dies, another replica takes over.
import type { Db } from './client.js';

/** Takes or renews the lease; true when `holder` holds it until `now + ttlMs`. */
export async function tryLease(db: Db, name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
  const expires = new Date(now.getTime() + ttlMs);
  const rows = await db.$queryRaw<{ holder: string }[]>`
    INSERT INTO lease (name, holder, expires_at) VALUES (${name}, ${holder}, ${expires})
    ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
    WHERE lease.holder = EXCLUDED.holder OR lease.expires_at < ${now}
    RETURNING holder`;
  return rows.length === 1 && rows[0]!.holder === holder;
}

export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.lease.deleteMany({ where: { name, holder } });
}
