// Every setting comes from the environment and is validated here, once, at start-up.
// A missing or malformed value stops the service with one line naming the variable.
import { hostname } from 'node:os';
import { DateTime } from 'luxon';
import { z } from 'zod';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const url = (protocols: string[]) =>
  optionalString.refine((v) => v === undefined || protocols.some((p) => v.startsWith(p)), {
    message: `deve iniziare con ${protocols.join(' o ')}`,
  });

const int = (def: number, min = 0) =>
  optionalString.transform((v, ctx) => {
    if (v === undefined) return def;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) {
      ctx.addIssue({ code: 'custom', message: `deve essere un numero intero ≥ ${min}` });
      return z.NEVER;
    }
    return n;
  });

const bool = (def: boolean) =>
  optionalString.transform((v, ctx) => {
    if (v === undefined) return def;
    if (/^(1|true|yes|si|sì|on)$/i.test(v)) return true;
    if (/^(0|false|no|off)$/i.test(v)) return false;
    ctx.addIssue({ code: 'custom', message: 'deve essere true o false' });
    return z.NEVER;
  });

/** "24h,1h", "1d, 90m": minutes before an event; "off" or "no": none. */
const offsets = (def: string) =>
  optionalString.transform((v, ctx) => {
    const text = (v ?? def).toLowerCase();
    if (/^(off|no|none|0)$/.test(text)) return [];
    const out: number[] = [];
    for (const part of text.split(/[\s,;]+/).filter(Boolean)) {
      const m = /^(\d+)\s*(m|min|h|d|g)$/.exec(part);
      const n = m ? Number(m[1]) * (m[2] === 'h' ? 60 : m[2] === 'd' || m[2] === 'g' ? 1440 : 1) : 0;
      if (!n) {
        ctx.addIssue({ code: 'custom', message: `«${part}» non è una durata: usa per esempio 24h,1h oppure 90m (off per nessuno)` });
        return z.NEVER;
      }
      out.push(n);
    }
    return [...new Set(out)].sort((a, b) => b - a);
  });

const envSchema = z
  .object({
    DATABASE_URL: url(['postgres://', 'postgresql://']),
    DATA_DIR: optionalString.transform((v) => v ?? './data'),
    DATABASE_POOL_SIZE: int(10, 1),
    DATABASE_CONNECT_TIMEOUT_MS: int(2000, 100),
    DATABASE_QUERY_TIMEOUT_MS: int(30_000, 1000),
    DATABASE_IDLE_TIMEOUT_MS: int(30_000, 1000),
    DATABASE_KEEPALIVE_MS: int(10_000, 1000),
    /** How long recording an inbound event may take before the platform is answered "not recorded" (Slack wants an answer within 3 s). */
    INBOX_RECORD_TIMEOUT_MS: int(2500, 100),
    PORT: int(3000),
    HOST: optionalString.transform((v) => v ?? '0.0.0.0'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    INSTANCE_ID: optionalString.transform((v) => v ?? `${hostname()}-${process.pid}`),
    RETI_CONFIG: optionalString,
    /** The address people reach the service at (links to the cruscotto): https://reti.example.org. */
    PUBLIC_URL: url(['http://', 'https://']).refine((v) => v === undefined || URL.canParse(v), { message: 'non è un indirizzo valido' }),
    ADMIN_TOKEN: optionalString.refine((v) => v === undefined || v.length >= 16, { message: 'deve avere almeno 16 caratteri' }),
    /** GET /metrics needs this bearer token when set. */
    METRICS_TOKEN: optionalString.refine((v) => v === undefined || v.length >= 16, { message: 'deve avere almeno 16 caratteri' }),
    /** When set, /metrics is served only on METRICS_HOST:METRICS_PORT (e.g. 127.0.0.1), not on the public port. */
    METRICS_HOST: optionalString,
    METRICS_PORT: int(9464, 1),
    /** How often the outbox depth shown by /metrics is read from the database. */
    METRICS_REFRESH_SECONDS: int(15, 1),

    SLACK_BOT_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xoxb-'), { message: 'deve iniziare con xoxb-' }),
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_APP_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xapp-'), { message: 'deve iniziare con xapp-' }),
    SLACK_API_URL: url(['http://', 'https://']),

    TELEGRAM_BOT_TOKEN: optionalString.refine((v) => v === undefined || /^\d+:[\w-]+$/.test(v), { message: 'non ha la forma 123456:ABC…' }),
    TELEGRAM_WEBHOOK_URL: url(['https://', 'http://']),
    TELEGRAM_WEBHOOK_SECRET: optionalString.refine((v) => v === undefined || /^[A-Za-z0-9_-]{32,256}$/.test(v), {
      message: 'da 32 a 256 caratteri tra A-Z a-z 0-9 _ - (per esempio: openssl rand -hex 32)',
    }),
    TELEGRAM_API_ROOT: url(['http://', 'https://']),
    TELEGRAM_BOT_USERNAME: optionalString,

    TELEGRAM_MAX_PER_SECOND: int(30, 1),
    SLACK_MAX_PER_SECOND: int(20, 1),
    OUTBOX_MAX_ATTEMPTS: int(8, 1),
    OUTBOX_POLL_MS: int(500, 10),
    /** An inbound event whose handler is surely gone after this long is handled again (≥ 70 s: a handler may last 60 s). */
    INBOX_STALE_MS: int(120_000, 70_000),
    /** How often the inbox looks for such events. */
    INBOX_SWEEP_MS: int(60_000, 100),
    SCHEDULER_ENABLED: bool(true),
    /** The test clock (never in production): time stored in the database, moved by POST /admin/clock. */
    RETI_TEST_CLOCK: bool(false),
    /** Where the test clock starts the first time (ISO 8601; without offset: Europe/Rome). Default: the real time. */
    RETI_TEST_CLOCK_START: optionalString.transform((v, ctx) => {
      if (v === undefined) return undefined;
      const d = DateTime.fromISO(v, { zone: 'Europe/Rome' });
      if (!d.isValid) {
        ctx.addIssue({ code: 'custom', message: 'non è una data e ora ISO 8601 (es. 2027-01-04T08:00)' });
        return z.NEVER;
      }
      return d.toJSDate();
    }),
    /** When confirmed participants are reminded before a laboratorio. */
    LABS_REMINDERS: offsets('24h,1h'),

    /** Privacy notice (art. 13): who holds the data, how to reach them, the full text. */
    PRIVACY_TITOLARE: optionalString.transform((v) => v ?? 'ANCI Lombardia'),
    PRIVACY_CONTATTO: optionalString,
    PRIVACY_URL: url(['https://', 'http://']),
    /** Retention: message payloads (with attachments) and stuck rows, finished conversations, people with no role. */
    RETENTION_PAYLOAD_DAYS: int(30, 1),
    RETENTION_CONVERSATION_DAYS: int(90, 1),
    RETENTION_INACTIVE_MONTHS: int(24, 1),
    /** The audit trail (/registro) is kept this many years. */
    AUDIT_RETENTION_YEARS: int(5, 1),
    /** Send the notice at a person's first private contact with the bot (per account). */
    PRIVACY_NOTICE_AT_FIRST_CONTACT: bool(true),

    /** Legami: no pair is introduced again within this many days. */
    LEGAMI_INTRO_WINDOW_DAYS: int(180, 1),
    /** Legami: the scheduled introductions run every N weeks (counted from 5 January 1970)… */
    LEGAMI_INTRO_EVERY_WEEKS: int(2, 1),
    /** …in the weeks whose number, divided by LEGAMI_INTRO_EVERY_WEEKS, leaves this remainder. */
    LEGAMI_INTRO_WEEK_OFFSET: int(0),
    /** Legami: days after an introduction before asking whether the two people met. */
    LEGAMI_FOLLOWUP_AFTER_DAYS: int(7, 1),
    /** Legami: check-in "supporto" answers of the last N days count as requests. */
    LEGAMI_SUPPORT_DAYS: int(30, 1),
  })
  .superRefine((env, ctx) => {
    if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN)
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'è obbligatoria quando SLACK_BOT_TOKEN è impostata (oppure SLACK_APP_TOKEN per Socket Mode)',
      });
    if ((env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN) && !env.SLACK_BOT_TOKEN)
      ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'manca: senza il token del bot Slack non si collega' });
    if (env.TELEGRAM_WEBHOOK_URL && !env.TELEGRAM_BOT_TOKEN)
      ctx.addIssue({ code: 'custom', path: ['TELEGRAM_BOT_TOKEN'], message: 'è obbligatoria quando TELEGRAM_WEBHOOK_URL è impostata' });
    if (env.TELEGRAM_WEBHOOK_URL && !env.TELEGRAM_WEBHOOK_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['TELEGRAM_WEBHOOK_SECRET'],
        message: 'è obbligatoria con TELEGRAM_WEBHOOK_URL: senza, chiunque potrebbe inviare aggiornamenti falsi',
      });
  });

export type Env = z.infer<typeof envSchema>;

/** The base of the links the service hands out: PUBLIC_URL without its trailing slash, else http://localhost:PORT. */
export function publicUrl(env: Pick<Env, 'PUBLIC_URL' | 'PORT'>): string {
  return (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
}

export interface Config {
  env: Env;
  /** Cron expressions per job id, from SCHEDULE_<JOB_ID> (e.g. SCHEDULE_CHECKIN_OPEN="0 9 * * 1"). */
  schedules: Record<string, string>;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = issue.path.join('.') || 'ambiente';
    throw new ConfigError(`Impostazione non valida: ${name} ${issue.message}`);
  }
  const schedules: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    const m = /^SCHEDULE_([A-Z0-9_]+)$/.exec(key);
    if (m && value?.trim()) schedules[m[1]!.toLowerCase().replace(/_/g, '-')] = value.trim();
  }
  return { env: parsed.data, schedules };
}
