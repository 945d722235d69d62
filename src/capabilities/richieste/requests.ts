// The life of a request, each change under the request's row lock (SELECT … FOR UPDATE): opened
// from a check-in or /richiesta (one open request per network and kind: a second one updates the
// first), taken in charge by a coordinator, in corso, svolta or chiusa with a reason; the network
// confirms or reopens a request marked svolta. Every change is kept with who and when, and the
// people concerned are told in the same transaction.
import type { Tx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { record } from './history.js';
import { KIND_CODES } from './kinds.js';
import type { Author, OpenInput, RequestRecord } from './model.js';
import { notifyAssignee, notifyClosed, notifyDone, notifyNew, notifyTaken } from './notices.js';
import { findRequest, isReferentOf, lockRequest, personName, type Reach } from './repository.js';
import { isOpen, openKeyOf, type RequestState } from './states.js';
import { itRichieste as t } from './texts.js';

const MAX_NEED = 4000;

export interface OpenOutcome {
  request: RequestRecord;
  /** False: the network already had an open request of that kind, which was updated. */
  created: boolean;
}

function mergeNeed(current: string, added: string): string {
  const add = added.trim();
  if (!add || current.includes(add)) return current;
  return (current ? `${current}\n\n${add}` : add).slice(0, MAX_NEED);
}

/** Opens a request, or updates the network's open request of the same kind. */
export async function openRequest(tx: Tx, now: Date, input: OpenInput, reach: Reach): Promise<OpenOutcome> {
  if (!KIND_CODES.includes(input.kind)) throw new AppError('invalid_input', t.refuse.unknownKind(input.kind));
  const openKey = openKeyOf(input.networkId, input.kind);
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await tx.supportRequest.findUnique({ where: { openKey }, select: { id: true } });
    if (!existing) {
      // ON CONFLICT DO NOTHING: whoever comes second (a check-in and /richiesta at once) updates instead.
      const [created] = await tx.supportRequest.createManyAndReturn({
        data: [
          {
            networkId: input.networkId,
            kind: input.kind,
            state: 'nuova',
            openKey,
            need: input.need.trim().slice(0, MAX_NEED),
            dueBy: input.dueBy,
            source: input.source,
            period: input.period ?? null,
            openedById: input.personId,
            openedAt: now,
            updatedAt: now,
          },
        ],
        skipDuplicates: true,
      });
      if (!created) continue;
      await record(tx, created.id, { kind: 'aperta', toState: 'nuova', personId: input.personId, note: input.need, at: now });
      await notifyNew(tx, reach, created, input.personId);
      return { request: created, created: true };
    }
    const current = await lockRequest(tx, existing.id);
    if (current.openKey !== openKey) continue; // closed meanwhile: open a new one
    return { request: await updateOpen(tx, now, current, input, reach), created: false };
  }
  throw new AppError('conflict', t.refuse.busy);
}

async function updateOpen(tx: Tx, now: Date, current: RequestRecord, input: OpenInput, reach: Reach): Promise<RequestRecord> {
  const fromCheckin = input.source === 'checkin';
  // The same check-in edited: nothing new to say.
  if (fromCheckin && input.period && current.period === input.period) return current;
  const request = await tx.supportRequest.update({
    where: { id: current.id },
    data: {
      need: fromCheckin ? current.need || input.need.trim().slice(0, MAX_NEED) : mergeNeed(current.need, input.need),
      dueBy: input.dueBy ?? current.dueBy,
      period: input.period ?? current.period,
      updatedAt: now,
    },
  });
  const note = fromCheckin ? t.history.askedAgainInCheckin(input.period ?? '', input.need) : input.need;
  const eventId = await record(tx, current.id, { kind: 'aggiornata', personId: input.personId, note, at: now });
  // A referent wrote to add something: the coordinator following it hears of it (a check-in
  // repeating the same need every week does not make noise).
  if (!fromCheckin) await notifyAssignee(tx, reach, request, eventId, t.notice.updated(request, await personName(tx, input.personId), input.need));
  return request;
}

export type TakeOutcome =
  | { outcome: 'taken'; request: RequestRecord }
  | { outcome: 'already-mine'; request: RequestRecord }
  | { outcome: 'taken-by-other'; request: RequestRecord; by: string }
  | { outcome: 'not-open'; request: RequestRecord };

async function setState(
  tx: Tx,
  now: Date,
  r: RequestRecord,
  to: RequestState,
  who: Author,
  data: object = {},
  note = '',
): Promise<{ request: RequestRecord; eventId: number }> {
  const request = await tx.supportRequest.update({
    where: { id: r.id },
    data: { state: to, updatedAt: now, openKey: isOpen(to) ? openKeyOf(r.networkId, r.kind) : null, ...data },
  });
  const eventId = await record(tx, r.id, { kind: 'stato', fromState: r.state, toState: to, personId: who.personId, note, at: now });
  return { request, eventId };
}

/** nuova → presa in carico by this coordinator (no notice: the caller decides). */
async function takeLocked(tx: Tx, now: Date, r: RequestRecord, who: Author) {
  return setState(tx, now, r, 'presa_in_carico', who, { assigneeId: who.personId, takenAt: r.takenAt ?? now });
}

/** «Prendo in carico»: the first coordinator gets it; a second press changes nothing. */
export async function take(tx: Tx, now: Date, id: number, who: Author, reach: Reach): Promise<TakeOutcome> {
  const r = await lockRequest(tx, id);
  if (r.state === 'nuova') {
    const { request, eventId } = await takeLocked(tx, now, r, who);
    await notifyTaken(tx, reach, request, who, eventId);
    return { outcome: 'taken', request };
  }
  if (!isOpen(r.state)) return { outcome: 'not-open', request: r };
  if (r.assigneeId === who.personId) return { outcome: 'already-mine', request: r };
  return { outcome: 'taken-by-other', request: r, by: await personName(tx, r.assigneeId) };
}

function refuseClosed(r: RequestRecord): never {
  throw new AppError('conflict', r.state === 'svolta' ? t.refuse.alreadyDone(r.id) : t.refuse.alreadyClosed(r.id, r.closeReason));
}

/** Takes a new request in charge on the way to another state (the history keeps both steps). */
async function ensureTaken(tx: Tx, now: Date, r: RequestRecord, who: Author, tell: Reach | false): Promise<RequestRecord> {
  if (r.state !== 'nuova') return r;
  const { request, eventId } = await takeLocked(tx, now, r, who);
  if (tell !== false) await notifyTaken(tx, tell, request, who, eventId);
  return request;
}

/** → in corso. Returns false when it already was. */
export async function start(tx: Tx, now: Date, id: number, who: Author, note: string, reach: Reach): Promise<{ request: RequestRecord; changed: boolean }> {
  let r = await lockRequest(tx, id);
  if (!isOpen(r.state)) refuseClosed(r);
  if (r.state === 'in_corso') return { request: r, changed: false };
  r = await ensureTaken(tx, now, r, who, reach);
  const { request } = await setState(tx, now, r, 'in_corso', who, {}, note);
  return { request, changed: true };
}

/** → svolta; the network's referents are asked whether it is solved. */
export async function complete(tx: Tx, now: Date, id: number, who: Author, note: string, reach: Reach): Promise<{ request: RequestRecord; changed: boolean }> {
  let r = await lockRequest(tx, id);
  if (r.state === 'svolta') return { request: r, changed: false };
  if (!isOpen(r.state)) refuseClosed(r);
  r = await ensureTaken(tx, now, r, who, false);
  const { request, eventId } = await setState(tx, now, r, 'svolta', who, { doneAt: now }, note.trim());
  await notifyDone(tx, reach, request, who, note.trim(), eventId);
  return { request, changed: true };
}

/** → chiusa with a reason, from any open state. */
export async function close(tx: Tx, now: Date, id: number, who: Author, reason: string, reach: Reach): Promise<RequestRecord> {
  const why = reason.trim();
  if (!why) throw new AppError('invalid_input', t.refuse.reasonNeeded(id));
  const r = await lockRequest(tx, id);
  if (!isOpen(r.state)) refuseClosed(r);
  const { request, eventId } = await setState(tx, now, r, 'chiusa', who, { closedAt: now, closeReason: why.slice(0, 1000) }, why);
  await notifyClosed(tx, reach, request, who, why, eventId);
  return request;
}

export type NetworkAnswerOutcome =
  | { outcome: 'confirmed' | 'reopened'; request: RequestRecord }
  | { outcome: 'already-confirmed' | 'already-reopened'; request: RequestRecord; by: string }
  | { outcome: 'not-done'; request: RequestRecord };

/** The last change of state of a request, with who made it. */
async function lastStateEvent(tx: Tx, requestId: number) {
  return tx.supportRequestEvent.findFirst({ where: { requestId, kind: { in: ['stato', 'confermata'] } }, orderBy: { id: 'desc' } });
}

/** «Sì, risolto» / «Non ancora» from a referent of the network, to a request marked svolta. */
export async function networkAnswer(tx: Tx, now: Date, id: number, who: Author, solved: boolean, reach: Reach): Promise<NetworkAnswerOutcome> {
  const peek = await findRequest(tx, id);
  if (!(await isReferentOf(tx, who.personId, peek.networkId))) throw new AppError('forbidden', t.refuse.notYourNetworkRequest(id));
  const r = await lockRequest(tx, id);
  const last = await lastStateEvent(tx, id);
  if (r.state !== 'svolta') {
    // Reopened by another referent in the meantime.
    if (r.state === 'in_corso' && last?.fromState === 'svolta') return { outcome: 'already-reopened', request: r, by: await personName(tx, last.personId) };
    return { outcome: 'not-done', request: r };
  }
  if (last?.kind === 'confermata') {
    if (solved) return { outcome: 'already-confirmed', request: r, by: await personName(tx, last.personId) };
  }
  if (solved) {
    const eventId = await record(tx, id, { kind: 'confermata', personId: who.personId, at: now });
    await notifyAssignee(tx, reach, r, eventId, t.notice.confirmed(r, who.name));
    return { outcome: 'confirmed', request: r };
  }
  const openKey = openKeyOf(r.networkId, r.kind);
  const other = await tx.supportRequest.findUnique({ where: { openKey }, select: { id: true } });
  if (other) throw new AppError('conflict', t.refuse.otherOpen(r.id, other.id));
  const { request, eventId } = await setState(tx, now, r, 'in_corso', who, { doneAt: null }, t.history.reopened);
  await notifyAssignee(tx, reach, request, eventId, t.notice.reopened(request, who.name));
  return { outcome: 'reopened', request };
}
