// What the command line (`npm run reti -- laboratori …`) calls: the same validation, rows and
// announcements as the chat, each in its own transaction. Refusals are AppErrors whose
// `userMessage` is the Italian line to print.
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/client.js';
import { toPlain } from '../../platform/markup.js';
import { formatRange } from '../../time.js';
import { patchFor } from './edit-fields.js';
import { cancelLab, createLab, updateLab } from './manage.js';
import { seatsLine } from './render.js';
import { findLab, seatsOf } from './repository.js';
import { parseLabFields, type RawLabFields } from './validation.js';

export interface LabCliInput extends RawLabFields {
  /** Optional stable key (the same the YAML `laboratori:` section uses). */
  key?: string;
}

const TX = { timeout: 30_000, maxWait: 30_000 };

/** Creates and announces a laboratorio; returns its number and how many channels were told. */
export async function createLabFromCli(db: Db, clock: Clock, raw: LabCliInput): Promise<{ id: number; channels: number }> {
  return db.$transaction(async (tx) => {
    const { lab, channels } = await createLab(tx, clock.now(), parseLabFields(raw), { key: raw.key ?? null });
    return { id: lab.id, channels };
  }, TX);
}

/** Changes one field ("posti", "30"); returns what changed and how many were told. */
export async function updateLabFromCli(db: Db, clock: Clock, id: number, field: string, value: string): Promise<{ changed: string[]; notified: number }> {
  return db.$transaction(async (tx) => {
    const lab = await findLab(tx, id);
    const res = await updateLab(tx, clock.now(), id, patchFor(field, value, lab));
    return { changed: res.changed, notified: res.notified };
  }, TX);
}

export async function cancelLabFromCli(db: Db, clock: Clock, id: number, reason = ''): Promise<{ notified: number }> {
  return db.$transaction(async (tx) => {
    const res = await cancelLab(tx, clock.now(), id, reason);
    return { notified: res.notified };
  }, TX);
}

/** One line per laboratorio (upcoming by default, or all), for a terminal. */
export async function listLabsForCli(db: Db, clock: Clock, opts: { all?: boolean } = {}): Promise<string[]> {
  const labs = await db.lab.findMany({
    where: opts.all ? {} : { status: 'scheduled', startsAt: { gt: clock.now() } },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
  });
  const seats = await seatsOf(db, labs);
  return labs.map((l) => {
    const s = seats.get(l.id)!;
    const state = l.status === 'cancelled' ? 'ANNULLATO' : toPlain(seatsLine(s));
    return `${String(l.id).padStart(4)}  ${formatRange(l.startsAt, l.endsAt)}  ${l.title} [${l.theme}]  ${s.confirmed} ${s.confirmed === 1 ? 'iscrizione' : 'iscrizioni'}, ${s.waiting} in attesa · ${state}`;
  });
}
