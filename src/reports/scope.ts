// The period and reach of one digest: an ISO week, every network or one. Part of the kernel's
// reporting contract: capabilities build their digest sections over a Scope.
import { Prisma } from '../db/client.js';
import { shiftWeek, weekStart } from '../time.js';

/** Weeks of history in trends and sparklines, the week of the digest included. */
export const TREND_WEEKS = 8;

export interface Scope {
  week: string;
  /** Monday 00:00 of the week and of the next one (Europe/Rome). */
  from: Date;
  to: Date;
  /** The last TREND_WEEKS weeks, oldest first, ending with `week`. */
  trend: string[];
  /** The TREND_WEEKS weeks before `week`, oldest first (a network's usual values). */
  history: string[];
  networkId: number | null;
  now: Date;
}

export function scopeOf(week: string, now: Date, networkId: number | null = null): Scope {
  const trend = Array.from({ length: TREND_WEEKS }, (_, i) => shiftWeek(week, i - TREND_WEEKS + 1));
  const history = Array.from({ length: TREND_WEEKS }, (_, i) => shiftWeek(week, i - TREND_WEEKS));
  return { week, from: weekStart(week), to: weekStart(shiftWeek(week, 1)), trend, history, networkId, now };
}

/** `AND <column> = <network>` when the scope is one network. */
export function networkFilter(scope: Scope, column: string): Prisma.Sql {
  return scope.networkId === null ? Prisma.empty : Prisma.sql`AND ${Prisma.raw(column)} = ${scope.networkId}`;
}

export function inList(values: string[]): Prisma.Sql {
  return Prisma.join(values);
}
