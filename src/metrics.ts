// Prometheus metrics served at GET /metrics.
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  received: Counter<'platform' | 'type'>;
  sent: Counter<'platform'>;
  failures: Counter<'platform' | 'kind'>;
  outboxDepth: Gauge<'status'>;
}

/** The outbox depth is set by whoever reads the database (the service, on a timer), never by a scrape. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'reti_' });
  return {
    registry,
    received: new Counter({
      name: 'reti_messages_received_total',
      help: 'Events received from the platforms',
      labelNames: ['platform', 'type'],
      registers: [registry],
    }),
    sent: new Counter({ name: 'reti_messages_sent_total', help: 'Messages delivered to the platforms', labelNames: ['platform'], registers: [registry] }),
    failures: new Counter({
      name: 'reti_delivery_failures_total',
      help: 'Delivery attempts that failed, by kind',
      labelNames: ['platform', 'kind'],
      registers: [registry],
    }),
    outboxDepth: new Gauge({
      name: 'reti_outbox_depth',
      help: 'Outbox messages by status (pending and sending are not delivered yet)',
      labelNames: ['status'],
      registers: [registry],
    }),
  };
}
