// Personal single-use links to the cruscotto. The token is 256 random bits (base64url, 43
// characters); the database keeps only its SHA-256, so the table cannot be turned into links. A
// link opens one session, once, within 15 minutes: taking it is one conditional UPDATE, so two
// replicas (or two clicks) cannot both use it.
import { createHash, randomBytes } from 'node:crypto';
import { Prisma, type Tx } from '../../db/client.js';

export const LINK_TTL_MS = 15 * 60_000;
export const SESSION_TTL_MS = 12 * 3_600_000;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new link for the person; returns the token to put in the URL (never stored). */
export async function createLink(tx: Tx, personId: number, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + LINK_TTL_MS);
  await tx.cruscottoLink.create({ data: { tokenHash: hashToken(token), personId, createdAt: now, expiresAt } });
  return { token, expiresAt };
}

export type LinkState = { ok: true; linkId: number; personId: number } | { ok: false; reason: 'unknown' | 'expired' | 'used' };

/** What a link is worth now, without using it (the page that asks to confirm the access). */
export async function inspectLink(tx: Tx, token: string, now: Date): Promise<LinkState> {
  if (!TOKEN.test(token)) return { ok: false, reason: 'unknown' };
  const link = await tx.cruscottoLink.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!link) return { ok: false, reason: 'unknown' };
  if (link.usedAt) return { ok: false, reason: 'used' };
  if (link.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, linkId: link.id, personId: link.personId };
}

/** Uses the link: succeeds once, for an unexpired link. */
export async function consumeLink(tx: Tx, token: string, now: Date): Promise<LinkState> {
  if (!TOKEN.test(token)) return { ok: false, reason: 'unknown' };
  const rows = await tx.$queryRaw<{ id: number; person_id: number }[]>`
    UPDATE cruscotto_link SET used_at = ${now}
    WHERE token_hash = ${hashToken(token)} AND used_at IS NULL AND expires_at > ${now}
    RETURNING id, person_id`;
  const row = rows[0];
  if (row) return { ok: true, linkId: row.id, personId: row.person_id };
  const state = await inspectLink(tx, token, now);
  return state.ok ? { ok: false, reason: 'used' } : state;
}

export interface SessionRow {
  id: number;
  personId: number;
  csrfToken: string;
  expiresAt: Date;
}

/** Opens a session for the person the link belongs to; the cookie gets `token`. */
export async function openSession(tx: Tx, link: { linkId: number; personId: number }, now: Date): Promise<SessionRow & { token: string }> {
  const token = newToken();
  const session = await tx.cruscottoSession.create({
    data: {
      tokenHash: hashToken(token),
      personId: link.personId,
      linkId: link.linkId,
      csrfToken: newToken(),
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    },
  });
  return { id: session.id, personId: session.personId, csrfToken: session.csrfToken, expiresAt: session.expiresAt, token };
}

/** The live session a cookie's token stands for, or null (unknown, ended, expired). */
export async function findSession(tx: Tx, token: string | undefined, now: Date): Promise<SessionRow | null> {
  if (!token || !TOKEN.test(token)) return null;
  const session = await tx.cruscottoSession.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!session || session.endedAt || session.expiresAt.getTime() <= now.getTime()) return null;
  return { id: session.id, personId: session.personId, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
}

/** «Esci»: the session ends for good. */
export async function endSession(tx: Tx, sessionId: number, now: Date): Promise<void> {
  await tx.cruscottoSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now } });
}

/** Links and sessions that can no longer be used, kept a day for the record, then deleted. */
export async function removeStale(tx: Tx, now: Date): Promise<{ links: number; sessions: number }> {
  const before = new Date(now.getTime() - 24 * 3_600_000);
  const sessions = await tx.$executeRaw`DELETE FROM cruscotto_session WHERE expires_at < ${before} OR ended_at < ${before}`;
  const links = await tx.$executeRaw(Prisma.sql`DELETE FROM cruscotto_link l WHERE l.expires_at < ${before}
    AND NOT EXISTS (SELECT 1 FROM cruscotto_session s WHERE s.link_id = l.id)`);
  return { links, sessions };
}
