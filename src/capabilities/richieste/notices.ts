// What a request says, and to whom, privately: the coordinators hear of a new request (with
// «Prendo in carico» / «Vedi rete»), the network's referents hear when it is taken in charge and
// by whom, when it is done (with «Sì, risolto» / «Non ancora») or closed; the coordinator following
// it hears what the network answers. Dedupe keys name the change (its history id), so nothing is
// said twice, and a message the platform refuses is sent elsewhere (failures.ts).
import type { Tx } from '../../db/client.js';
import { enqueue, type OutboxEntry } from '../../outbox/enqueue.js';
import type { OutMessage } from '../../platform/port.js';
import type { Author, NetworkRef, RequestRecord } from './model.js';
import { addressesOf, coordinators, networkRef, personName, referentsOf, type Reach } from './repository.js';
import { itRichieste as t } from './texts.js';

/** Outbox tag of every private notice: failures.ts sends it elsewhere when it cannot be delivered. */
export const PRIVATE_TAG = 'richieste.private';

export const ACTIONS = {
  take: 'richieste.prendo',
  network: 'richieste.rete',
  start: 'richieste.avvia',
  done: 'richieste.svolta',
  solved: 'richieste.risolto',
  notYet: 'richieste.nonancora',
  meeting: 'richieste.incontro',
} as const;

/** Sends one message to each person privately (on the platform they used last). */
export async function tellPeople(
  tx: Tx,
  reach: Reach,
  personIds: number[],
  message: OutMessage,
  key: (personId: number) => string,
  networkId: number,
): Promise<number> {
  const addresses = await addressesOf(tx, personIds, reach);
  const entries: OutboxEntry[] = [];
  for (const personId of personIds) {
    const to = addresses.get(personId);
    if (to) entries.push({ delivery: { op: 'send', to, message }, dedupeKey: key(personId), tag: PRIVATE_TAG, meta: { personId, networkId } });
  }
  return enqueue(tx, entries);
}

/** The new request as coordinators read it. */
export function newRequestMessage(r: RequestRecord, network: NetworkRef, opener: string): OutMessage {
  return {
    text: t.notice.newPlain(network, r),
    blocks: [
      { type: 'header', text: t.notice.newHeader },
      { type: 'text', text: t.notice.newBody(network, r) },
      ...(r.need || r.dueBy ? [{ type: 'text' as const, text: t.card.details(r) }] : []),
      { type: 'context', text: t.card.origin(r, opener) },
      {
        type: 'buttons',
        buttons: [
          { label: t.buttons.take, action: ACTIONS.take, value: String(r.id), style: 'primary' },
          { label: t.buttons.network, action: ACTIONS.network, value: String(r.networkId) },
        ],
      },
    ],
  };
}

/** Each coordinator (but the one who opened it), privately. */
export async function notifyNew(tx: Tx, reach: Reach, r: RequestRecord, openerId: number | null): Promise<number> {
  const message = newRequestMessage(r, await networkRef(tx, r.networkId), await personName(tx, openerId));
  const to = (await coordinators(tx)).filter((id) => id !== openerId);
  return tellPeople(tx, reach, to, message, (id) => `richiesta:nuova:${r.id}:${id}`, r.networkId);
}

export async function notifyTaken(tx: Tx, reach: Reach, r: RequestRecord, who: Author, eventId: number): Promise<number> {
  const network = await networkRef(tx, r.networkId);
  const text = t.notice.taken(r, network, who.name);
  const message: OutMessage = {
    text,
    blocks: [
      { type: 'text', text },
      { type: 'context', text: t.notice.followHint },
    ],
  };
  return tellPeople(tx, reach, await referentsOf(tx, r.networkId), message, (id) => `richiesta:${eventId}:${id}`, r.networkId);
}

export function doneMessage(r: RequestRecord, network: NetworkRef, by: string, note: string): OutMessage {
  const text = t.notice.done(r, network, by);
  return {
    text,
    blocks: [
      { type: 'text', text },
      ...(note ? [{ type: 'text' as const, text: t.notice.doneNote(note) }] : []),
      { type: 'text', text: t.notice.doneAsk },
      {
        type: 'buttons',
        buttons: [
          { label: t.buttons.solved, action: ACTIONS.solved, value: String(r.id), style: 'primary' },
          { label: t.buttons.notYet, action: ACTIONS.notYet, value: String(r.id) },
        ],
      },
    ],
  };
}

export async function notifyDone(tx: Tx, reach: Reach, r: RequestRecord, who: Author, note: string, eventId: number): Promise<number> {
  const message = doneMessage(r, await networkRef(tx, r.networkId), who.name, note);
  return tellPeople(tx, reach, await referentsOf(tx, r.networkId), message, (id) => `richiesta:${eventId}:${id}`, r.networkId);
}

export async function notifyClosed(tx: Tx, reach: Reach, r: RequestRecord, who: Author, reason: string, eventId: number): Promise<number> {
  const text = t.notice.closed(r, await networkRef(tx, r.networkId), who.name, reason);
  return tellPeople(tx, reach, await referentsOf(tx, r.networkId), { text }, (id) => `richiesta:${eventId}:${id}`, r.networkId);
}

/** The coordinator following the request (every coordinator while nobody has taken it). */
export async function notifyAssignee(tx: Tx, reach: Reach, r: RequestRecord, eventId: number, text: string): Promise<number> {
  const to = r.assigneeId !== null ? [r.assigneeId] : await coordinators(tx);
  const message: OutMessage = {
    text,
    blocks: [
      { type: 'text', text },
      { type: 'context', text: t.notice.detailHint(r.id) },
    ],
  };
  return tellPeople(tx, reach, to, message, (id) => `richiesta:${eventId}:${id}`, r.networkId);
}
