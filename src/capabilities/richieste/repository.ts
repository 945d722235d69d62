// Reading and locking requests and meetings; the people a request concerns (the network's
// referents, the coordinators) and how to reach them privately.
import type { Tx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import type { Address } from '../../platform/port.js';
import { pickPreferred, privateAddressesOf } from '../networks/private-addresses.js';
import type { MeetingRecord, NetworkRef, RequestRecord } from './model.js';
import { itRichieste as t } from './texts.js';

export async function findRequest(tx: Tx, id: number): Promise<RequestRecord> {
  const request = await tx.supportRequest.findUnique({ where: { id } });
  if (!request) throw new AppError('not_found', t.refuse.requestNotFound(id));
  return request;
}

/**
 * Locks the request's row until the transaction ends (SELECT … FOR UPDATE) and reads it: two
 * coordinators pressing «Prendo in carico» at once, on any platform or replica, take turns, and
 * the second reads what the first did.
 */
export async function lockRequest(tx: Tx, id: number): Promise<RequestRecord> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM support_request WHERE id = ${id} FOR UPDATE`;
  if (rows.length === 0) throw new AppError('not_found', t.refuse.requestNotFound(id));
  return findRequest(tx, id);
}

export async function findMeeting(tx: Tx, id: number): Promise<MeetingRecord> {
  const meeting = await tx.meeting.findUnique({ where: { id } });
  if (!meeting) throw new AppError('not_found', t.refuse.meetingNotFound(id));
  return meeting;
}

export async function lockMeeting(tx: Tx, id: number): Promise<MeetingRecord> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM meeting WHERE id = ${id} FOR UPDATE`;
  if (rows.length === 0) throw new AppError('not_found', t.refuse.meetingNotFound(id));
  return findMeeting(tx, id);
}

export async function networkRef(tx: Tx, networkId: number): Promise<NetworkRef> {
  const n = await tx.network.findUnique({ where: { id: networkId }, select: { id: true, code: true, name: true } });
  return n ?? { id: networkId, code: '?', name: '?' };
}

export async function networkRefs(tx: Tx, ids: number[]): Promise<Map<number, NetworkRef>> {
  const rows = await tx.network.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, code: true, name: true } });
  return new Map(rows.map((n) => [n.id, n]));
}

export async function personNames(tx: Tx, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await tx.person.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(rows.map((p) => [p.id, p.name]));
}

export async function personName(tx: Tx, id: number | null): Promise<string> {
  return id === null ? '' : ((await personNames(tx, [id])).get(id) ?? '');
}

/** The network's referents (person ids, in a stable order). */
export async function referentsOf(tx: Tx, networkId: number): Promise<number[]> {
  const rows = await tx.membership.findMany({ where: { networkId, role: 'referente' }, select: { personId: true }, orderBy: { personId: 'asc' } });
  return rows.map((r) => r.personId);
}

export async function coordinators(tx: Tx): Promise<number[]> {
  const rows = await tx.person.findMany({ where: { coordinator: true }, select: { id: true }, orderBy: { id: 'asc' } });
  return rows.map((r) => r.id);
}

export async function isReferentOf(tx: Tx, personId: number, networkId: number): Promise<boolean> {
  return (await tx.membership.count({ where: { personId, networkId, role: 'referente' } })) > 0;
}

/**
 * The platforms the bot can write on now (the connected ones); null: any. A person's account on a
 * platform that is not connected would keep a message waiting for ever.
 */
export type Reach = string[] | null;

/** Each person's private address (the reachable account used last, on a platform within reach); people with none are left out. */
export async function addressesOf(tx: Tx, personIds: number[], reach: Reach): Promise<Map<number, Address>> {
  const all = await privateAddressesOf(tx, personIds, reach ?? undefined);
  const out = new Map<number, Address>();
  for (const [personId, list] of all) {
    const a = pickPreferred(list);
    if (a) out.set(personId, { platform: a.platform, workspace: a.workspace, chatId: a.chatId });
  }
  return out;
}
