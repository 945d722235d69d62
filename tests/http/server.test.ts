import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../../src/http/server.js';
import { testApp, type TestApp } from '../support/app.js';

describe('HTTP: health, metrics, on-demand jobs', () => {
  let t: TestApp;
  let server: Server;
  let base: string;
  const token = 'a-very-secret-admin-token';
  beforeAll(async () => {
    t = await testApp({ env: { ADMIN_TOKEN: token } });
    server = await listen(t.app.http, 0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await t.close();
  });

  it('reports health: database reachable and every adapter connected', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: true, adapters: { telegram: true, slack: true } });
    await t.telegram.stop();
    const down = await fetch(`${base}/healthz`);
    expect(down.status).toBe(503);
    expect((await down.json()).adapters.telegram).toBe(false);
    await t.telegram.start(t.app.inbox.sink);
  });

  it('serves Prometheus metrics: received, sent, outbox depth, failures', async () => {
    await t.telegram.command({ id: '100000008', name: 'Fatou Diop' }, t.telegram.group('-1001000000001'), 'rete');
    await t.app.refreshMetrics();
    const before = await (await fetch(`${base}/metrics`)).text();
    expect(before).toMatch(/reti_outbox_depth\{status="pending"\} 1/);
    await t.deliver();
    await t.app.refreshMetrics();
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/reti_messages_received_total\{platform="telegram",type="command"\} 1/);
    expect(text).toMatch(/reti_messages_sent_total\{platform="telegram"\} 1/);
    expect(text).toMatch(/reti_outbox_depth\{status="pending"\} 0/);
    expect(text).toContain('reti_delivery_failures_total');
  });

  it('runs a job on demand with the admin token, refuses a wrong one', async () => {
    const ok = await fetch(`${base}/admin/jobs/housekeeping`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ job: 'housekeeping', result: expect.objectContaining({ events: 0, messages: 0, jobRuns: 0 }) });
    const wrong = await fetch(`${base}/admin/jobs/housekeeping`, { method: 'POST', headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const none = await fetch(`${base}/admin/jobs/housekeeping`, { method: 'POST' });
    expect(none.status).toBe(401);
    const unknown = await fetch(`${base}/admin/jobs/nope`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toContain('Job sconosciuto «nope»');
  });
});

describe('HTTP: admin endpoint without ADMIN_TOKEN', () => {
  it('is disabled', async () => {
    const t = await testApp({ yaml: false });
    const server = await listen(t.app.http, 0, '127.0.0.1');
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/admin/jobs/housekeeping`, {
      method: 'POST',
      headers: { authorization: 'Bearer whatever-it-is-123' },
    });
    expect(res.status).toBe(404);
    server.close();
    await t.close();
  });
});
