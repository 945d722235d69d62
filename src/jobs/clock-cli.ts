// npm run reti -- clock [advance P1D | to 2027-03-29T09:00]: the test clock from the command line.
// It asks the running service (PUBLIC_URL or http://localhost:PORT, with ADMIN_TOKEN), so the ticks
// run and their messages leave where the platforms are connected; when no service answers there,
// it advances in this process on the same database.
import type { Command } from 'commander';
import type { CliContext } from '../capability.js';
import { formatDateTime } from '../time.js';
import { ClockRefusal, type AdvanceReport, type AdvanceRequest } from './clock-control.js';
import type { TickReport } from './runner.js';

/** Did the run do anything worth a line of its own? */
function eventful(t: TickReport): boolean {
  if (t.outcome !== 'ok') return true;
  if (t.messages && (t.messages.sent || t.messages.failed || t.messages.later)) return true;
  return Object.values(t.result ?? {}).some((v) => v !== 0 && v !== false && v !== '');
}

const when = (iso: string) => formatDateTime(new Date(iso));

export function describeTick(t: TickReport): string {
  const result = Object.entries(t.result ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  const messages = t.messages
    ? ` · messaggi: ${t.messages.sent} inviati${t.messages.failed ? `, ${t.messages.failed} falliti` : ''}${t.messages.later ? `, ${t.messages.later} da ritentare` : ''}`
    : '';
  const retry = t.attempt > 1 ? ` (tentativo ${t.attempt}, alle ${when(t.ranAt)})` : '';
  switch (t.outcome) {
    case 'ok':
      return `  ${when(t.at)}  ${t.job}${retry}: ${result || 'fatto'}${messages}`;
    case 'failed':
      return `  ${when(t.at)}  ${t.job}${retry}: NON riuscito (${t.error}); nuovo tentativo ${when(t.retryAt!)}`;
    case 'abandoned':
      return `  ${when(t.at)}  ${t.job}: abbandonato dopo ${t.attempt} tentativi (${t.error})`;
    case 'taken':
      return `  ${when(t.at)}  ${t.job}: già eseguito da un’altra replica`;
  }
}

export function describeAdvance(r: AdvanceReport): string[] {
  const lines = [`Orologio di prova: da ${when(r.from)} a ${when(r.now)} (${r.now})`];
  const shown = r.ticks.filter(eventful);
  lines.push(...shown.map(describeTick));
  const quiet = r.total - shown.length;
  const perJob = Object.entries(r.byJob)
    .map(([job, n]) => `${job} ${n}`)
    .join(', ');
  lines.push(`${r.total} tick eseguiti${r.total ? ` (${perJob})` : ''}${quiet > 0 ? `; ${quiet} senza nulla da fare` : ''}.`);
  for (const p of r.awaitingRetry) lines.push(`In attesa di nuovo tentativo: ${p.job} delle ${when(p.at)}, alle ${when(p.retryAt)}`);
  return lines;
}

/** Calls the running service; undefined when nothing answers at its address. */
async function viaService(ctx: CliContext, req: AdvanceRequest | undefined): Promise<unknown> {
  const service = ctx.service;
  if (!service?.token) return undefined;
  let res: Response;
  try {
    res = await fetch(`${service.url}/admin/clock`, {
      method: req ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${service.token}`, ...(req ? { 'content-type': 'application/json' } : {}) },
      ...(req ? { body: JSON.stringify(req) } : {}),
      signal: AbortSignal.timeout(req ? 30 * 60_000 : 10_000),
    });
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code;
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') return undefined;
    throw err;
  }
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new ClockRefusal(`${service.url}: ${body.error ?? `risposta ${res.status}`}`, res.status === 409 ? 409 : 400);
  return body;
}

export function registerClockCli(program: Command, ctx: () => CliContext): void {
  const clock = program
    .command('clock')
    .description('Orologio di prova (RETI_TEST_CLOCK=1): mostra l’ora, o la fa avanzare eseguendo i job che cadono nel mezzo')
    .action(async () => {
      const c = ctx();
      const remote = (await viaService(c, undefined)) as { now: string } | undefined;
      if (remote) return c.print(`Orologio di prova: ${when(remote.now)} (${remote.now})`);
      await c.withApp(async (app) => {
        if (!app.clockControl || !app.testClock) throw new ClockRefusal('L’orologio di prova è disattivato: imposta RETI_TEST_CLOCK=1.', 409);
        const { now } = await app.clockControl.show();
        c.print(`Orologio di prova: ${when(now)} (${now})`);
      });
    });
  const advance = async (req: AdvanceRequest) => {
    const c = ctx();
    let report = (await viaService(c, req)) as AdvanceReport | undefined;
    if (!report)
      report = await c.withApp(async (app) => {
        if (!app.clockControl || !app.testClock) throw new ClockRefusal('L’orologio di prova è disattivato: imposta RETI_TEST_CLOCK=1.', 409);
        return app.clockControl.advance(req);
      });
    for (const line of describeAdvance(report)) c.print(line);
  };
  clock
    .command('advance')
    .argument('<durata>', 'ISO 8601 (P1D, P2DT1H, PT30M) oppure 2d, 3h, 30m')
    .description('Fa avanzare l’orologio di prova della durata data')
    .action((d: string) => advance({ advance: d }));
  clock
    .command('to')
    .argument('<data e ora>', 'es. 2027-03-29T09:00 (ora di Roma) o 2027-01-04T09:00:00+01:00')
    .description('Porta l’orologio di prova alla data e ora data (mai indietro)')
    .action((to: string) => advance({ to }));
}
