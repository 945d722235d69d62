// Which networks a page is about: those the person may see, narrowed by the page's filters (area,
// theme, a facet such as the maturity stage). Turned into one SQL condition on the network table,
// so every query stays one statement whatever the number of networks.
import { Prisma, type Tx } from '../../../db/client.js';
import { isoWeek, shiftWeek, weekStart } from '../../../time.js';

export interface NetworkScope {
  /** Networks the person may see; null: every network (coordinators). */
  visible: number[] | null;
  area?: string | undefined;
  theme?: string | undefined;
  /** Networks with the chosen facet value (resolved from the facet's values); undefined: no facet filter. */
  facetIds?: number[] | undefined;
}

export const everyNetwork: NetworkScope = { visible: null };

/** True when the scope narrows anything (else queries need not join the network table). */
export function narrows(scope: NetworkScope): boolean {
  return scope.visible !== null || Boolean(scope.area) || Boolean(scope.theme) || scope.facetIds !== undefined;
}

/** `AND …` conditions on the network alias `n`. */
export function scopeSql(scope: NetworkScope, alias = 'n'): Prisma.Sql {
  const n = Prisma.raw(alias);
  const parts: Prisma.Sql[] = [];
  if (scope.visible !== null) parts.push(Prisma.sql`AND ${n}.id = ANY(${scope.visible}::int[])`);
  if (scope.area) parts.push(Prisma.sql`AND ${n}.area = ${scope.area}`);
  if (scope.theme) parts.push(Prisma.sql`AND ${scope.theme} = ANY(${n}.themes)`);
  if (scope.facetIds !== undefined) parts.push(Prisma.sql`AND ${n}.id = ANY(${scope.facetIds}::int[])`);
  return parts.length ? Prisma.join(parts, ' ') : Prisma.empty;
}

/** The `n` last ISO weeks ending with `week`, oldest first. */
export function weeksEnding(week: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => shiftWeek(week, i - n + 1));
}

/** Monday 00:00 (Europe/Rome) after each week: an answer from then on came after its week. */
export function weekEnds(weeks: string[]): Date[] {
  return weeks.map((w) => weekStart(shiftWeek(w, 1)));
}

/** "W47" under a chart; the table says the whole week. */
export function shortWeek(week: string): string {
  return week.slice(5);
}

/** The most recent week with check-in rounds up to now (the current week when there is none). */
export async function latestWeek(tx: Tx, now: Date): Promise<string> {
  const current = isoWeek(now);
  const [row] = await tx.$queryRaw<{ week: string | null }[]>`SELECT max(period) AS week FROM checkin_round WHERE period <= ${current}`;
  return row?.week ?? current;
}

/** Areas and themes of the visible networks, for the filters. */
export async function areasAndThemes(tx: Tx, visible: number[] | null): Promise<{ areas: string[]; themes: string[] }> {
  const where = visible === null ? Prisma.empty : Prisma.sql`AND id = ANY(${visible}::int[])`;
  const [row] = await tx.$queryRaw<{ areas: string[] | null; themes: string[] | null }[]>`
    SELECT (SELECT array_agg(DISTINCT area ORDER BY area) FROM network WHERE active AND area <> '' ${where}) AS areas,
           (SELECT array_agg(DISTINCT t ORDER BY t) FROM network CROSS JOIN LATERAL unnest(themes) AS t WHERE active ${where}) AS themes`;
  return { areas: row?.areas ?? [], themes: row?.themes ?? [] };
}
