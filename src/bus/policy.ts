// Who may use what: the one access policy of Reti (README, "Dati personali", has the same table).
// The dispatcher consults it for every command, subcommand and button before any capability runs;
// capabilities ask it for what depends on a role (partner contacts).
//
// | standing     | who                                                         | may use                          |
// | ------------ | ----------------------------------------------------------- | -------------------------------- |
// | esterno      | known only from a private chat or an unlinked group         | nothing: one notice, no row kept |
// | membro       | wrote in a network's channel, or configured as membro       | "everyone" commands and buttons  |
// | referente    | configured (or named by a coordinator) referente of a rete  | + "referente" commands, contacts |
// | coordinatore | ANCI Lombardia's team, from the configuration               | everything                       |
import type { Sighting } from './actors.js';
import type { Access, Actor } from './types.js';

/** The largest id a database row has (PostgreSQL `integer`). */
export const MAX_ROW_ID = 2_147_483_647;

/**
 * Whoever writes in a network's channel is admitted (and becomes a member of that network).
 * Elsewhere only a person with a role is: a member or referent of some network, or a coordinator.
 */
export function admitted({ network, actor }: Sighting): boolean {
  if (network) return true;
  return !!actor && (actor.coordinator || actor.memberships.length > 0);
}

export function allowed(access: Access | undefined, actor: Actor, networkId?: number): boolean {
  switch (access ?? 'everyone') {
    case 'everyone':
      return actor.coordinator || actor.memberships.length > 0;
    case 'coordinatore':
      return actor.coordinator;
    case 'referente':
      return actor.coordinator || actor.memberships.some((m) => m.role === 'referente' && (networkId === undefined || m.networkId === networkId));
  }
}

/** Partner contacts (names, e-mail, telephone) are shown to referents and coordinators only. */
export function seesPartnerContacts(actor: Actor): boolean {
  return actor.coordinator || actor.memberships.some((m) => m.role === 'referente');
}

/** A button's value names rows by number: one beyond the database's range was not made by Reti. */
export function forgedIds(value: string): boolean {
  return [...value.matchAll(/\d+/g)].some((m) => m[0].length > 10 || Number(m[0]) > MAX_ROW_ID);
}
