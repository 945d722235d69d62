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
