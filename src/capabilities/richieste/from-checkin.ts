// A confirmed check-in's «supporto» answer: each kind chosen opens a request for the network (or
// updates its open one), in the transaction that confirms the check-in. An edit that adds a kind
// opens it; one that removes a kind leaves the request alone (a coordinator may be on it already).
import type { Tx } from '../../db/client.js';
import type { CheckinSubmitted } from '../checkins/hooks.js';
import { findKind } from './kinds.js';
import type { Reach } from './repository.js';
import { openRequest } from './requests.js';

/** The check-in indicator whose answer is the kinds of support the network needs. */
export const SUPPORT_INDICATOR = 'supporto';
/** The indicator whose text goes with the request, for the coordinator who takes it. */
export const OBSTACLES_INDICATOR = 'ostacoli';

export async function requestsFromCheckin(tx: Tx, e: CheckinSubmitted, reach: Reach): Promise<number[]> {
  if (e.changed && !e.changed.includes(SUPPORT_INDICATOR)) return [];
  const answer = e.answers[SUPPORT_INDICATOR];
  if (!answer || !('choices' in answer)) return [];
  const obstacles = e.answers[OBSTACLES_INDICATOR];
  const note = obstacles && 'text' in obstacles ? obstacles.text : '';
  const kinds = [...new Set(answer.choices.map((c) => findKind(c)?.code).filter((c): c is string => Boolean(c)))];
  const ids: number[] = [];
  for (const kind of kinds) {
    const { request } = await openRequest(
      tx,
      e.at,
      {
        networkId: e.networkId,
        kind,
        need: note,
        dueBy: null,
        source: 'checkin',
        period: e.period,
        personId: e.personId,
      },
      reach,
    );
    ids.push(request.id);
  }
  return ids;
}
