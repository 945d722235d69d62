// Who is talking, and where: platform accounts become people; a person first seen in a network's
// channel becomes a member of that network, so every command works from their first message.
import type { Tx } from '../db/client.js';
import type { ActorRef, ChatRef } from '../platform/port.js';
import type { Actor, ChatContext, Membership, Role } from './types.js';

export async function resolveChat(tx: Tx, chat: ChatRef): Promise<ChatContext> {
  if (chat.kind === 'private') return { ...chat, network: null };
  const channel = await tx.channel.findUnique({
    where: { platform_workspace_chatId: { platform: chat.platform, workspace: chat.workspace, chatId: chat.chatId } },
    include: { network: { select: { id: true, code: true, name: true } } },
  });
  return { ...chat, network: channel?.network ?? null };
}

interface Found {
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
 * memberships (as separate Prisma queries this was five). A person seen for the first time, or
 * first seen in a network's channel, takes the longer path below.
 */
export async function resolveChatAndActor(tx: Tx, chatRef: ChatRef, ref: ActorRef, now: Date): Promise<{ chat: ChatContext; actor: Actor }> {
  const group = chatRef.kind !== 'private';
  const [found] = await tx.$queryRaw<Found[]>`
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
  const chat: ChatContext = { ...chatRef, network: found?.network ?? null };
  const a = found?.actor;
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

export async function resolveActor(tx: Tx, ref: ActorRef, chat: ChatContext, now: Date): Promise<Actor> {
  let account = await tx.account.findUnique({ where: { platform_externalId: { platform: ref.platform, externalId: ref.userId } } });
  if (!account) {
    const person = await tx.person.create({ data: { name: ref.displayName || ref.username || ref.userId } });
    account = await tx.account.create({
      data: {
        personId: person.id,
        platform: ref.platform,
        workspace: ref.workspace,
        externalId: ref.userId,
        displayName: ref.displayName,
        username: ref.username ?? '',
        lastSeenAt: now,
      },
    });
  } else {
    const writesPrivately = chat.kind === 'private';
    const data = {
      ...(ref.displayName && ref.displayName !== account.displayName ? { displayName: ref.displayName } : {}),
      ...(ref.username !== undefined && ref.username !== account.username ? { username: ref.username } : {}),
      ...(ref.workspace && !account.workspace ? { workspace: ref.workspace } : {}),
      // Writing to the bot privately makes the account reachable again (Telegram /start).
      ...(writesPrivately && account.unreachable ? { unreachable: null } : {}),
    };
    // lastSeenAt is kept to the minute: most events then write nothing here.
    const stale = !account.lastSeenAt || now.getTime() - account.lastSeenAt.getTime() > 60_000;
    if (Object.keys(data).length || stale) account = await tx.account.update({ where: { id: account.id }, data: { ...data, lastSeenAt: now } });
  }
  const actor = await loadActor(tx, account.personId, account);
  if (chat.network && !actor.memberships.some((m) => m.networkId === chat.network!.id)) {
    await tx.membership.createMany({
      data: [{ personId: account.personId, networkId: chat.network.id, role: 'membro' }],
      skipDuplicates: true,
    });
    return loadActor(tx, account.personId, account);
  }
  return actor;
}

export async function loadActor(tx: Tx, personId: number, account: { id: number; platform: string; workspace: string; externalId: string }): Promise<Actor> {
  const person = await tx.person.findUniqueOrThrow({
    where: { id: personId },
    include: { memberships: { include: { network: { select: { code: true, name: true } } }, orderBy: { networkId: 'asc' } } },
  });
  const memberships: Membership[] = person.memberships.map((m) => ({
    networkId: m.networkId,
    code: m.network.code,
    name: m.network.name,
    role: m.role as Role,
  }));
  return {
    personId: person.id,
    name: person.name,
    coordinator: person.coordinator,
    account: { id: account.id, platform: account.platform, workspace: account.workspace, externalId: account.externalId },
    memberships,
  };
}
