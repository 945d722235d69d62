// Delivery of a week's prompts by the real outbox worker (src/outbox/worker.ts) through the real
// Telegram adapter, against the Bot API stand-in (tests/fakes/telegram-api.ts, run in its own
// process) enforcing Telegram's limits scaled up: 300 messages/s overall, 1/s per chat, 20/min per
// group (sliding windows, 429 with retry_after beyond them). With TELEGRAM_MAX_PER_SECOND=300, the
// rate achieved is reported as a fraction of the allowed 300/s, with the 429s and duplicates the
// stand-in counted, and the CPU this process used per message.
import { fork, type ChildProcess } from 'node:child_process';
import { defaultContributions } from '../src/app.js';

import type { App } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/client.js';
import { silentLogger } from '../src/log.js';
import type { PlatformAdapter } from '../src/platform/port.js';
import { createTelegramAdapter } from '../src/platform/telegram/adapter.js';
import type { StandinReport } from './telegram-standin.js';

const commands = defaultContributions.commands;

export const ALLOWED_PER_SECOND = Number(process.env.BENCH_TELEGRAM_PER_SECOND ?? 300);

export interface DeliveryTarget {
  adapter: PlatformAdapter;
  env: Record<string, string>;
  report(): Promise<StandinReport>;
  close(): Promise<void>;
}

function ask<T>(child: ChildProcess, key: string, send?: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: Record<string, unknown>) => {
      if (!(key in m)) return;
      child.off('message', onMessage);
      resolve(m[key] as T);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`stand-in exited (${code})`)));
    if (send) child.send(send);
  });
}

export async function deliveryTarget(): Promise<DeliveryTarget> {
  const child = fork(new URL('./telegram-standin.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, STANDIN_PER_SECOND: String(ALLOWED_PER_SECOND), ...(process.env.BENCH_NO_LIMITS ? { STANDIN_NO_GLOBAL_LIMIT: '1' } : {}) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await ask<{ apiRoot: string; token: string; username: string }>(child, 'ready');
  const env = {
    TELEGRAM_BOT_TOKEN: ready.token,
    TELEGRAM_API_ROOT: ready.apiRoot,
    TELEGRAM_BOT_USERNAME: ready.username,
    TELEGRAM_MAX_PER_SECOND: String(ALLOWED_PER_SECOND),
    OUTBOX_POLL_MS: '100',
  };
  const adapter = createTelegramAdapter(loadConfig(env).env, silentLogger, { commands });
  return {
    adapter,
    env,
    report: () => ask<StandinReport>(child, 'report', 'report'),
    close: async () => {
      child.send('close');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** Most messages accepted within any one second (a sliding window over the accepted calls). */
function busiestSecond(times: number[]): number {
  let best = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j]! - times[i]! >= 1000) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

export async function measureDelivery(app: App, db: Database, target: DeliveryTarget, expected: number): Promise<void> {
  const cpu = process.cpuUsage();
  const start = Date.now();
  app.outbox.start();
  let done = 0;
  while (done < expected) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    done = await db.prisma.outboxMessage.count({ where: { status: { in: ['sent', 'failed'] } } });
    if (Date.now() - start > 10 * 60_000) throw new Error(`delivery stalled at ${done}/${expected}`);
  }
  const elapsed = (Date.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  await app.outbox.stop();
  const r = await target.report();
  const accepted = r.accepted.sort((a, b) => a - b);
  const rate = (accepted.length - 1) / ((accepted.at(-1)! - accepted[0]!) / 1000);
  const byStatus = await db.prisma.outboxMessage.groupBy({ by: ['status'], _count: true });
  const cpuMs = (used.user + used.system) / 1000;
  console.log(
    `deliver ${expected} prompts (outbox worker → Telegram adapter → Bot API stand-in: ${ALLOWED_PER_SECOND}/s overall, 1/s per chat): ${elapsed.toFixed(1)} s from start to the last one`,
  );
  console.log(
    `  rate while sending: ${rate.toFixed(1)} msg/s = ${(rate / ALLOWED_PER_SECOND).toFixed(3)} of the allowed ${ALLOWED_PER_SECOND}/s (target ≥ 0.9: ${rate / ALLOWED_PER_SECOND >= 0.9 ? 'OK' : 'MISSED'}); ` +
      `end to end ${(expected / elapsed).toFixed(1)} msg/s = ${(expected / elapsed / ALLOWED_PER_SECOND).toFixed(3)}`,
  );
  console.log(
    `  busiest second: ${busiestSecond(accepted)} accepted; 429 answered: ${r.stats.tooManyRequests}; duplicates: ${r.stats.duplicates} (${r.delivered} delivered, ${r.distinct} distinct); ` +
      `outbox: ${byStatus.map((s) => `${s._count} ${s.status}`).join(', ')}`,
  );
  console.log(
    `  CPU of this process while delivering (worker + adapter): ${(cpuMs / 1000).toFixed(1)} s = ${(cpuMs / expected).toFixed(2)} ms per message, ${((cpuMs / 1000 / elapsed) * 100).toFixed(0)}% of one core`,
  );
}
