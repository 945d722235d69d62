// What happens when a message cannot be delivered for good, by outbox tag: capabilities contribute
// listeners (e.g. a check-in prompt a referent cannot receive → ask in the network's group).
// Every listener runs in the transaction that marks the row failed.
import type { Tx } from '../db/client.js';
import type { DeliveryError } from '../platform/port.js';
import type { Services } from '../services.js';
import type { OutboxRow } from './worker.js';
import type { StoredPayload } from './enqueue.js';

export interface FailureContext {
  tx: Tx;
  row: OutboxRow;
  payload: StoredPayload;
  error: DeliveryError;
  services: Services;
  now: Date;
}

export type TaggedFailureListener = (ctx: FailureContext) => Promise<void>;
