// The legami page: introductions week by week and what people answered to "did you meet?", the
// links made between networks (pairs, counted), and the latest introductions. Referents and
// members see the introductions that involve their networks.
import { Prisma, type Tx } from '../../../db/client.js';
import { weekStart } from '../../../time.js';

function involving(visible: number[] | null): Prisma.Sql {
  return visible === null ? Prisma.empty : Prisma.sql`AND (i.network_a_id = ANY(${visible}::int[]) OR i.network_b_id = ANY(${visible}::int[]))`;
}

export interface LegamiWeek {
  week: string;
  introductions: number;
  met: number;
  notYet: number;
  notInterested: number;
}

/** Introductions made in each week, and the follow-up answers given about them. */
export async function legamiByWeek(tx: Tx, weeks: string[], visible: number[] | null): Promise<LegamiWeek[]> {
  const from = weekStart(weeks[0]!);
  const starts = weeks.map((w) => weekStart(w));
  const rows = await tx.$queryRaw<{ week: string; introductions: number; met: number; not_yet: number; not_interested: number }[]>`
    WITH w AS (SELECT * FROM unnest(${weeks}::text[], ${starts}::timestamptz[]) AS w(week, starts)),
    intro AS (
      SELECT i.id, (SELECT max(w.week) FROM w WHERE w.starts <= i.created_at) AS week
      FROM legami_introduction i WHERE i.created_at >= ${from} ${involving(visible)})
    SELECT intro.week, count(DISTINCT intro.id)::int AS introductions,
           count(f.id) FILTER (WHERE f.answer = 'si')::int AS met,
           count(f.id) FILTER (WHERE f.answer = 'non_ancora')::int AS not_yet,
           count(f.id) FILTER (WHERE f.answer = 'non_interessa')::int AS not_interested
    FROM intro LEFT JOIN legami_follow_up f ON f.introduction_id = intro.id
    GROUP BY intro.week`;
  const byWeek = new Map(rows.map((r) => [r.week, r]));
  return weeks.map((week) => {
    const r = byWeek.get(week);
    return { week, introductions: r?.introductions ?? 0, met: r?.met ?? 0, notYet: r?.not_yet ?? 0, notInterested: r?.not_interested ?? 0 };
  });
}

export interface NetworkLink {
  a: { id: number; code: string; name: string };
  b: { id: number; code: string; name: string };
  introductions: number;
  met: number;
}

/** Pairs of networks introduced to each other since `from`, most introductions first. */
export async function networkLinks(tx: Tx, from: Date, visible: number[] | null): Promise<NetworkLink[]> {
  const rows = await tx.$queryRaw<
    { a_id: number; a_code: string; a_name: string; b_id: number; b_code: string; b_name: string; introductions: number; met: number }[]
  >`
    WITH pairs AS (
      SELECT least(i.network_a_id, i.network_b_id) AS a, greatest(i.network_a_id, i.network_b_id) AS b, count(*) AS introductions,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM legami_follow_up f WHERE f.introduction_id = i.id AND f.answer = 'si')) AS met
      FROM legami_introduction i WHERE i.created_at >= ${from} ${involving(visible)}
      GROUP BY 1, 2)
    SELECT pairs.a AS a_id, na.code AS a_code, na.name AS a_name, pairs.b AS b_id, nb.code AS b_code, nb.name AS b_name,
           pairs.introductions::int, pairs.met::int
    FROM pairs JOIN network na ON na.id = pairs.a JOIN network nb ON nb.id = pairs.b
    ORDER BY pairs.introductions DESC, na.code, nb.code`;
  return rows.map((r) => ({
    a: { id: r.a_id, code: r.a_code, name: r.a_name },
    b: { id: r.b_id, code: r.b_code, name: r.b_name },
    introductions: r.introductions,
    met: r.met,
  }));
}

export interface IntroductionLine {
  id: number;
  createdAt: Date;
  reason: string;
  theme: string;
  aCode: string;
  bCode: string;
  answers: string[];
}

/** The latest introductions, a page at a time, with the follow-up answers given. */
export async function latestIntroductions(tx: Tx, visible: number[] | null, page: number, size: number): Promise<{ total: number; rows: IntroductionLine[] }> {
  const rows = await tx.$queryRaw<(IntroductionLine & { total: number })[]>`
    SELECT i.id, i.created_at AS "createdAt", i.reason, i.theme, na.code AS "aCode", nb.code AS "bCode",
           coalesce((SELECT array_agg(f.answer ORDER BY f.answered_at) FROM legami_follow_up f WHERE f.introduction_id = i.id AND f.answer IS NOT NULL), ARRAY[]::text[]) AS answers,
           count(*) OVER ()::int AS total
    FROM legami_introduction i JOIN network na ON na.id = i.network_a_id JOIN network nb ON nb.id = i.network_b_id
    WHERE TRUE ${involving(visible)}
    ORDER BY i.created_at DESC, i.id DESC
    LIMIT ${size} OFFSET ${(page - 1) * size}`;
  return { total: rows[0]?.total ?? 0, rows };
}

/** Good practices published since `from` (in the visible networks, for referents and members). */
export async function practicesPublished(tx: Tx, from: Date, visible: number[] | null): Promise<number> {
  const where = visible === null ? Prisma.empty : Prisma.sql`AND network_id = ANY(${visible}::int[])`;
  const [row] = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM legami_good_practice WHERE status = 'pubblicata' AND published_at >= ${from} ${where}`;
  return row?.n ?? 0;
}
