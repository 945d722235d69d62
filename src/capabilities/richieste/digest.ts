// What requests and meetings contribute to the digests. Coordinators: the requests opened, taken
// in charge and closed during the week; the open ones by kind; those open for more than two weeks,
// named; and over the last 12 weeks the median days from request to taken in charge and to done.
// A network: its open requests and their states, and its next meeting with ANCI.
import type { Tx } from '../../db/client.js';
import { packLines, section } from '../../reports/blocks.js';
import { defineDigestSection } from '../../reports/digest-section.js';
import type { Scope } from '../../reports/scope.js';
import { shiftWeek, weekStart } from '../../time.js';
import { itRichiesteReports as t } from './report-texts.js';

const DAY = 86_400_000;
/** Open longer than this: named in the coordinators' digest. */
export const WAITING_DAYS = 14;
/** Weeks of the medians, the digest's week included. */
export const MEDIAN_WEEKS = 12;
export const MAX_WAITING = 10;

export interface WaitingRequest {
  id: number;
  code: string;
  kind: string;
  state: string;
  days: number;
}

export interface CoordinatorsRequests {
  opened: number;
  taken: number;
  closed: number;
  openByKind: { kind: string; count: number }[];
  waiting: WaitingRequest[];
  waitingTotal: number;
  /** Median days from request to taken in charge (requests taken in the last 12 weeks), null when none. */
  toTaken: { median: number | null; requests: number };
  /** Median days from request to done (requests done in the last 12 weeks), null when none. */
  toDone: { median: number | null; requests: number };
}

export interface NetworkRequests {
  open: { id: number; kind: string; state: string; assignee: string | null; openedAt: Date }[];
  next: { id: number; startsAt: Date; endsAt: Date; place: string; onlineUrl: string; anci: string; agenda: string } | null;
}

/** The figures of the coordinators' digest (every network). */
export async function coordinatorsRequests(tx: Tx, scope: Scope): Promise<CoordinatorsRequests> {
  const [week] = await tx.$queryRaw<{ opened: number; taken: number; closed: number }[]>`
    SELECT
      (SELECT count(*) FROM support_request WHERE opened_at >= ${scope.from} AND opened_at < ${scope.to})::int AS opened,
      (SELECT count(DISTINCT request_id) FROM support_request_event
        WHERE to_state = 'presa_in_carico' AND at >= ${scope.from} AND at < ${scope.to})::int AS taken,
      (SELECT count(DISTINCT request_id) FROM support_request_event
        WHERE to_state IN ('svolta', 'chiusa') AND at >= ${scope.from} AND at < ${scope.to})::int AS closed`;
  const openByKind = await tx.$queryRaw<{ kind: string; count: number }[]>`
    SELECT kind, count(*)::int AS count FROM support_request WHERE open_key IS NOT NULL GROUP BY kind ORDER BY count(*) DESC, kind`;
  const before = new Date(scope.now.getTime() - WAITING_DAYS * DAY);
  const waitingRows = await tx.$queryRaw<{ id: number; code: string; kind: string; state: string; opened_at: Date; total: number }[]>`
    SELECT r.id, n.code, r.kind, r.state, r.opened_at, count(*) OVER ()::int AS total
    FROM support_request r JOIN network n ON n.id = r.network_id
    WHERE r.open_key IS NOT NULL AND r.opened_at < ${before}
    ORDER BY r.opened_at, r.id
    LIMIT ${MAX_WAITING}`;
  const since = weekStart(shiftWeek(scope.week, -(MEDIAN_WEEKS - 1)));
  const [medians] = await tx.$queryRaw<{ taken: number | null; taken_n: number; done: number | null; done_n: number }[]>`
    SELECT
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM taken_at - opened_at) / 86400)
         FROM support_request WHERE taken_at >= ${since} AND taken_at < ${scope.to})::float8 AS taken,
      (SELECT count(*) FROM support_request WHERE taken_at >= ${since} AND taken_at < ${scope.to})::int AS taken_n,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM done_at - opened_at) / 86400)
         FROM support_request WHERE done_at >= ${since} AND done_at < ${scope.to})::float8 AS done,
      (SELECT count(*) FROM support_request WHERE done_at >= ${since} AND done_at < ${scope.to})::int AS done_n`;
  return {
    opened: week!.opened,
    taken: week!.taken,
    closed: week!.closed,
    openByKind,
    waiting: waitingRows.map((r) => ({
      id: r.id,
      code: r.code,
      kind: r.kind,
      state: r.state,
      days: Math.floor((scope.now.getTime() - r.opened_at.getTime()) / DAY),
    })),
    waitingTotal: waitingRows[0]?.total ?? 0,
    toTaken: { median: medians!.taken === null ? null : Number(medians!.taken), requests: medians!.taken_n },
    toDone: { median: medians!.done === null ? null : Number(medians!.done), requests: medians!.done_n },
  };
}

/** A network's open requests (oldest first) and its next meeting with ANCI. */
export async function networkRequests(tx: Tx, scope: Scope): Promise<NetworkRequests> {
  const networkId = scope.networkId ?? -1;
  const open = await tx.$queryRaw<NetworkRequests['open']>`
    SELECT r.id, r.kind, r.state, p.name AS assignee, r.opened_at AS "openedAt"
    FROM support_request r LEFT JOIN person p ON p.id = r.assignee_id
    WHERE r.network_id = ${networkId} AND r.open_key IS NOT NULL
    ORDER BY r.opened_at, r.id`;
  const [next] = await tx.$queryRaw<NonNullable<NetworkRequests['next']>[]>`
    SELECT id, starts_at AS "startsAt", ends_at AS "endsAt", place, online_url AS "onlineUrl", anci, agenda
    FROM meeting WHERE network_id = ${networkId} AND status = 'scheduled' AND starts_at > ${scope.now}
    ORDER BY starts_at, id LIMIT 1`;
  return { open, next: next ?? null };
}

export const coordinatorsRequestsSection = defineDigestSection({
  id: 'richieste.coordinators',
  order: 55,
  audience: 'coordinators',
  build: (tx, { scope }) => coordinatorsRequests(tx, scope),
  isEmpty: (d) => d.opened + d.taken + d.closed === 0 && d.openByKind.length === 0 && d.toTaken.requests === 0 && d.toDone.requests === 0,
  render(d) {
    const lines = [t.digest.week(d.opened, d.taken, d.closed)];
    if (d.openByKind.length) lines.push(t.digest.openByKind(d.openByKind));
    else lines.push(t.digest.noneOpen);
    if (d.waiting.length) {
      lines.push(t.digest.waitingHeading(d.waitingTotal));
      for (const w of d.waiting) lines.push(t.digest.waitingLine(w));
      if (d.waitingTotal > d.waiting.length) lines.push(t.digest.waitingMore(d.waitingTotal - d.waiting.length));
    }
    lines.push(t.digest.medians(d.toTaken, d.toDone));
    return section(t.digest.header, packLines(lines), t.digest.note);
  },
});

export const networkRequestsSection = defineDigestSection({
  id: 'richieste.network',
  order: 55,
  audience: 'network',
  build: (tx, { scope }) => networkRequests(tx, scope),
  isEmpty: (d) => d.open.length === 0 && d.next === null,
  render(d, view) {
    const lines: string[] = [];
    if (d.open.length) {
      lines.push(t.digest.networkOpen(d.open.length));
      for (const r of d.open) lines.push(t.digest.networkLine(r, Math.floor((view.scope.now.getTime() - r.openedAt.getTime()) / DAY)));
    } else lines.push(t.digest.networkNoneOpen);
    lines.push(d.next ? t.digest.nextMeeting(d.next) : t.digest.noMeeting);
    return section(t.digest.networkHeader, packLines(lines));
  },
});

export const richiesteDigestSections = [coordinatorsRequestsSection, networkRequestsSection];
