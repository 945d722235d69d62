// `npm start` on a fresh machine: embedded database created and migrated, example networks loaded,
// health endpoint up, and a clean exit on SIGTERM.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('npm start', () => {
  it('serves /healthz on the embedded database with the example networks, and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'reti-start-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setInterval(() => {
          const m = /"port":(\d+)/.exec(log);
          if (m) {
            clearInterval(timer);
            resolve(Number(m[1]));
          }
        }, 100);
        void exited.then((code) => reject(new Error(`exited ${code}: ${log}`)));
      });
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true, database: true, adapters: {} });
      expect(log).toContain('Slack non collegato: imposta SLACK_BOT_TOKEN');
      expect(log).toContain('Telegram non collegato: imposta TELEGRAM_BOT_TOKEN');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(log).toContain('arrestato');
      const db = await openDatabase({ dataDir });
      expect((await db.prisma.network.findMany({ orderBy: { code: 'asc' } })).map((n) => n.code)).toEqual(['BG01', 'BS02', 'CR04', 'LO06', 'MI03', 'VA05']);
      await db.close();
    } finally {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
