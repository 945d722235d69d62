// /metrics reads no database (it answers with the database down), needs METRICS_TOKEN when set,
// and every HTTP error is JSON without a stack trace. The Telegram webhook secret has a minimum length.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, createMetricsApp, listen } from '../../src/http/server.js';
import { loadConfig } from '../../src/config.js';
import { testApp, type TestApp } from '../support/app.js';

const TOKEN = 'metrics-token-0123456789';

describe('HTTP: metrics and errors', () => {
  let t: TestApp;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    t = await testApp({ env: { METRICS_TOKEN: TOKEN }, yaml: false });
    server = await listen(t.app.http, 0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await t.app.stop();
  });

  it('asks for METRICS_TOKEN, and serves the metrics with the database down', async () => {
    const none = await fetch(`${base}/metrics`);
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ error: 'Token non valido.' });
    expect((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);

    await t.db.close();
    const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('reti_outbox_depth{status="pending"} 0');
    expect(text).not.toMatch(/Error|at .*\.ts/);
    // Health says the database is down, in JSON.
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(503);
    expect((await health.json()).database).toBe(false);
  });

  it('answers errors of any route in JSON, the detail only in the log', async () => {
    const logged: unknown[] = [];
    const logger = { ...t.app.logger, error: (o: unknown) => void logged.push(o), child: () => logger } as unknown as typeof t.app.logger;
    const failing = Router().get('/guasto', () => {
      throw new Error('connection refused at db.ts:12');
    });
    const app = createHttpApp({ logger, metrics: t.app.metrics, jobs: t.app.jobs, routes: [], routers: [failing], health: async () => ({ ok: true }) });
    const s = await listen(app, 0, '127.0.0.1');
    try {
      const res = await fetch(`http://127.0.0.1:${(s.address() as AddressInfo).port}/guasto`);
      expect(res.status).toBe(500);
      expect(res.headers.get('content-type')).toContain('application/json');
      const body = await res.text();
      expect(JSON.parse(body)).toEqual({ error: 'Errore interno: il dettaglio è nei log del servizio.' });
      expect(body).not.toContain('connection refused');
      expect(logged).toHaveLength(1);
    } finally {
      s.close();
    }
  });

  it('serves the metrics on their own listener when METRICS_HOST is set, and not on the public one', async () => {
    const config = loadConfig({ METRICS_HOST: '127.0.0.1' });
    expect(config.env.METRICS_PORT).toBe(9464);
    const app = createHttpApp({
      logger: t.app.logger,
      metrics: t.app.metrics,
      jobs: t.app.jobs,
      routes: [],
      serveMetrics: false,
      health: async () => ({ ok: true }),
    });
    const pub = await listen(app, 0, '127.0.0.1');
    const own = await listen(createMetricsApp({ metrics: t.app.metrics, logger: t.app.logger }), 0, '127.0.0.1');
    try {
      expect((await fetch(`http://127.0.0.1:${(pub.address() as AddressInfo).port}/metrics`)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${(own.address() as AddressInfo).port}/metrics`)).status).toBe(200);
    } finally {
      pub.close();
      own.close();
    }
  });

  it('refuses a Telegram webhook secret shorter than 32 characters', () => {
    const env = { TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_WEBHOOK_URL: 'https://reti.example.org/telegram/webhook' };
    expect(() => loadConfig({ ...env, TELEGRAM_WEBHOOK_SECRET: 'x' })).toThrow(/TELEGRAM_WEBHOOK_SECRET da 32 a 256 caratteri/);
    expect(loadConfig({ ...env, TELEGRAM_WEBHOOK_SECRET: 'a'.repeat(32) }).env.TELEGRAM_WEBHOOK_SECRET).toHaveLength(32);
  });
});
