// Which network a referent (or coordinator) acts for in a Legami command: the code typed, the
// channel's, or their only one.
import type { Actor } from '../../bus/types.js';
import type { Tx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { networkByCode } from '../networks/directory.js';
import { itPractices } from './practice-texts.js';

export interface ActingNetwork {
  id: number;
  code: string;
  name: string;
  themes: string[];
}

/**
 * `channelNetworkId`: the network of the channel the command was typed in, if any. `command` is
 * named in the message asking to choose (e.g. "/buonapratica").
 */
export async function actingNetwork(
  tx: Tx,
  actor: Pick<Actor, 'memberships' | 'coordinator'>,
  code: string | undefined,
  channelNetworkId: number | undefined,
  command: string,
): Promise<ActingNetwork> {
  const pick = (id: number) => tx.network.findUniqueOrThrow({ where: { id }, select: { id: true, code: true, name: true, themes: true } });
  if (code) {
    const network = await networkByCode(tx, code);
    const referent = actor.memberships.some((m) => m.networkId === network.id && m.role === 'referente');
    if (!referent && !actor.coordinator) throw new AppError('forbidden', itPractices.notReferentOf(network.code));
    return pick(network.id);
  }
  if (channelNetworkId !== undefined) return pick(channelNetworkId);
  const own = actor.memberships.filter((m) => m.role === 'referente');
  if (own.length === 1) return pick(own[0]!.networkId);
  throw new AppError(
    'invalid_input',
    itPractices.chooseNetwork(
      command,
      own.map((m) => m.code),
    ),
  );
}
