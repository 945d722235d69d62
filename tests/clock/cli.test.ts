import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import type { CliContext } from '../../src/capability.js';
import { ManualClock } from '../../src/clock.js';
import { listen } from '../../src/http/server.js';
import { ClockRefusal } from '../../src/jobs/clock-control.js';
import { testApp, type TestApp } from '../support/app.js';

const token = 'a-very-secret-admin-token';

describe('npm run reti -- clock', () => {
  let t: TestApp;
  let server: Server;
  let base: string;
  let out: string[];
  const run = async (service: CliContext['service'] | undefined, ...args: string[]) => {
    out = [];
    const ctx = (): CliContext => ({
      withDatabase: (use) => use(t.db),
      withApp: (use) => use(t.app),
      clock: t.clock,
      ...(service ? { service } : {}),
      print: (line) => out.push(line),
    });
    await buildProgram(ctx).parseAsync(['node', 'reti', ...args]);
    return out.join('\n');
  };

  beforeAll(async () => {
    t = await testApp({
      clock: new ManualClock('2027-01-03T20:00:00+01:00'),
      env: {
        RETI_TEST_CLOCK: '1',
        ADMIN_TOKEN: token,
        SCHEDULE_LABS_REMIND: '0 * * * *',
        SCHEDULE_LABS_FEEDBACK: '5 * * * *',
        SCHEDULE_INCONTRI_REMIND: '0 * * * *',
      },
    });
    server = await listen(t.app.http, 0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await t.close();
  });

  it('shows the clock and moves it through the running service', { timeout: 60_000 }, async () => {
    const service = { url: base, token };
    expect(await run(service, 'clock')).toBe('Orologio di prova: dom 3 gennaio, 20:00 (2027-01-03T20:00:00+01:00)');
    const lines = (await run(service, 'clock', 'to', '2027-01-04T09:00')).split('\n');
    expect(lines[0]).toBe('Orologio di prova: da dom 3 gennaio, 20:00 a lun 4 gennaio, 09:00 (2027-01-04T09:00:00+01:00)');
    expect(lines).toContain(
      '  lun 4 gennaio, 09:00  checkin-open: period=2027-W01 opened=6 closed=0 prompts=7 groupAsks=0 unreachable=0 · messaggi: 7 inviati',
    );
    expect(lines.at(-1)).toMatch(/^\d+ tick eseguiti \(.*checkin-open 1.*\); \d+ senza nulla da fare\.$/);
    await expect(run(service, 'clock', 'to', '2027-01-01T09:00')).rejects.toThrow(/non torna indietro/);
  });

  it('moves it in this process when no service answers', { timeout: 60_000 }, async () => {
    // A port where nothing listens (taken and released).
    const probe = await listen(t.app.http, 0, '127.0.0.1');
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const nobody = { url: `http://127.0.0.1:${port}`, token };
    const text = await run(nobody, 'clock', 'advance', 'P1D');
    expect(text.split('\n')[0]).toBe('Orologio di prova: da lun 4 gennaio, 09:00 a mar 5 gennaio, 09:00 (2027-01-05T09:00:00+01:00)');
    await expect(run(undefined, 'clock', 'advance', 'domani')).rejects.toBeInstanceOf(ClockRefusal);
    expect(await run(undefined, 'clock')).toBe('Orologio di prova: mar 5 gennaio, 09:00 (2027-01-05T09:00:00+01:00)');
  });
});
