// What every page knows: who is looking, the form token, where we are, and the time.
import type { WebUser } from '../access.js';

export interface PageContext {
  user: WebUser;
  /** The session's CSRF token, carried by every POST form. */
  csrf: string;
  /** The request path (to mark the current section). */
  path: string;
  now: Date;
}

export const BASE = '/cruscotto';
export const STATIC = `${BASE}/static`;

/** A URL of the cruscotto with a query string (empty values left out). */
export function href(path: string, query: Record<string, string | number | undefined | null> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const q = params.toString();
  return `${BASE}${path}${q ? `?${q}` : ''}`;
}
