// What legami contributes to the digests. New good practices: for the coordinators, those proposed
// or published during the week and the check-in answers to "buona_prassi" the library has not taken
// in; for a network, practices of other networks published during the week on one of its themes.
// The legami summary (coordinators): introductions made during the week, the follow-up answers
// given during the week, and the last weeks' introductions with how many of them led to a meeting.
import type { Tx } from '../../db/client.js';
import { packLines, section } from '../../reports/blocks.js';
import { defineDigestSection } from '../../reports/digest-section.js';
import type { Scope } from '../../reports/scope.js';
import { weekStart } from '../../time.js';
import { GOOD_PRACTICE_CODE } from '../checkins/hooks.js';
import { itLegamiDigest as t } from './report-texts.js';

interface NetworkRef {
  id: number;
  code: string;
  name: string;
}

export interface PracticeLine {
  network: NetworkRef;
  title: string;
  /** proposta / pubblicata (the library), checkin (an answer not yet in the library). */
  status: 'proposta' | 'pubblicata' | 'checkin';
  themes: string[];
}

export interface LegamiSummary {
  introductions: number;
  /** Follow-up answers given during the week. */
  met: number;
  notYet: number;
  notInterested: number;
  /** Introductions of the last TREND_WEEKS weeks, and of those how many people said they met. */
  introductionsTrend: number;
  metTrend: number;
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
export async function practices(tx: Tx, scope: Scope, themes: string[] | null): Promise<PracticeLine[]> {
  const toLine = (r: PracticeRow): PracticeLine => ({
    network: { id: r.id, code: r.code, name: r.name },
    title: titleOf(r.title),
    status: r.status,
    themes: r.themes ?? [],
  });
  if (scope.networkId !== null) {
    if (!themes?.length) return [];
    const rows = await tx.$queryRaw<PracticeRow[]>`
      SELECT n.id, n.code, n.name, g.title, g.status, g.themes
      FROM legami_good_practice g JOIN network n ON n.id = g.network_id
      WHERE g.status = 'pubblicata' AND g.published_at >= ${scope.from} AND g.published_at < ${scope.to}
        AND g.network_id <> ${scope.networkId} AND g.themes && ${themes}::text[]
      ORDER BY g.published_at, g.id`;
    return rows.map(toLine);
  }
  const [library, fromCheckins] = await Promise.all([
    tx.$queryRaw<PracticeRow[]>`
      SELECT n.id, n.code, n.name, g.title, g.status, g.themes
      FROM legami_good_practice g JOIN network n ON n.id = g.network_id
      WHERE (g.created_at >= ${scope.from} AND g.created_at < ${scope.to})
         OR (g.published_at >= ${scope.from} AND g.published_at < ${scope.to})
      ORDER BY n.code, g.id`,
    tx.$queryRaw<PracticeRow[]>`
      SELECT n.id, n.code, n.name, a.text_value AS title, 'checkin' AS status, ARRAY[]::text[] AS themes
      FROM checkin_answer a JOIN network n ON n.id = a.network_id
      WHERE a.period = ${scope.week} AND a.indicator_code = ${GOOD_PRACTICE_CODE} AND NOT a.skipped
        AND coalesce(btrim(a.text_value), '') <> ''
        AND NOT EXISTS (SELECT 1 FROM legami_good_practice g WHERE g.source_key = 'checkin:' || a.network_id || ':' || a.period)
      ORDER BY n.code, a.id`,
  ]);
  return [...library, ...fromCheckins].map(toLine).sort((a, b) => a.network.code.localeCompare(b.network.code));
}

export async function legamiSummary(tx: Tx, scope: Scope): Promise<LegamiSummary> {
  const trendFrom = weekStart(scope.trend[0]!);
  const [row] = await tx.$queryRaw<LegamiSummary[]>`
    SELECT
      (SELECT count(*) FROM legami_introduction WHERE created_at >= ${scope.from} AND created_at < ${scope.to})::int AS introductions,
      (SELECT count(*) FROM legami_follow_up WHERE answer = 'si' AND answered_at >= ${scope.from} AND answered_at < ${scope.to})::int AS met,
      (SELECT count(*) FROM legami_follow_up WHERE answer = 'non_ancora' AND answered_at >= ${scope.from} AND answered_at < ${scope.to})::int AS "notYet",
      (SELECT count(*) FROM legami_follow_up WHERE answer = 'non_interessa' AND answered_at >= ${scope.from} AND answered_at < ${scope.to})::int AS "notInterested",
      (SELECT count(*) FROM legami_introduction WHERE created_at >= ${trendFrom} AND created_at < ${scope.to})::int AS "introductionsTrend",
      (SELECT count(DISTINCT i.id) FROM legami_introduction i JOIN legami_follow_up f ON f.introduction_id = i.id
        WHERE f.answer = 'si' AND i.created_at >= ${trendFrom} AND i.created_at < ${scope.to})::int AS "metTrend"`;
  return row!;
}

export const practicesSection = defineDigestSection({
  id: 'legami.practices',
  order: 60,
  audience: 'both',
  build: (tx, { scope, network }) => practices(tx, scope, network?.themes ?? null),
  isEmpty: (lines) => lines.length === 0,
  render(lines, view) {
    const text = (p: PracticeLine) =>
      t.practices.line(p.network.code, p.title, t.practices.status[p.status] ?? p.status) + (view.network ? t.practices.themes(p.themes) : '');
    return section(view.network ? t.practices.networkHeader : t.practices.header, packLines(lines.map(text)));
  },
});

export const summarySection = defineDigestSection({
  id: 'legami.summary',
  order: 90,
  audience: 'coordinators',
  build: (tx, { scope }) => legamiSummary(tx, scope),
  // The last weeks' introductions alone are shown, but do not make a digest worth sending.
  isEmpty: (l) => l.introductions === 0 && l.met + l.notYet + l.notInterested === 0,
  render(l) {
    if (l.introductions === 0 && l.introductionsTrend === 0 && l.met + l.notYet + l.notInterested === 0) return [];
    return section(t.summary.header, [
      { type: 'text', text: `${t.summary.week(l.introductions, l.met, l.notYet, l.notInterested)}\n${t.summary.trend(l.introductionsTrend, l.metTrend)}` },
    ]);
  },
});

export const legamiDigestSections = [practicesSection, summarySection];
