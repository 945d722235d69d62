// npm run simulate -- --networks 6 --weeks 10 [--seed 7] [--start 2027-03-01]
//
// A minimal simulation of the programme on the test clock: synthetic referents on the in-memory
// Telegram platform answer their weekly check-in on Monday, after Wednesday's reminder, late on
// Sunday, or never (chosen by the seed), while the clock moves through the weeks firing every job as
// scheduled. An oracle written from the programme's rules — not from the service's code — says what
// each person should have received, and the run compares, message by message and number by number:
// each referent prompted exactly once per round at Monday 09:00 (Europe/Rome, across summer time);
// reminders exactly to the networks that had not answered, on Wednesday and Friday at 10:00, never on
// the opening or closing day, at most one a day; the coordinators' digest's answered / on time / late
// numbers for the week that just closed. Exits non-zero naming the first violation.
//
// Not simulated yet (see issue 11): laboratori, Legami, pauses and holidays, edits, the real adapters,
// PostgreSQL. The laboratori and meeting jobs run daily here instead of every few minutes (no
// laboratori or meetings exist, and each tick costs about 30 ms on a busy two-core machine).
import { DateTime } from 'luxon';
import { createApp } from '../src/app.js';
import { ManualClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { importConfiguration } from '../src/configuration.js';
import { openDatabase } from '../src/db/client.js';
import { MemoryAdapter, renderPlain, type MemoryUser } from '../src/platform/memory/adapter.js';

export interface SimulationOptions {
  networks: number;
  weeks: number;
  seed: number;
  /** A Monday (YYYY-MM-DD). */
  start: string;
}

type Behaviour = 'monday' | 'afterReminder' | 'sunday' | 'never';

export interface SimulationResult {
  weeks: number;
  networks: number;
  prompts: number;
  reminders: number;
  digests: number;
  answers: number;
  ticks: number;
  messages: number;
  violations: string[];
  wallMs: number;
}

const ZONE = 'Europe/Rome';
const COORDINATOR: MemoryUser = { id: '1999999999', name: 'Coordinatrice Simulata' };

/** mulberry32: a small seeded generator, so a seed always gives the same programme. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const code = (i: number) => `S${String(i + 1).padStart(3, '0')}`;
const referent = (i: number): MemoryUser => ({ id: String(2000000000 + i), name: `Referente ${code(i)}` });

function yaml(n: number): string {
  const lines = ['timezone: Europe/Rome', 'networks:'];
  for (let i = 0; i < n; i++)
    lines.push(
      `  - code: ${code(i)}`,
      `    name: Rete simulata ${code(i)}`,
      '    area: Lombardia',
      '    themes: [lavoro]',
      `    channels: [{ platform: telegram, chat: -100${3000000000 + i} }]`,
    );
  lines.push('people:', `  - name: ${COORDINATOR.name}`, `    accounts: { telegram: ${COORDINATOR.id} }`, '    roles: [{ role: coordinatore }]');
  for (let i = 0; i < n; i++)
    lines.push(`  - name: ${referent(i).name}`, `    accounts: { telegram: ${referent(i).id} }`, `    roles: [{ role: referente, network: ${code(i)} }]`);
  return lines.join('\n') + '\n';
}

export async function simulate(opts: SimulationOptions): Promise<SimulationResult> {
  const started = performance.now();
  const monday0 = DateTime.fromISO(opts.start, { zone: ZONE }).startOf('day');
  if (!monday0.isValid || monday0.weekday !== 1) throw new Error(`--start deve essere un lunedì (AAAA-MM-GG): «${opts.start}»`);
  const rome = (week: number, day: number, hour: number, minute = 0) => monday0.plus({ weeks: week, days: day }).set({ hour, minute }).toJSDate();

  const db = await openDatabase({ dataDir: 'memory://' });
  await db.migrate();
  const clock = new ManualClock(rome(0, 0, 7));
  const telegram = new MemoryAdapter('telegram');
  const delivered: { chatId: string; text: string; at: Date }[] = [];
  telegram.onDeliver = (m) => delivered.push({ chatId: m.chatId, text: renderPlain(m.message).replace(/\u200b/g, ''), at: clock.now() });
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    SCHEDULE_LABS_REMIND: '0 3 * * *',
    SCHEDULE_LABS_FEEDBACK: '5 3 * * *',
    SCHEDULE_INCONTRI_REMIND: '10 3 * * *',
    SCHEDULE_INCONTRI_NOTA: '15 3 * * *',
  });
  const app = createApp({ config, db, adapters: [telegram], clock });
  const violations: string[] = [];
  let ticks = 0;
  let answers = 0;
  try {
    await app.start({ scheduler: false, outbox: false });
    await importConfiguration(db.prisma, clock, yaml(opts.networks));
    const control = app.clockControl!;
    const advance = async (to: Date) => {
      const r = await control.advance({ to: DateTime.fromJSDate(to, { zone: ZONE }).toISO()! });
      ticks += r.total;
      for (const t of r.ticks) if (t.outcome !== 'ok') violations.push(`${t.at}: il job ${t.job} non è riuscito (${t.error ?? t.outcome})`);
    };

    const answer = async (i: number, week: number) => {
      const user = referent(i);
      const chat = telegram.privateChat(user);
      const last = () => telegram.lastText(user.id);
      const say = async (text: string) => {
        await telegram.message(user, chat, text);
        await app.outbox.drain();
      };
      const press = async (label: string) => {
        const b = telegram.buttons(user.id).find((x) => x.label === label || x.label.endsWith(` ${label}`));
        if (!b) throw new Error(`nessun pulsante «${label}» in: ${last()}`);
        await telegram.press(user, chat, b.action, b.value, telegram.last(user.id)!.messageId);
        await app.outbox.drain();
      };
      try {
        await telegram.command(user, chat, 'checkin', '');
        await app.outbox.drain();
        for (const step of ['2', '3', '1', '25', '0', '#4', '3', '#5', 'Nessun ostacolo', '#formazione', '#Fatto', 'Nessuna']) {
          if (step.startsWith('#')) await press(step.slice(1));
          else await say(step);
        }
        await press('Conferma');
        if (!/Grazie/.test(last())) violations.push(`settimana ${week + 1}, ${code(i)}: il check-in non è stato confermato («${last().slice(0, 80)}»)`);
        else answers++;
      } catch (err) {
        violations.push(`settimana ${week + 1}, ${code(i)}: risposta non riuscita (${err instanceof Error ? err.message : String(err)})`);
      }
    };

    // The programme, drawn from the seed, and the oracle's expectations from it.
    const random = prng(opts.seed);
    const plan: Behaviour[][] = [];
    for (let w = 0; w < opts.weeks; w++)
      plan.push(
        Array.from({ length: opts.networks }, () => {
          const x = random();
          return x < 0.4 ? 'monday' : x < 0.65 ? 'afterReminder' : x < 0.8 ? 'sunday' : 'never';
        }),
      );

    for (let w = 0; w < opts.weeks; w++) {
      const group = (b: Behaviour) => plan[w]!.flatMap((x, i) => (x === b ? [i] : []));
      await advance(rome(w, 0, 12));
      for (const i of group('monday')) await answer(i, w);
      await advance(rome(w, 2, 11));
      for (const i of group('afterReminder')) await answer(i, w);
      await advance(rome(w, 6, 18));
      for (const i of group('sunday')) await answer(i, w);
    }
    await advance(rome(opts.weeks, 0, 8, 45)); // the digest of the last week

    // The oracle: what each person should have received, from the plan and the rules alone.
    const dayOf = (d: Date) => DateTime.fromJSDate(d, { zone: ZONE });
    const weekOf = (d: Date) => Math.floor(dayOf(d).diff(monday0, 'weeks').weeks);
    let prompts = 0;
    let reminders = 0;
    for (let i = 0; i < opts.networks; i++) {
      const mine = delivered.filter((m) => m.chatId === referent(i).id);
      for (let w = 0; w < opts.weeks; w++) {
        const where = `settimana ${w + 1} (${dayOf(rome(w, 0, 0)).toISODate()}), ${code(i)}`;
        const inWeek = mine.filter((m) => m.at >= rome(w, 0, 0) && m.at < rome(w + 1, 0, 0));
        const p = inWeek.filter((m) => m.text.includes('È il momento del check-in'));
        prompts += p.length;
        if (p.length !== 1) violations.push(`${where}: ${p.length} inviti al check-in invece di 1`);
        else if (p[0]!.at.getTime() !== rome(w, 0, 9).getTime())
          violations.push(`${where}: invito alle ${dayOf(p[0]!.at).toISO()} invece che lunedì alle 09:00`);
        const r = inWeek.filter((m) => m.text.includes('Promemoria: il check-in'));
        reminders += r.length;
        const b = plan[w]![i]!;
        const expected = [...(b === 'monday' ? [] : [rome(w, 2, 10)]), ...(b === 'sunday' || b === 'never' ? [rome(w, 4, 10)] : [])];
        const got = r.map((m) => m.at.getTime());
        if (JSON.stringify(got) !== JSON.stringify(expected.map((d) => d.getTime())))
          violations.push(
            `${where} (${b}): promemoria ${got.map((t) => dayOf(new Date(t)).toFormat('ccc HH:mm')).join(', ') || 'nessuno'}, attesi ${expected.map((d) => dayOf(d).toFormat('ccc HH:mm')).join(', ') || 'nessuno'}`,
          );
        for (const m of r) if (dayOf(m.at).weekday === 1) violations.push(`${where}: promemoria il lunedì (giorno di apertura o di chiusura)`);
      }
    }
    const digests = delivered.filter((m) => m.chatId === COORDINATOR.id && m.text.startsWith('Digest'));
    for (let w = 0; w < opts.weeks; w++) {
      const d = digests.filter((m) => weekOf(m.at) === w + 1);
      const where = `digest della settimana ${w + 1}`;
      if (d.length !== 1) {
        violations.push(`${where}: ${d.length} digest alla coordinatrice invece di 1`);
        continue;
      }
      const b = plan[w]!;
      const answered = b.filter((x) => x !== 'never').length;
      const late = b.filter((x) => x === 'afterReminder' || x === 'sunday').length;
      const m = /Hanno risposto \**(\d+)\** reti? su (\d+)(?:: (\d+) in tempo, (\d+) in ritardo)?/.exec(d[0]!.text);
      const got = m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0), Number(m[4] ?? 0)] : null;
      const want = [answered, opts.networks, answered - late, late];
      if (JSON.stringify(got) !== JSON.stringify(want))
        violations.push(`${where}: risposte ${got ? got.join('/') : '(riga non trovata)'} invece di ${want.join('/')} (risposto/attese/in tempo/in ritardo)`);
    }
    return {
      weeks: opts.weeks,
      networks: opts.networks,
      prompts,
      reminders,
      digests: digests.length,
      answers,
      ticks,
      messages: delivered.length,
      violations,
      wallMs: Math.round(performance.now() - started),
    };
  } finally {
    await app.stop();
    await db.close();
  }
}

function argument(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function main() {
  const int = (name: string, fallback: number, max: number) => {
    const n = Number(argument(name, String(fallback)));
    if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} deve essere un intero tra 1 e ${max}`);
    return n;
  };
  const r = await simulate({
    networks: int('networks', 6, 2000),
    weeks: int('weeks', 10, 104),
    seed: int('seed', 7, 2 ** 31),
    start: argument('start', '2027-03-01'),
  });
  const rows: [string, string | number][] = [
    ['settimane', r.weeks],
    ['reti', r.networks],
    ['inviti', r.prompts],
    ['promemoria', r.reminders],
    ['digest', r.digests],
    ['check-in inviati', r.answers],
    ['tick dei job', r.ticks],
    ['messaggi (telegram)', r.messages],
    ['violazioni', r.violations.length],
    ['tempo', `${(r.wallMs / 1000).toFixed(1)} s`],
  ];
  for (const [k, v] of rows) console.log(`${k.padEnd(22)} ${v}`);
  if (r.violations.length) {
    console.error(`Prima violazione: ${r.violations[0]}`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
