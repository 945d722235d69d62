// npm run console — chat with Reti in the terminal as any person of the configuration, in a
// network channel or privately, through the in-memory adapter (Hubot's shell is the model).
// Runs on a throw-away in-memory database loaded with RETI_CONFIG or the example networks.
import { createInterface } from 'node:readline';
import { readFileSync } from 'node:fs';
import { stdin, stdout } from 'node:process';
import { createApp } from './app.js';
import { exampleConfigPath } from './bootstrap.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { importConfiguration } from './configuration.js';
import { MemoryAdapter, renderPlain, type SentMessage } from './platform/memory/adapter.js';
import { ClockRefusal } from './jobs/clock-control.js';
import { describeAdvance } from './jobs/clock-cli.js';
import { DatabaseClock } from './test-clock.js';
import { formatDateTime } from './time.js';

const HELP = `Scrivi come in chat: /aiuto, /rete, /laboratori… oppure una risposta.
  !N            preme il pulsante N dell'ultimo messaggio
  :come NOME    parla come un'altra persona (es. :come Maria Rossi)
  :in CODICE    scrive nel canale della rete (es. :in BG01); :in privato per la chat privata
  :su slack     usa Slack invece di Telegram (o :su telegram)
  :job NOME     esegue ora un job (es. :job checkin-open)
  :ora          l'ora dell'orologio di prova della console
  :avanza 2d    fa avanzare l'orologio (2d, 3h, 30m, P1DT2H) eseguendo i job che cadono nel mezzo
  :vai DATA     porta l'orologio a una data e ora (es. :vai 2027-01-04 09:00)
  :chi          elenca le persone;  :esci per uscire`;

async function main() {
  const config = loadConfig({ ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent' });
  const db = await openDatabase({ dataDir: 'memory://' });
  await db.migrate();
  // The console always runs on a test clock (RETI_TEST_CLOCK_START, or now), so :avanza can show Wednesday.
  const clock = await new DatabaseClock(config.env.RETI_TEST_CLOCK_START ? { start: config.env.RETI_TEST_CLOCK_START } : {}).attach(db.prisma);
  const file = process.env.RETI_CONFIG ?? exampleConfigPath;
  await importConfiguration(db.prisma, clock, readFileSync(file, 'utf8'));
  const people = await db.prisma.person.findMany({ include: { accounts: true, memberships: { include: { network: true } } }, orderBy: { id: 'asc' } });
  const workspace = (await db.prisma.account.findFirst({ where: { platform: 'slack', workspace: { not: '' } } }))?.workspace ?? 'T0CONSOLE';
  const adapters = { telegram: new MemoryAdapter('telegram'), slack: new MemoryAdapter('slack', workspace) };
  const app = createApp({ config, db, adapters: Object.values(adapters), clock });
  await app.start({ scheduler: false, outbox: false });

  let platform: 'telegram' | 'slack' = 'telegram';
  let who = people.find((p) => p.memberships.some((m) => m.role === 'referente')) ?? people[0]!;
  let where: string | null = null; // network code, or null for private
  let last: SentMessage | undefined;

  const print = (m: SentMessage) => {
    const label = m.chatId === accountId() ? 'Reti (privato)' : `Reti (${m.chatId})`;
    let n = 0;
    const text = renderPlain(m.message).replace(/\[([^\]]+)\]/g, (_s, l: string) => `[${++n} ${l}]`);
    console.log(`\x1b[36m${label}:\x1b[0m ${text.replace(/\n/g, '\n  ')}`);
    if (m.visibleTo === undefined || m.visibleTo === accountId()) last = m;
  };
  for (const a of Object.values(adapters)) a.onDeliver = print;

  function accountId(): string {
    return who.accounts.find((a) => a.platform === platform)?.externalId ?? `console-${who.id}`;
  }
  async function chat() {
    const adapter = adapters[platform];
    if (!where) return adapter.privateChat({ id: accountId(), name: who.name });
    const network = await db.prisma.network.findUnique({ where: { code: where }, include: { channels: { where: { platform } } } });
    const channel = network?.channels[0];
    return adapter.group(channel?.chatId ?? `console-${where}`, network?.name ?? where);
  }
  const prompt = () => `${who.name} @ ${where ?? 'privato'} (${platform})> `;

  console.log(`Reti — console. ${HELP}\n`);
  const rl = createInterface({ input: stdin, output: stdout, terminal: stdin.isTTY });
  rl.setPrompt(prompt());
  if (stdin.isTTY) rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (!stdin.isTTY && line) console.log(`${prompt()}${line}`);
    if (!line) {
      if (stdin.isTTY) rl.prompt();
      continue;
    }
    const user = { id: accountId(), name: who.name };
    const adapter = adapters[platform];
    try {
      if (line === ':esci' || line === ':quit') break;
      if (line === ':aiuto' || line === ':help') console.log(HELP);
      else if (line === ':chi')
        for (const p of people)
          console.log(`  ${p.name}${p.coordinator ? ' (coordinatore)' : ''} ${p.memberships.map((m) => `${m.role} ${m.network.code}`).join(', ')}`);
      else if (line.startsWith(':come ')) {
        const name = line.slice(6).trim().toLowerCase();
        const found = people.find((p) => p.name.toLowerCase() === name) ?? people.find((p) => p.name.toLowerCase().includes(name));
        if (found) who = found;
        else console.log('Persona non trovata: :chi le elenca.');
      } else if (line.startsWith(':in ')) {
        const code = line.slice(4).trim().toUpperCase();
        where = code === 'PRIVATO' ? null : code;
      } else if (line.startsWith(':su ')) {
        const p = line.slice(4).trim();
        if (p === 'slack' || p === 'telegram') platform = p;
      } else if (line.startsWith(':job ')) {
        const result = await app.jobs.run(line.slice(5).trim(), 'manual');
        console.log(`  ${JSON.stringify(result)}`);
      } else if (line === ':ora') {
        console.log(`  ${formatDateTime(clock.now())}`);
      } else if (line.startsWith(':avanza ') || line.startsWith(':vai ')) {
        const arg = line.slice(line.indexOf(' ') + 1).trim();
        try {
          const report = await app.clockControl!.advance(line.startsWith(':avanza ') ? { advance: arg } : { to: arg });
          for (const l of describeAdvance(report)) console.log(`  ${l}`);
        } catch (err) {
          if (!(err instanceof ClockRefusal)) throw err;
          console.log(`  ${err.message}`);
        }
      } else if (/^!\d+$/.test(line)) {
        const buttons = (last?.message.blocks ?? []).flatMap((b) => (b.type === 'buttons' ? b.buttons : []));
        const b = buttons[Number(line.slice(1)) - 1];
        if (!b) console.log('Nessun pulsante con quel numero.');
        else await adapter.press(user, await chat(), b.action, b.value ?? '', last?.messageId);
      } else if (line.startsWith('/')) {
        const [command, ...rest] = line.slice(1).split(' ');
        await adapter.command(user, await chat(), command!, rest.join(' '));
      } else await adapter.message(user, await chat(), line);
      await app.outbox.drain();
    } catch (err) {
      console.log(`Errore: ${err instanceof Error ? err.message : String(err)}`);
    }
    rl.setPrompt(prompt());
    if (stdin.isTTY) rl.prompt();
  }
  rl.close();
  await app.stop();
  clock.close();
  await db.close();
}

void main();
