// How to reach a person privately: one address per platform account.
import type { Tx } from '../../db/client.js';
import type { Address } from '../../platform/port.js';

export interface PrivateAddress extends Address {
  accountId: number;
  /** Why the platform refused a private message, if it did (Telegram: never pressed /start). */
  unreachable: string | null;
  lastSeenAt: Date | null;
}

/** Every private address of a person, most recently used first. */
export async function privateAddresses(tx: Tx, personId: number, platforms?: string[]): Promise<PrivateAddress[]> {
  const accounts = await tx.account.findMany({
    where: { personId, ...(platforms ? { platform: { in: platforms } } : {}) },
    orderBy: [{ lastSeenAt: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
  });
  return accounts.map((a) => ({
    platform: a.platform,
    workspace: a.workspace,
    chatId: a.externalId,
    accountId: a.id,
    unreachable: a.unreachable,
    lastSeenAt: a.lastSeenAt,
  }));
}

/** The one address to use for a single private message: the reachable account used last. */
export async function preferredAddress(tx: Tx, personId: number, platforms?: string[]): Promise<PrivateAddress | null> {
  const all = await privateAddresses(tx, personId, platforms);
  return all.find((a) => !a.unreachable) ?? all[0] ?? null;
}
