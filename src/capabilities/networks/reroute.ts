// A private message a platform refused for good (Telegram 403: never started, or blocked) goes to
// the person's other connected platform, once. Capabilities call this from their outbox failure
// listeners before falling back to something else (a notice in the network's group).
import { enqueue } from '../../outbox/enqueue.js';
import type { FailureContext } from '../../outbox/failure-listener.js';
import type { Address } from '../../platform/port.js';
import { privateAddresses } from './private-addresses.js';

/** The dedupe key of the copy of message `key` sent on `platform` instead. */
export const elsewhereKey = (key: string, platform: string) => `${key}:${platform}`;

/** Where the copy went, or null when the person has no other reachable account on a connected platform. */
export async function resendElsewhere({ tx, row, payload, services }: FailureContext, personId: number): Promise<Address | null> {
  if (payload.delivery.op !== 'send') return null;
  const other = (await privateAddresses(tx, personId, services.platforms.connected())).find((a) => a.platform !== row.platform && !a.unreachable);
  if (!other) return null;
  const to: Address = { platform: other.platform, workspace: other.workspace, chatId: other.chatId };
  await enqueue(tx, { delivery: { ...payload.delivery, to }, dedupeKey: elsewhereKey(row.dedupeKey, to.platform), tag: payload.tag, meta: payload.meta });
  return to;
}
