// What the networks said in the week: obstacles (verbatim), support requested by kind, new good
// practices (from the legami library, and check-in answers the library has not taken in).
import { Prisma, type Tx } from '../../../db/client.js';
import type { NetworkRef, Obstacle, PracticeLine, SupportCount } from '../model.js';
import type { Installed } from './capabilities.js';
import { networkFilter, type Scope } from '../../../reports/scope.js';

export const OBSTACLES = 'ostacoli';
export const SUPPORT = 'supporto';
export const PRACTICE = 'buona_prassi';

/** Answers that only say "none": not an obstacle worth a line. */
const NOTHING = ['', 'nessuno', 'nessuna', 'niente', 'nulla', 'no', 'nessun ostacolo', 'nessun problema', 'n/a', 'na'];

export async function obstacles(tx: Tx, scope: Scope): Promise<Obstacle[]> {
  const rows = await tx.$queryRaw<(NetworkRef & { text: string })[]>`
    SELECT n.id, n.code, n.name, a.text_value AS text
    FROM checkin_answer a JOIN network n ON n.id = a.network_id
    WHERE a.period = ${scope.week} AND a.indicator_code = ${OBSTACLES} AND NOT a.skipped AND a.text_value IS NOT NULL
      AND lower(btrim(a.text_value, E' .!-\\n\\t')) <> ALL (${NOTHING}::text[]) ${networkFilter(scope, 'a.network_id')}
    ORDER BY n.code, a.id`;
  return rows.map((r) => ({ network: { id: r.id, code: r.code, name: r.name }, text: r.text.trim() }));
}

interface Option {
  code: string;
  label: string;
}

/** Support requested, by kind (the options of the "supporto" question), most requested first. */
export async function support(tx: Tx, scope: Scope): Promise<SupportCount[]> {
  const rows = await tx.$queryRaw<{ code: string; count: number; networks: string[] }[]>`
    SELECT c.code, count(DISTINCT a.network_id)::int AS count, array_agg(DISTINCT n.code ORDER BY n.code) AS networks
    FROM checkin_answer a
    CROSS JOIN LATERAL unnest(a.choice_codes) AS c(code)
    JOIN network n ON n.id = a.network_id
    WHERE a.period = ${scope.week} AND a.indicator_code = ${SUPPORT} AND NOT a.skipped ${networkFilter(scope, 'a.network_id')}
    GROUP BY c.code`;
  if (!rows.length) return [];
  const [indicator] = await tx.$queryRaw<{ options: unknown }[]>`SELECT options FROM indicator WHERE code = ${SUPPORT}`;
  const options = (Array.isArray(indicator?.options) ? indicator.options : []) as Option[];
  const order = (code: string) => {
    const i = options.findIndex((o) => o.code === code);
    return i < 0 ? options.length : i;
  };
  return rows
    .map((r) => ({ code: r.code, label: options.find((o) => o.code === r.code)?.label ?? r.code, count: r.count, networks: r.networks }))
    .sort((a, b) => b.count - a.count || order(a.code) - order(b.code));
}

interface PracticeRow extends NetworkRef {
  title: string;
  status: PracticeLine['status'];
  themes: string[];
}

const titleOf = (text: string) => {
  const line = text.trim().split('\n')[0]!.trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
};

/**
 * Coordinators: good practices proposed or published during the week, and check-in answers to
 * "buona_prassi" the library has not taken in. A network: practices of other networks published
 * during the week on one of its themes.
 */
export async function practices(tx: Tx, scope: Scope, installed: Installed, themes: string[] | null): Promise<PracticeLine[]> {
  const toLine = (r: PracticeRow): PracticeLine => ({
    network: { id: r.id, code: r.code, name: r.name },
    title: titleOf(r.title),
    status: r.status,
    themes: r.themes ?? [],
  });
  if (scope.networkId !== null) {
    if (!installed.legami || !themes?.length) return [];
    const rows = await tx.$queryRaw<PracticeRow[]>`
      SELECT n.id, n.code, n.name, g.title, g.status, g.themes
      FROM legami_good_practice g JOIN network n ON n.id = g.network_id
      WHERE g.status = 'pubblicata' AND g.published_at >= ${scope.from} AND g.published_at < ${scope.to}
        AND g.network_id <> ${scope.networkId} AND g.themes && ${themes}::text[]
      ORDER BY g.published_at, g.id`;
    return rows.map(toLine);
  }
  const lines: PracticeLine[] = [];
  if (installed.legami) {
    const rows = await tx.$queryRaw<PracticeRow[]>`
      SELECT n.id, n.code, n.name, g.title, g.status, g.themes
      FROM legami_good_practice g JOIN network n ON n.id = g.network_id
      WHERE (g.created_at >= ${scope.from} AND g.created_at < ${scope.to})
         OR (g.published_at >= ${scope.from} AND g.published_at < ${scope.to})
      ORDER BY n.code, g.id`;
    lines.push(...rows.map(toLine));
  }
  if (installed.checkins) {
    const rows = await tx.$queryRaw<PracticeRow[]>`
      SELECT n.id, n.code, n.name, a.text_value AS title, 'checkin' AS status, ARRAY[]::text[] AS themes
      FROM checkin_answer a JOIN network n ON n.id = a.network_id
      WHERE a.period = ${scope.week} AND a.indicator_code = ${PRACTICE} AND NOT a.skipped
        AND coalesce(btrim(a.text_value), '') <> ''
        ${installed.legami ? Prisma.sql`AND NOT EXISTS (SELECT 1 FROM legami_good_practice g WHERE g.source_key = 'checkin:' || a.network_id || ':' || a.period)` : Prisma.empty}
      ORDER BY n.code, a.id`;
    lines.push(...rows.map(toLine));
  }
  return lines.sort((a, b) => a.network.code.localeCompare(b.network.code));
}
