// Validation of a laboratorio, shared by every way of making one (chat command, Slack modal,
// Telegram guided conversation, YAML, CLI): the same rules and the same Italian messages.
import { DateTime } from 'luxon';
import type { Tx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { itLabs } from './texts.js';
import { parseNumber } from '../../conversation/parse.js';
import { parseItalianDateTime, ZONE } from '../../time.js';
import type { LabInput } from './model.js';

const t = itLabs.invalid;

const invalid = (message: string) => new AppError('invalid_input', message);

/** What people type or pick, before validation (a Slack modal, a guided form, YAML, the CLI). */
export interface RawLabFields {
  title?: string;
  theme?: string;
  description?: string;
  /** "12/03/2027 14:30", "2027-03-12 14:30" or a Date. */
  start?: string | Date;
  /** "17:00" (same day as the start), or a full date and time. */
  end?: string | Date;
  /** A place, a link (https://…), or both ("Sala consiliare, https://…"). */
  where?: string;
  place?: string;
  link?: string;
  /** Empty or "nessun limite": no limit. */
  capacity?: string | number | null;
  /** "tutte", or codes "BG01, BS02". */
  networks?: string | string[];
  organiser?: string;
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/i;

/** Splits "where" into a place and an online link. */
export function parseWhere(text: string): { place: string; onlineUrl: string } {
  const value = text.trim();
  const url = URL_IN_TEXT.exec(value)?.[0]?.replace(/[.,;)]+$/, '') ?? '';
  const place = url
    ? value
        .replace(url, '')
        .replace(/^[\s,;:–-]+|[\s,;:–-]+$/g, '')
        .replace(/^(online|link)$/i, '')
    : value;
  return { place, onlineUrl: url };
}

export function parseAudience(value: string | string[] | undefined): 'all' | string[] {
  const parts = (Array.isArray(value) ? value : (value ?? '').split(/[\s,;]+/)).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0 || parts.some((p) => /^(tutte|tutti|tutto|all|\*)$/i.test(p))) return 'all';
  return [...new Set(parts.map((p) => p.toUpperCase()))];
}

export function parseCapacity(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  if (!text || /^(nessun[oa]?( limite)?|illimitat[io]|senza limiti?|-)$/i.test(text)) return null;
  const n = typeof value === 'number' ? value : parseNumber(text);
  if (n === null || !Number.isInteger(n) || n < 1) throw invalid(t.capacity);
  return n;
}

function hasTime(text: string): boolean {
  return /\d[:.]\d/.test(text);
}

export function parseStart(value: string | Date | undefined): Date {
  if (value instanceof Date) return value;
  const text = (value ?? '').trim();
  const d = text && hasTime(text) ? parseItalianDateTime(text) : null;
  if (!d) throw invalid(t.start);
  return d;
}

/** "17:00" is on the start's day (Europe/Rome); a full date and time is taken as it is. */
export function parseEnd(value: string | Date | undefined, start: Date): Date {
  if (value instanceof Date) return value;
  const text = (value ?? '').trim();
  const time = /^(?:ore\s+|alle\s+)?(\d{1,2})[:.](\d{2})$/i.exec(text);
  if (time) {
    const [h, m] = [Number(time[1]), Number(time[2])];
    if (h > 23 || m > 59) throw invalid(t.end);
    return DateTime.fromJSDate(start, { zone: ZONE }).set({ hour: h, minute: m, second: 0, millisecond: 0 }).toJSDate();
  }
  const d = text && hasTime(text) ? parseItalianDateTime(text) : null;
  if (!d) throw invalid(t.end);
  return d;
}

/** Turns typed fields into a LabInput; throws AppError with the Italian reason. */
export function parseLabFields(raw: RawLabFields): LabInput {
  const startsAt = parseStart(raw.start);
  const where = raw.where !== undefined ? parseWhere(raw.where) : { place: (raw.place ?? '').trim(), onlineUrl: (raw.link ?? '').trim() };
  return {
    title: (raw.title ?? '').trim(),
    theme: (raw.theme ?? '').trim(),
    description: (raw.description ?? '').trim(),
    startsAt,
    endsAt: parseEnd(raw.end, startsAt),
    ...where,
    capacity: parseCapacity(raw.capacity),
    audience: parseAudience(raw.networks),
    organiser: (raw.organiser ?? '').trim(),
  };
}

function checkLength(value: string, max: number, what: string): void {
  if (value.length > max) throw invalid(t.tooLong(what, max));
}

/**
 * Checks a laboratorio before it is stored: required fields, a start in the future, an end after
 * the start, a valid link, known networks, a capacity not below the confirmed sign-ups.
 * Returns the audience's network ids (null: all networks).
 */
export async function validateLab(tx: Tx, now: Date, input: LabInput, confirmed = 0): Promise<number[] | null> {
  if (!input.title) throw invalid(t.title);
  if (!input.theme) throw invalid(t.theme);
  checkLength(input.title, 150, 'il titolo');
  checkLength(input.theme, 80, 'il tema');
  checkLength(input.description, 2000, 'la descrizione');
  checkLength(input.organiser, 150, 'l’organizzatore');
  checkLength(input.place, 300, 'il luogo');
  if (Number.isNaN(input.startsAt.getTime()) || Number.isNaN(input.endsAt.getTime())) throw invalid(t.start);
  if (input.startsAt.getTime() <= now.getTime()) throw invalid(t.past);
  if (input.endsAt.getTime() <= input.startsAt.getTime()) throw invalid(t.endBeforeStart(input.startsAt, input.endsAt));
  if (!input.place && !input.onlineUrl) throw invalid(t.where);
  if (input.onlineUrl) {
    let ok = false;
    try {
      ok = /^https?:$/.test(new URL(input.onlineUrl).protocol);
    } catch {
      ok = false;
    }
    if (!ok || input.onlineUrl.length > 500) throw invalid(t.link);
  }
  if (input.capacity !== null && (!Number.isInteger(input.capacity) || input.capacity < 1)) throw invalid(t.capacity);
  if (input.capacity !== null && input.capacity < confirmed) throw invalid(t.capacityBelow(confirmed, input.capacity));
  if (input.audience === 'all') return null;
  const rows = await tx.network.findMany({ where: { code: { in: input.audience } }, select: { id: true, code: true } });
  const unknown = input.audience.filter((c) => !rows.some((r) => r.code === c));
  if (unknown.length) throw invalid(t.unknownNetworks(unknown));
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

function validLink(url: string): boolean {
  try {
    return /^https?:$/.test(new URL(url).protocol) && url.length <= 500;
  } catch {
    return false;
  }
}

/** The message of a refusal thrown by the parsers above, or null when the value is fine. */
function refusal(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    if (err instanceof AppError) return err.userMessage;
    throw err;
  }
}

/** Network codes that no network has ("XX99"). */
export async function unknownNetworkCodes(tx: Tx, networks: string | string[] | undefined): Promise<string[]> {
  const audience = parseAudience(networks);
  if (audience === 'all') return [];
  const rows = await tx.network.findMany({ where: { code: { in: audience } }, select: { code: true } });
  return audience.filter((c) => !rows.some((r) => r.code === c));
}

/**
 * One answer checked where it is given, against those before it: the end against the start, the
 * place or link, the seats, the networks. The Italian reason, or null. (Keys of RawLabFields.)
 */
export async function checkLabField(tx: Tx, key: keyof RawLabFields, raw: RawLabFields): Promise<string | null> {
  switch (key) {
    case 'start':
      return refusal(() => parseStart(raw.start));
    case 'end': {
      let start: Date;
      try {
        start = parseStart(raw.start);
      } catch {
        return null; // the start's own step says what is wrong
      }
      let end: Date;
      try {
        end = parseEnd(raw.end, start);
      } catch (err) {
        if (err instanceof AppError) return err.userMessage;
        throw err;
      }
      return end.getTime() <= start.getTime() ? t.endBeforeStart(start, end) : null;
    }
    case 'where': {
      const where = parseWhere(typeof raw.where === 'string' ? raw.where : '');
      if (!where.place && !where.onlineUrl) return t.where;
      return where.onlineUrl && !validLink(where.onlineUrl) ? t.link : null;
    }
    case 'capacity':
      return refusal(() => parseCapacity(raw.capacity));
    case 'networks': {
      const unknown = await unknownNetworkCodes(tx, raw.networks);
      return unknown.length ? t.unknownNetworks(unknown) : null;
    }
    default:
      return null;
  }
}
