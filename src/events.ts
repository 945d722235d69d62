// Domain events between capabilities: one capability announces what happened (a check-in brought a
// good practice), others react in the same transaction. The kernel knows no event by name:
// capabilities declare theirs by augmenting `DomainEvents` and subscribe in their `on` contribution,
// so the announcing capability never imports the listening one.
import type { Tx } from './db/client.js';
import type { Address } from './platform/port.js';
import type { Services } from './services.js';

/** Event name → payload. Empty here; each capability adds its own events. */
export interface DomainEvents {
  /** The kernel's own: a person wrote to the bot privately for the first time from this account. */
  'people.firstPrivateContact': { personId: number; address: Address; now: Date };
}

export type EventHandler<K extends keyof DomainEvents> = (tx: Tx, payload: DomainEvents[K], services: Services) => Promise<void>;

export type EventHandlers = { [K in keyof DomainEvents]?: EventHandler<K> };

export class DomainEventBus {
  private readonly handlers = new Map<string, EventHandler<any>[]>();
  private services?: Services;

  constructor(subscriptions: EventHandlers[]) {
    for (const subscription of subscriptions) {
      for (const [name, handler] of Object.entries(subscription)) {
        if (!handler) continue;
        this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler as EventHandler<any>]);
      }
    }
  }

  /** The services handlers receive (set once they are all built). */
  bind(services: Services): void {
    this.services = services;
  }

  /** Runs every handler of the event, in order, inside the caller's transaction. */
  async emit<K extends keyof DomainEvents>(tx: Tx, name: K, payload: DomainEvents[K]): Promise<void> {
    for (const handler of this.handlers.get(name as string) ?? []) await handler(tx, payload, this.services!);
  }
}
