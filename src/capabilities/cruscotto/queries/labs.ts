// The laboratori page: sessions from a few months back to all those to come, with seats, sign-ups,
// the waiting list and feedback, in one aggregation. Referents and members see the sessions open
// to their networks; feedback comments are for coordinators.
import { Prisma, type Tx } from '../../../db/client.js';

export interface LabRow {
  id: number;
  title: string;
  theme: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  online: boolean;
  capacity: number | null;
  status: string;
  allNetworks: boolean;
  confirmed: number;
  waiting: number;
  feedback: number;
  rating: number | null;
}

export async function labsBetween(tx: Tx, from: Date, visible: number[] | null): Promise<LabRow[]> {
  const open =
    visible === null
      ? Prisma.empty
      : Prisma.sql`AND (l.all_networks OR EXISTS (SELECT 1 FROM lab_audience a WHERE a.lab_id = l.id AND a.network_id = ANY(${visible}::int[])))`;
  return tx.$queryRaw<LabRow[]>`
    SELECT l.id, l.title, l.theme, l.starts_at AS "startsAt", l.ends_at AS "endsAt", l.place, l.online_url <> '' AS online,
           l.capacity, l.status, l.all_networks AS "allNetworks",
           coalesce(s.confirmed, 0)::int AS confirmed, coalesce(s.waiting, 0)::int AS waiting,
           coalesce(f.responses, 0)::int AS feedback, f.rating::float8 AS rating
    FROM lab l
    LEFT JOIN LATERAL (
      SELECT count(*) FILTER (WHERE status = 'confirmed') AS confirmed, count(*) FILTER (WHERE status = 'waiting') AS waiting
      FROM lab_signup WHERE lab_id = l.id) s ON TRUE
    LEFT JOIN LATERAL (SELECT count(*) AS responses, avg(rating) AS rating FROM lab_feedback WHERE lab_id = l.id) f ON TRUE
    WHERE l.ends_at >= ${from} ${open}
    ORDER BY l.starts_at, l.id`;
}

export interface LabPeople {
  labId: number;
  confirmed: string[];
  waiting: string[];
  comments: { rating: number; comment: string }[];
}

/** Coordinators: who is signed up or waiting (in order), and the feedback comments, for some labs. */
export async function labPeople(tx: Tx, labIds: number[]): Promise<Map<number, LabPeople>> {
  const out = new Map<number, LabPeople>(labIds.map((id) => [id, { labId: id, confirmed: [], waiting: [], comments: [] }]));
  if (!labIds.length) return out;
  const signups = await tx.$queryRaw<{ lab_id: number; status: string; name: string }[]>`
    SELECT s.lab_id, s.status, p.name FROM lab_signup s JOIN person p ON p.id = s.person_id
    WHERE s.lab_id = ANY(${labIds}::int[]) AND s.status IN ('confirmed', 'waiting')
    ORDER BY s.lab_id, s.position`;
  for (const s of signups) out.get(s.lab_id)?.[s.status === 'confirmed' ? 'confirmed' : 'waiting'].push(s.name);
  const comments = await tx.$queryRaw<{ lab_id: number; rating: number; comment: string }[]>`
    SELECT lab_id, rating, comment FROM lab_feedback WHERE lab_id = ANY(${labIds}::int[]) AND comment <> '' ORDER BY lab_id, created_at`;
  for (const c of comments) out.get(c.lab_id)?.comments.push({ rating: c.rating, comment: c.comment });
  return out;
}
