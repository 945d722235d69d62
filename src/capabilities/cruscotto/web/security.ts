// The web session's plumbing: cookies, the CSRF check, and the headers every page carries.
import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'reti_cruscotto';
/** Before a session exists: ties the access form to the browser that opened the link (login CSRF). */
export const ACCESS_COOKIE = 'reti_cruscotto_accesso';
export const COOKIE_PATH = '/cruscotto';

export function readCookies(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    try {
      if (name && !(name in out)) out[name] = decodeURIComponent(raw);
    } catch {
      // A cookie that is not URI-encoded is not ours.
    }
  }
  return out;
}

/** maxAge (relative, so a browser whose clock differs keeps it as long): the database says when a session really ends. */
export function setCookie(res: Response, name: string, value: string, options: { secure: boolean; maxAgeMs?: number }): void {
  res.cookie(name, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    path: COOKIE_PATH,
    ...(options.maxAgeMs ? { maxAge: options.maxAgeMs } : {}),
  });
}

export function clearCookie(res: Response, name: string, secure: boolean): void {
  res.clearCookie(name, { httpOnly: true, sameSite: 'lax', secure, path: COOKIE_PATH });
}

export function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Pages hold personal data: never cached, never framed, no referrer (the access link's token must
 * not travel to another site), scripts and styles only from here (ECharts' SVG uses style attributes).
 */
export function pageHeaders(res: Response): void {
  res.set({
    'Cache-Control': 'no-store',
    'Content-Security-Policy':
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
  });
}
