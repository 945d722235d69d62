// Who is talking, and where: platform accounts become people; a person first seen in a network's
// channel becomes a member of that network, so every command works from their first message.
import type { Tx } from '../db/client.js';
import type { ActorRef, ChatRef } from '../platform/port.js';
import type { Actor, ChatContext, Membership, Role } from './types.js';

/** What one query finds of an event's chat and sender (the account is null for someone never seen). */
export interface Sighting {
  network: ChatContext['network'];
  actor: {
    id: number;
    personId: number;
    workspace: string;
    displayName: string;
    username: string;
    unreachable: string | null;
    lastSeenAt: string | null;
    name: string;
    coordinator: boolean;
    memberships: Membership[];
  } | null;
}

/**
 * Who and where in one round trip: the channel's network and the account with its person and
 * memberships (as separate Prisma queries this was five). Reads only: the access policy decides
 * on it before anything about the sender is written.
 */
export async function lookUp(tx: Tx, chatRef: ChatRef, ref: ActorRef): Promise<Sighting> {
  const group = chatRef.kind !== 'private';
  const [found] = await tx.$queryRaw<Sighting[]>`
    SELECT
      (SELECT json_build_object('id', n.id, 'code', n.code, 'name', n.name)
         FROM channel c JOIN network n ON n.id = c.network_id
        WHERE ${group} AND c.platform = ${chatRef.platform} AND c.workspace = ${chatRef.workspace} AND c.chat_id = ${chatRef.chatId}) AS network,
      (SELECT json_build_object('id', a.id, 'personId', a.person_id, 'workspace', a.workspace, 'displayName', a.display_name,
              'username', a.username, 'unreachable', a.unreachable, 'lastSeenAt', a.last_seen_at, 'name', p.name, 'coordinator', p.coordinator,
              'memberships', COALESCE((SELECT json_agg(json_build_object('networkId', m.network_id, 'code', mn.code, 'name', mn.name, 'role', m.role) ORDER BY m.network_id)
                                         FROM membership m JOIN network mn ON mn.id = m.network_id WHERE m.person_id = p.id), '[]'::json))
         FROM account a JOIN person p ON p.id = a.person_id
        WHERE a.platform = ${ref.platform} AND a.external_id = ${ref.userId}) AS actor`;
  return { network: found?.network ?? null, actor: found?.actor ?? null };
}

/**
 * The chat and the actor of an event, from its sighting (looked up here when not given). A person
 * seen for the first time, or first seen in a network's channel, takes the longer path below.
 */
export async function resolveChatAndActor(
  tx: Tx,
  chatRef: ChatRef,
  ref: ActorRef,
  now: Date,
  sighting?: Sighting,
): Promise<{ chat: ChatContext; actor: Actor }> {
  const found = sighting ?? (await lookUp(tx, chatRef, ref));
  const chat: ChatContext = { ...chatRef, network: found.network };
  const a = found.actor;
  if (!a) return { chat, actor: await newcomer(tx, ref, chat, now) };
  const network = chat.network;
  if (network && !a.memberships.some((m) => m.networkId === network.id)) {
    // First seen in this network's channel: a member from now on.
    await tx.membership.createMany({ data: [{ personId: a.personId, networkId: network.id, role: 'membro' }], skipDuplicates: true });
    a.memberships = [...a.memberships, { networkId: network.id, code: network.code, name: network.name, role: 'membro' as Role }].sort(
      (x, y) => x.networkId - y.networkId,
    );
  }
  const lastSeenAt = a.lastSeenAt ? new Date(a.lastSeenAt) : null;
  const data = {
    ...(ref.displayName && ref.displayName !== a.displayName ? { displayName: ref.displayName } : {}),
    ...(ref.username !== undefined && ref.username !== a.username ? { username: ref.username } : {}),
    ...(ref.workspace && !a.workspace ? { workspace: ref.workspace } : {}),
    ...(chat.kind === 'private' && a.unreachable ? { unreachable: null } : {}),
  };
  const stale = !lastSeenAt || now.getTime() - lastSeenAt.getTime() > 60_000;
  if (Object.keys(data).length || stale) await tx.account.update({ where: { id: a.id }, data: { ...data, lastSeenAt: now } });
  const workspace = data.workspace ?? a.workspace;
  return {
    chat,
    actor: {
      personId: a.personId,
      name: a.name,
      coordinator: a.coordinator,
      account: { id: a.id, platform: ref.platform, workspace, externalId: ref.userId },
      memberships: a.memberships,
    },
  };
}

/** Someone never seen: a person and an account (and a membership, in a network's channel), written, not read back. */
async function newcomer(tx: Tx, ref: ActorRef, chat: ChatContext, now: Date): Promise<Actor> {
  const name = ref.displayName || ref.username || ref.userId;
  const account = await tx.account.create({
    data: {
      person: { create: { name } },
      platform: ref.platform,
      workspace: ref.workspace,
      externalId: ref.userId,
      displayName: ref.displayName,
      username: ref.username ?? '',
      lastSeenAt: now,
    },
  });
  const memberships: Membership[] = [];
  if (chat.network) {
    await tx.membership.create({ data: { personId: account.personId, networkId: chat.network.id, role: 'membro' } });
    memberships.push({ networkId: chat.network.id, code: chat.network.code, name: chat.network.name, role: 'membro' });
  }
  return {
    personId: account.personId,
    name,
    coordinator: false,
    account: { id: account.id, platform: account.platform, workspace: account.workspace, externalId: account.externalId },
    memberships,
  };
}
