// The HTTP server: health, metrics, on-demand jobs, the routes the adapters mount
// (POST /slack/events, POST /telegram/webhook) and the routers capabilities contribute (the cruscotto). Express keeps the raw body intact for Bolt's
// signature check: no global body parser.
import { timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import express, { type Express, type Router } from 'express';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { HttpRoute } from '../platform/port.js';
import { UnknownJobError, type JobRunner } from '../jobs/runner.js';

export interface HttpDeps {
  logger: Logger;
  metrics: Metrics;
  jobs: JobRunner;
  adminToken?: string;
  routes: HttpRoute[];
  /** Routers contributed by capabilities, mounted in order (each chooses its own paths). */
  routers?: Router[];
  health(): Promise<{ ok: boolean; [k: string]: unknown }>;
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function createHttpApp(deps: HttpDeps): Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', async (_req, res) => {
    const status = await deps.health();
    res.status(status.ok ? 200 : 503).json(status);
  });

  app.get('/metrics', async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });

  app.post('/admin/jobs/:name', async (req, res) => {
    if (!deps.adminToken) return void res.status(404).json({ error: 'Endpoint disattivato: imposta ADMIN_TOKEN per usarlo.' });
    if (!bearerMatches(req.headers.authorization, deps.adminToken)) return void res.status(401).json({ error: 'Token non valido.' });
    try {
      const result = await deps.jobs.run(req.params.name, 'manual');
      res.json({ job: req.params.name, result });
    } catch (err) {
      if (err instanceof UnknownJobError) return void res.status(404).json({ error: err.message });
      deps.logger.error({ err }, 'admin job failed');
      res.status(500).json({ error: 'Il job non è andato a buon fine: vedi i log.' });
    }
  });

  for (const route of deps.routes) app.post(route.path, route.handler);
  for (const router of deps.routers ?? []) app.use(router);

  app.use((_req, res) => void res.status(404).json({ error: 'Non trovato.' }));
  return app;
}

export function listen(app: Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(server)));
  });
}
