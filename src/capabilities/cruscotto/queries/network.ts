// One network's page: who it is, its answers week by week (with obstacles and support requested),
// the laboratori its people attended, its introductions and its good practices. A handful of
// queries, each bounded by the network and the weeks shown.
import { Prisma, type Tx } from '../../../db/client.js';
import { weekEnds } from './scope.js';

export interface NetworkInfo {
  id: number;
  code: string;
  name: string;
  area: string;
  themes: string[];
  active: boolean;
  referents: string[];
  members: number;
  partners: { name: string; type: string; themes: string[] }[];
}

export async function networkInfo(tx: Tx, code: string): Promise<NetworkInfo | null> {
  const network = await tx.network.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      name: true,
      area: true,
      themes: true,
      active: true,
      memberships: { where: { role: 'referente' }, select: { person: { select: { name: true } } } },
      partners: { select: { name: true, type: true, themes: true }, orderBy: { name: 'asc' } },
      _count: { select: { memberships: true } },
    },
  });
  if (!network) return null;
  return {
    id: network.id,
    code: network.code,
    name: network.name,
    area: network.area,
    themes: network.themes,
    active: network.active,
    referents: network.memberships.map((m) => m.person.name).sort((a, b) => a.localeCompare(b, 'it')),
    members: network._count.memberships,
    partners: network.partners,
  };
}

export interface WeekAnswers {
  week: string;
  /** none: no round; pending: open and not answered yet; silent: closed without an answer. */
  state: 'on_time' | 'late' | 'silent' | 'pending' | 'none';
  numbers: Record<string, number | null>;
  obstacle: string | null;
  support: string[];
}

/** Answers that only say "none": not an obstacle worth a line (as in the digests). */
const NOTHING = ['', 'nessuno', 'nessuna', 'niente', 'nulla', 'no', 'nessun ostacolo', 'nessun problema', 'n/a', 'na'];

export async function answersByWeek(tx: Tx, networkId: number, weeks: string[], codes: { obstacles: string; support: string }): Promise<WeekAnswers[]> {
  const rounds = await tx.$queryRaw<{ period: string; open: boolean; answered: boolean; late: boolean }[]>`
    SELECT r.period, r.status = 'open' AS open, s.id IS NOT NULL AS answered, coalesce(r.reminders > 0 OR s.submitted_at >= w.ends, false) AS late
    FROM checkin_round r
    JOIN unnest(${weeks}::text[], ${weekEnds(weeks)}::timestamptz[]) AS w(period, ends) ON w.period = r.period
    LEFT JOIN checkin_submission s ON s.round_id = r.id
    WHERE r.network_id = ${networkId}`;
  const answers = await tx.$queryRaw<{ period: string; code: string; number: number | null; text: string | null; choices: string[] }[]>`
    SELECT a.period, a.indicator_code AS code, a.number_value AS number, a.text_value AS text, a.choice_codes AS choices
    FROM checkin_answer a
    WHERE a.network_id = ${networkId} AND a.period IN (${Prisma.join(weeks)}) AND NOT a.skipped`;
  const byWeek = new Map<string, WeekAnswers>(weeks.map((week) => [week, { week, state: 'none', numbers: {}, obstacle: null, support: [] }]));
  for (const r of rounds) {
    const w = byWeek.get(r.period);
    if (w) w.state = !r.answered ? (r.open ? 'pending' : 'silent') : r.late ? 'late' : 'on_time';
  }
  for (const a of answers) {
    const w = byWeek.get(a.period);
    if (!w) continue;
    if (a.number !== null) w.numbers[a.code] = a.number;
    if (
      a.code === codes.obstacles &&
      a.text &&
      !NOTHING.includes(
        a.text
          .trim()
          .toLowerCase()
          .replace(/[\s.!-]+$/g, ''),
      )
    )
      w.obstacle = a.text.trim();
    if (a.code === codes.support) w.support = a.choices;
  }
  return weeks.map((w) => byWeek.get(w)!);
}

/** The options of a choice indicator ("supporto"): code → label. */
export async function optionLabels(tx: Tx, code: string): Promise<Map<string, string>> {
  const indicator = await tx.indicator.findUnique({ where: { code }, select: { options: true } });
  const options = Array.isArray(indicator?.options) ? (indicator.options as { code: string; label: string }[]) : [];
  return new Map(options.map((o) => [o.code, o.label]));
}

export interface AttendedLab {
  id: number;
  title: string;
  theme: string;
  startsAt: Date;
  status: string;
  confirmed: number;
  waiting: number;
}

/** Laboratori the network's people signed up for (confirmed or waiting), most recent first. */
export async function labsOfNetwork(tx: Tx, networkId: number, limit = 20): Promise<AttendedLab[]> {
  return tx.$queryRaw<AttendedLab[]>`
    SELECT l.id, l.title, l.theme, l.starts_at AS "startsAt", l.status,
           count(*) FILTER (WHERE s.status = 'confirmed')::int AS confirmed,
           count(*) FILTER (WHERE s.status = 'waiting')::int AS waiting
    FROM lab_signup s
    JOIN membership m ON m.person_id = s.person_id AND m.network_id = ${networkId}
    JOIN lab l ON l.id = s.lab_id
    WHERE s.status IN ('confirmed', 'waiting')
    GROUP BY l.id
    ORDER BY l.starts_at DESC
    LIMIT ${limit}`;
}

export interface NetworkIntroduction {
  id: number;
  createdAt: Date;
  reason: string;
  theme: string;
  otherCode: string;
  otherName: string;
  met: number;
  notYet: number;
  notInterested: number;
}

/** Introductions between a person of this network and one of another, most recent first. */
export async function introductionsOfNetwork(tx: Tx, networkId: number, limit = 20): Promise<NetworkIntroduction[]> {
  return tx.$queryRaw<NetworkIntroduction[]>`
    SELECT i.id, i.created_at AS "createdAt", i.reason, i.theme, o.code AS "otherCode", o.name AS "otherName",
           count(f.id) FILTER (WHERE f.answer = 'si')::int AS met,
           count(f.id) FILTER (WHERE f.answer = 'non_ancora')::int AS "notYet",
           count(f.id) FILTER (WHERE f.answer = 'non_interessa')::int AS "notInterested"
    FROM legami_introduction i
    JOIN network o ON o.id = CASE WHEN i.network_a_id = ${networkId} THEN i.network_b_id ELSE i.network_a_id END
    LEFT JOIN legami_follow_up f ON f.introduction_id = i.id
    WHERE i.network_a_id = ${networkId} OR i.network_b_id = ${networkId}
    GROUP BY i.id, o.code, o.name
    ORDER BY i.created_at DESC, i.id DESC
    LIMIT ${limit}`;
}

export interface NetworkPractice {
  id: number;
  title: string;
  status: string;
  themes: string[];
  createdAt: Date;
  publishedAt: Date | null;
}

/** The network's good practices; proposals not yet published only when `withProposals`. */
export async function practicesOfNetwork(tx: Tx, networkId: number, withProposals: boolean): Promise<NetworkPractice[]> {
  return tx.goodPractice.findMany({
    where: { networkId, ...(withProposals ? {} : { status: 'pubblicata' }) },
    select: { id: true, title: true, status: true, themes: true, createdAt: true, publishedAt: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 20,
  });
}
