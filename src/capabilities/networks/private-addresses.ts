// How to reach a person privately: one address per platform account. The rule for choosing one
// (the reachable account used last) lives here once; `privateAddressesOf` loads many people in
// one query for jobs and notices that write to everyone.
import type { Tx } from '../../db/client.js';
import type { Address } from '../../platform/port.js';

export interface PrivateAddress extends Address {
  accountId: number;
  /** Why the platform refused a private message, if it did (Telegram: never pressed /start). */
  unreachable: string | null;
  lastSeenAt: Date | null;
  /** The platform username (Telegram @name), empty when unknown. */
  username: string;
}

const accountOrder = [{ lastSeenAt: { sort: 'desc' as const, nulls: 'last' as const } }, { id: 'asc' as const }];

type AccountRow = {
  id: number;
  personId: number;
  platform: string;
  workspace: string;
  externalId: string;
  unreachable: string | null;
  lastSeenAt: Date | null;
  username: string;
};

function toAddress(a: AccountRow): PrivateAddress {
  return {
    platform: a.platform,
    workspace: a.workspace,
    chatId: a.externalId,
    accountId: a.id,
    unreachable: a.unreachable,
    lastSeenAt: a.lastSeenAt,
    username: a.username,
  };
}

/** Every private address of each person, most recently used first (one query for all of them). */
export async function privateAddressesOf(tx: Tx, personIds: number[], platforms?: string[]): Promise<Map<number, PrivateAddress[]>> {
  const byPerson = new Map<number, PrivateAddress[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return byPerson;
  const accounts = await tx.account.findMany({
    where: { personId: { in: [...new Set(personIds)] }, ...(platforms ? { platform: { in: platforms } } : {}) },
    orderBy: accountOrder,
  });
  for (const a of accounts) byPerson.get(a.personId)!.push(toAddress(a));
  return byPerson;
}

/** Every private address of a person, most recently used first. */
export async function privateAddresses(tx: Tx, personId: number, platforms?: string[]): Promise<PrivateAddress[]> {
  return (await privateAddressesOf(tx, [personId], platforms)).get(personId)!;
}

/**
 * The one address for a single private message: the reachable account used last (on `platform`
 * when it has one reachable there), else the first known even if unreachable.
 */
export function pickPreferred(addresses: PrivateAddress[], platform?: string): PrivateAddress | null {
  return (
    (platform ? addresses.find((a) => a.platform === platform && !a.unreachable) : undefined) ?? addresses.find((a) => !a.unreachable) ?? addresses[0] ?? null
  );
}

export async function preferredAddress(tx: Tx, personId: number, platforms?: string[]): Promise<PrivateAddress | null> {
  return pickPreferred(await privateAddresses(tx, personId, platforms));
}
