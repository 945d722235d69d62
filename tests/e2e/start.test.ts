// `npm start` on a fresh machine: the compiled service (dist/, built when missing or stale),
// embedded database created and migrated, example networks loaded, health endpoint up, and a clean
// exit when SIGTERM is sent to npm's own pid (as a process manager does), with no process left.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('npm start', () => {
  it('serves /healthz on the embedded database with the example networks, and stops cleanly on SIGTERM to npm', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'reti-start-'));
    const child = spawn('npm', ['start', '--silent'], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal === 'SIGTERM' ? 143 : -1))));
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
      // The service is compiled JavaScript, not tsx.
      const tree = descendants(child.pid!);
      const commands = tree.map((pid) => execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).trim());
      expect(commands.some((c) => /scripts\/start\.mjs/.test(c))).toBe(true);
      expect(commands.some((c) => /tsx/.test(c))).toBe(false);
      process.kill(child.pid!, 'SIGTERM');
      // npm ends as the signal asked (143) once the service it forwarded the signal to has exited cleanly.
      expect([0, 143]).toContain(await exited);
      // npm may return before the service has finished: it stops cleanly and leaves nothing running.
      for (let i = 0; i < 200 && (tree.some(alive) || !log.includes('arrestato')); i++) await new Promise((r) => setTimeout(r, 100));
      expect(log).toContain('arrestato');
      expect(tree.filter(alive)).toEqual([]);
      const db = await openDatabase({ dataDir });
      expect((await db.prisma.network.findMany({ orderBy: { code: 'asc' } })).map((n) => n.code)).toEqual(['BG01', 'BS02', 'CR04', 'LO06', 'MI03', 'VA05']);
      await db.close();
    } finally {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});

/** Every process below `pid` (npm → sh → node). */
function descendants(pid: number): number[] {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  const pairs = out
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number) as [number, number]);
  const found: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of pairs) {
      if (parent !== p) continue;
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
