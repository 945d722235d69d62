// Reading laboratori and their sign-ups; the row lock that serialises sign-ups to one session.
import type { Tx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { itLabs as t } from './texts.js';
import type { Address } from '../../platform/port.js';
import { pickPreferred, privateAddresses } from '../networks/private-addresses.js';
import type { LabInput, LabRecord, MySignup, Seats } from './model.js';

export async function findLab(tx: Tx, id: number): Promise<LabRecord> {
  const lab = await tx.lab.findUnique({ where: { id } });
  if (!lab) throw new AppError('not_found', t.refuse.notFound(id));
  return lab;
}

/**
 * Locks the laboratorio's row until the transaction ends (SELECT … FOR UPDATE) and reads it:
 * sign-ups, withdrawals and edits of one session happen one at a time, on PGlite and on
 * PostgreSQL alike, whatever platform or replica they come from.
 */
export async function lockLab(tx: Tx, id: number): Promise<LabRecord> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM lab WHERE id = ${id} FOR UPDATE`;
  if (rows.length === 0) throw new AppError('not_found', t.refuse.notFound(id));
  return findLab(tx, id);
}

export async function seatsOf(tx: Tx, labs: Pick<LabRecord, 'id' | 'capacity'>[]): Promise<Map<number, Seats>> {
  const counts = await tx.labSignup.groupBy({
    by: ['labId', 'status'],
    where: { labId: { in: labs.map((l) => l.id) }, status: { in: ['confirmed', 'waiting'] } },
    _count: { _all: true },
  });
  const seats = new Map<number, Seats>(labs.map((l) => [l.id, { confirmed: 0, waiting: 0, capacity: l.capacity }]));
  for (const c of counts) {
    const s = seats.get(c.labId)!;
    if (c.status === 'confirmed') s.confirmed = c._count._all;
    else s.waiting = c._count._all;
  }
  return seats;
}

export async function confirmedCount(tx: Tx, labId: number): Promise<number> {
  return tx.labSignup.count({ where: { labId, status: 'confirmed' } });
}

/** 1 for the first on the waiting list. */
export async function waitingRank(tx: Tx, labId: number, position: number): Promise<number> {
  return tx.labSignup.count({ where: { labId, status: 'waiting', position: { lte: position } } });
}

/** A person's sign-ups to these laboratori, as shown to them. */
export async function mySignups(tx: Tx, personId: number, labIds: number[]): Promise<Map<number, MySignup>> {
  const rows = await tx.labSignup.findMany({ where: { personId, labId: { in: labIds }, status: { in: ['confirmed', 'waiting'] } } });
  const out = new Map<number, MySignup>();
  for (const r of rows) {
    out.set(r.labId, r.status === 'confirmed' ? { status: 'confirmed' } : { status: 'waiting', position: await waitingRank(tx, r.labId, r.position) });
  }
  return out;
}

export async function audienceOf(tx: Tx, labId: number): Promise<{ ids: number[]; codes: string[] }> {
  const rows = await tx.labAudience.findMany({ where: { labId }, include: { network: { select: { code: true } } }, orderBy: { networkId: 'asc' } });
  return { ids: rows.map((r) => r.networkId), codes: rows.map((r) => r.network.code) };
}

/** Names of the confirmed people and of the waiting list, in order. */
export async function signupNames(tx: Tx, labId: number): Promise<{ confirmed: string[]; waiting: string[] }> {
  const signups = await tx.labSignup.findMany({
    where: { labId, status: { in: ['confirmed', 'waiting'] } },
    include: { person: { select: { name: true } } },
    orderBy: { position: 'asc' },
  });
  const names = (status: string) => signups.filter((s) => s.status === status).map((s) => s.person.name);
  return { confirmed: names('confirmed'), waiting: names('waiting') };
}

/** The laboratorio as a LabInput (to merge an edit into). */
export async function inputOf(tx: Tx, lab: LabRecord): Promise<LabInput> {
  const audience = lab.allNetworks ? 'all' : (await audienceOf(tx, lab.id)).codes;
  return {
    title: lab.title,
    theme: lab.theme,
    description: lab.description,
    startsAt: lab.startsAt,
    endsAt: lab.endsAt,
    place: lab.place,
    onlineUrl: lab.onlineUrl,
    capacity: lab.capacity,
    audience,
    organiser: lab.organiser,
  };
}

/** Every channel (any platform) of the given networks, or of every active network. */
export async function channelsOf(tx: Tx, networkIds: number[] | null) {
  return tx.channel.findMany({
    where: networkIds === null ? { network: { active: true } } : { networkId: { in: networkIds } },
    orderBy: { id: 'asc' },
  });
}

/** Where to write to a person privately: the platform they signed up on first. */
export async function personAddress(tx: Tx, personId: number, platform?: string): Promise<Address | null> {
  const address = pickPreferred(await privateAddresses(tx, personId), platform);
  return address ? { platform: address.platform, workspace: address.workspace, chatId: address.chatId } : null;
}
