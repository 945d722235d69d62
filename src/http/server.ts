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
import { ClockRefusal, type ClockControl } from '../jobs/clock-control.js';

export interface HttpDeps {
  logger: Logger;
  metrics: Metrics;
  jobs: JobRunner;
  /** The test clock (RETI_TEST_CLOCK=1): absent, /admin/clock answers 404. */
  clock?: ClockControl;
  adminToken?: string;
  /** When set, GET /metrics needs `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /** False when the metrics have their own listener (METRICS_HOST). Default true. */
  serveMetrics?: boolean;
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

  if (deps.serveMetrics ?? true) app.get('/metrics', metricsHandler(deps));

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

  // The test clock: GET shows it, POST moves it forward ({ advance: "P2DT1H" } or { to: "…" }).
  const clockGate = (req: express.Request, res: express.Response): ClockControl | undefined => {
    if (!deps.clock) return void res.status(404).json({ error: 'Orologio di prova disattivato: si attiva solo con RETI_TEST_CLOCK=1.' });
    if (!deps.adminToken) return void res.status(404).json({ error: 'Endpoint disattivato: imposta ADMIN_TOKEN per usarlo.' });
    if (!bearerMatches(req.headers.authorization, deps.adminToken)) return void res.status(401).json({ error: 'Token non valido.' });
    return deps.clock;
  };
  app.get('/admin/clock', async (req, res) => {
    const clock = clockGate(req, res);
    if (clock) res.json(await clock.show());
  });
  app.post('/admin/clock', express.json({ limit: '4kb' }), async (req, res) => {
    const clock = clockGate(req, res);
    if (!clock) return;
    try {
      res.json(await clock.advance((req.body ?? {}) as Record<string, unknown>));
    } catch (err) {
      if (err instanceof ClockRefusal) return void res.status(err.status).json({ error: err.message });
      deps.logger.error({ err }, 'test clock advance failed');
      res.status(500).json({ error: 'L’avanzamento dell’orologio si è interrotto: vedi i log.' });
    }
  });

  for (const route of deps.routes) app.post(route.path, route.handler);
  for (const router of deps.routers ?? []) app.use(router);

  app.use((_req, res) => void res.status(404).json({ error: 'Non trovato.' }));
  app.use(jsonErrors(deps.logger));
  return app;
}

/** GET /metrics: from memory (no database query), behind METRICS_TOKEN when set. */
function metricsHandler(deps: Pick<HttpDeps, 'metrics' | 'metricsToken'>): express.RequestHandler {
  return async (req, res) => {
    if (deps.metricsToken && !bearerMatches(req.headers.authorization, deps.metricsToken)) return void res.status(401).json({ error: 'Token non valido.' });
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  };
}

/** Any error on the HTTP side: a JSON answer, the detail only in the log (never a stack trace). */
function jsonErrors(logger: Logger): express.ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    // A body that is not JSON, or too large: the client's mistake, said in one line (no log entry).
    const type = typeof err === 'object' && err && 'type' in err ? err.type : undefined;
    if (type === 'entity.parse.failed') return void res.status(400).json({ error: 'Il corpo della richiesta non è JSON valido.' });
    if (type === 'entity.too.large') return void res.status(413).json({ error: 'Richiesta troppo grande.' });
    logger.error({ err }, 'http request failed');
    if (res.headersSent) return void res.end();
    const status =
      typeof err === 'object' && err && 'status' in err && typeof err.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    res.status(status).json({ error: status === 500 ? 'Errore interno: il dettaglio è nei log del servizio.' : 'Richiesta non valida.' });
  };
}

/** The metrics on their own listener (METRICS_HOST:METRICS_PORT), e.g. bound to localhost. */
export function createMetricsApp(deps: Pick<HttpDeps, 'metrics' | 'metricsToken' | 'logger'>): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/metrics', metricsHandler(deps));
  app.use((_req, res) => void res.status(404).json({ error: 'Non trovato.' }));
  app.use(jsonErrors(deps.logger));
  return app;
}

export function listen(app: Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(server)));
  });
}
