// What happens when a message cannot be delivered for good, by outbox tag. Capabilities add
// theirs here (e.g. a check-in prompt a Telegram referent cannot receive → ask in the group).
// Every listener runs in the transaction that marks the row failed.
import type { Tx } from '../db/client.js';
import { promotedUnreachable } from '../capabilities/labs/failures.js';
import type { DeliveryError } from '../platform/port.js';
import type { Services } from '../services.js';
import type { OutboxRow } from './worker.js';
import type { StoredPayload } from './enqueue.js';
import { introFailureListener } from '../capabilities/legami/intro-messages.js';
import { promptUndeliverable } from '../capabilities/checkins/unreachable.js';

export interface FailureContext {
  tx: Tx;
  row: OutboxRow;
  payload: StoredPayload;
  error: DeliveryError;
  services: Services;
  now: Date;
}

export type TaggedFailureListener = (ctx: FailureContext) => Promise<void>;

export const failureListeners: Record<string, TaggedFailureListener> = {
  'labs.promoted': promotedUnreachable,
  'legami.intro': introFailureListener,
  // A check-in prompt or reminder a Telegram referent cannot receive: ask in the network's group.
  'checkin.prompt': promptUndeliverable,
};
