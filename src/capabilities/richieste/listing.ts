// /richieste: which requests a person sees (coordinators: every network, open ones oldest first;
// referents: their networks' requests and their states), the filters typed after the command
// (a kind, a network code, a state, «mie»), and how a request reads in a list.
import type { Actor } from '../../bus/types.js';
import { normalize } from '../../conversation/parse.js';
import type { Tx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { findKind, kindShort } from './kinds.js';
import type { NetworkRef, RequestRecord } from './model.js';
import { networkRefs, personNames } from './repository.js';
import { OPEN_STATES, STATES, type RequestState } from './states.js';
import { itRichieste } from './texts.js';

const t = itRichieste.list;

export interface RequestFilter {
  /** null: every network. */
  networkIds: number[] | null;
  kinds: string[];
  states: RequestState[];
  /** «mie»: taken in charge by (coordinators) or opened by (referents) this person. */
  mine: boolean;
  /** The network codes and words the person typed, to say what the list shows. */
  labels: string[];
}

export type Parsed = { detail: number } | { filter: RequestFilter };

const STATE_WORDS: [RegExp, RequestState[] | 'all'][] = [
  [/\b(?:prese|presa)? ?in carico\b/, ['presa_in_carico']],
  [/\bin corso\b/, ['in_corso']],
  [/^(?:nuove|nuova)$/, ['nuova']],
  [/^(?:prese|presa)$/, ['presa_in_carico']],
  [/^(?:incorso|corso)$/, ['in_corso']],
  [/^(?:svolte|svolta|fatte|fatta)$/, ['svolta']],
  [/^(?:chiuse|chiusa)$/, ['chiusa']],
  [/^(?:aperte|aperta)$/, OPEN_STATES],
  [/^(?:tutte|tutto)$/, 'all'],
];

/** Reads "/richieste formazione BG01 in corso", "/richieste mie", "/richieste 12". */
export async function parseFilter(tx: Tx, text: string, actor: Actor): Promise<Parsed> {
  let rest = normalize(text);
  const id = /^(?:n\.?\s*|#)?(\d{1,9})$/.exec(rest);
  if (id) return { detail: Number(id[1]) };
  const states = new Set<RequestState>();
  let all = false;
  const labels: string[] = [];
  // Two-word states first ("in corso", "presa in carico").
  for (const [re, value] of STATE_WORDS.slice(0, 2)) {
    const m = re.exec(rest);
    if (m) {
      for (const s of value as RequestState[]) states.add(s);
      labels.push(m[0].trim());
      rest = rest.replace(re, ' ');
    }
  }
  let mine = false;
  const words: string[] = [];
  for (const word of rest.split(/\s+/).filter(Boolean)) {
    if (word === 'mie' || word === 'mia' || word === 'mio' || word === 'miei') {
      mine = true;
      labels.push('mie');
      continue;
    }
    const state = STATE_WORDS.slice(2).find(([re]) => re.test(word));
    if (state) {
      if (state[1] === 'all') all = true;
      else for (const s of state[1]) states.add(s);
      labels.push(word);
      continue;
    }
    words.push(word);
  }
  const codes = words.length ? await tx.network.findMany({ where: { code: { in: words.map((w) => w.toUpperCase()) } }, select: { id: true, code: true } }) : [];
  const networkIds = codes.map((c) => c.id);
  labels.push(...codes.map((c) => c.code));
  const left = words.filter((w) => !codes.some((c) => c.code === w.toUpperCase()));
  const kinds: string[] = [];
  if (left.length) {
    const whole = findKind(left.join(' '));
    if (whole) kinds.push(whole.code);
    else
      for (const w of left) {
        const k = findKind(w);
        if (!k) throw new AppError('invalid_input', t.unknownFilter(w));
        if (!kinds.includes(k.code)) kinds.push(k.code);
      }
    labels.push(...kinds.map((k) => kindShort(k)));
  }
  const scope = visibleNetworks(actor);
  if (scope !== null && networkIds.some((n) => !scope.includes(n))) {
    const other = codes.find((c) => !scope.includes(c.id))!;
    throw new AppError('forbidden', itRichieste.refuse.notReferentOf(other.code));
  }
  return {
    filter: {
      networkIds: networkIds.length ? networkIds : scope,
      kinds,
      states: all ? [...STATES] : states.size ? [...states] : actor.coordinator ? OPEN_STATES : [...STATES],
      mine,
      labels,
    },
  };
}

/** The networks whose requests a person sees: null for coordinators (all), else those they are referent of. */
export function visibleNetworks(actor: Actor): number[] | null {
  if (actor.coordinator) return null;
  return actor.memberships.filter((m) => m.role === 'referente').map((m) => m.networkId);
}

export interface ListedRequest {
  request: RequestRecord;
  network: NetworkRef;
  assignee: string;
}

export async function listRequests(tx: Tx, filter: RequestFilter, actor: Actor, limit: number): Promise<{ rows: ListedRequest[]; total: number }> {
  const onlyOpen = filter.states.every((s) => OPEN_STATES.includes(s));
  const where = {
    ...(filter.networkIds !== null ? { networkId: { in: filter.networkIds } } : {}),
    ...(filter.kinds.length ? { kind: { in: filter.kinds } } : {}),
    state: { in: filter.states },
    ...(filter.mine ? (actor.coordinator ? { assigneeId: actor.personId } : { openedById: actor.personId }) : {}),
  };
  // Coordinators see the open ones oldest first (who has waited longest); otherwise newest first.
  const orderBy = onlyOpen ? [{ openedAt: 'asc' as const }, { id: 'asc' as const }] : [{ updatedAt: 'desc' as const }, { id: 'desc' as const }];
  const requests = await tx.supportRequest.findMany({ where, orderBy, take: limit });
  const total = requests.length < limit ? requests.length : await tx.supportRequest.count({ where });
  const networks = await networkRefs(
    tx,
    requests.map((r) => r.networkId),
  );
  const names = await personNames(
    tx,
    requests.map((r) => r.assigneeId),
  );
  return {
    rows: requests.map((request) => ({
      request,
      network: networks.get(request.networkId) ?? { id: request.networkId, code: '?', name: '?' },
      assignee: request.assigneeId !== null ? (names.get(request.assigneeId) ?? '') : '',
    })),
    total,
  };
}
