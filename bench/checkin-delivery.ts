// Delivery of the queued prompts by the real outbox worker. Placeholder until the Telegram adapter
// and its Bot API stand-in are available.
import type { App } from '../src/app.js';
import type { Database } from '../src/db/client.js';
import { MemoryAdapter } from '../src/platform/memory/adapter.js';
import type { PlatformAdapter } from '../src/platform/port.js';

export interface DeliveryTarget {
  adapter: PlatformAdapter;
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function deliveryTarget(): Promise<DeliveryTarget> {
  return { adapter: new MemoryAdapter('telegram'), env: {}, close: async () => {} };
}

export async function measureDelivery(_app: App, _db: Database, _target: DeliveryTarget, _expected: number): Promise<void> {}
