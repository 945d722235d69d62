// Networks, their channels and people: what /rete shows and changes.
import type { Tx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { coreTexts } from '../../i18n/core-texts.js';
import type { Address } from '../../platform/port.js';

export async function networkByCode(tx: Tx, code: string) {
  const network = await tx.network.findUnique({ where: { code: code.trim().toUpperCase() } });
  if (!network) throw new AppError('not_found', coreTexts.network.unknownCode(code));
  return network;
}

export async function networkSummary(tx: Tx, networkId: number) {
  const network = await tx.network.findUniqueOrThrow({
    where: { id: networkId },
    include: {
      memberships: { where: { role: 'referente' }, include: { person: { select: { name: true } } } },
      _count: { select: { memberships: true, partners: true, channels: true } },
    },
  });
  return {
    code: network.code,
    name: network.name,
    area: network.area,
    themes: network.themes,
    referents: network.memberships.map((m) => m.person.name).sort((a, b) => a.localeCompare(b, 'it')),
    members: network._count.memberships,
    partners: network._count.partners,
    channels: network._count.channels,
  };
}

/** Links a chat to a network; returns the code of the network it was linked to before, if any. */
export async function linkChannel(tx: Tx, chat: Address & { title?: string }, networkId: number): Promise<{ previous: string | null; changed: boolean }> {
  const existing = await tx.channel.findUnique({
    where: { platform_workspace_chatId: { platform: chat.platform, workspace: chat.workspace, chatId: chat.chatId } },
    include: { network: { select: { code: true } } },
  });
  if (existing?.networkId === networkId) return { previous: existing.network.code, changed: false };
  if (existing) {
    await tx.channel.update({ where: { id: existing.id }, data: { networkId } });
    return { previous: existing.network.code, changed: true };
  }
  await tx.channel.create({ data: { platform: chat.platform, workspace: chat.workspace, chatId: chat.chatId, title: chat.title ?? '', networkId } });
  return { previous: null, changed: true };
}

/** Makes a person a referent of a network; false when they already were. */
export async function assignReferent(tx: Tx, personId: number, networkId: number): Promise<boolean> {
  const current = await tx.membership.findUnique({ where: { personId_networkId: { personId, networkId } } });
  if (current?.role === 'referente') return false;
  await tx.membership.upsert({
    where: { personId_networkId: { personId, networkId } },
    create: { personId, networkId, role: 'referente' },
    update: { role: 'referente' },
  });
  return true;
}

/** Takes a person's role in a network away: a referent becomes a member, a member leaves the network. */
export async function removeFromNetwork(tx: Tx, personId: number, networkId: number): Promise<'demoted' | 'removed' | 'absent'> {
  const current = await tx.membership.findUnique({ where: { personId_networkId: { personId, networkId } } });
  if (!current) return 'absent';
  if (current.role === 'referente') {
    await tx.membership.update({ where: { id: current.id }, data: { role: 'membro' } });
    return 'demoted';
  }
  await tx.membership.delete({ where: { id: current.id } });
  return 'removed';
}

/**
 * Finds a person from what was typed after a command: a platform mention (`<@U123>`, which the
 * adapters produce for Slack mentions and Telegram text mentions), an @username, or a full name.
 */
export async function findPerson(tx: Tx, platform: string, who: string) {
  const mention = /^<@([^>|]+)(?:\|[^>]*)?>$/.exec(who);
  if (mention) {
    const account = await tx.account.findUnique({ where: { platform_externalId: { platform, externalId: mention[1]! } }, include: { person: true } });
    return account?.person ?? null;
  }
  if (who.startsWith('@')) {
    const account = await tx.account.findFirst({
      where: { platform, username: { equals: who.slice(1), mode: 'insensitive' } },
      include: { person: true },
    });
    if (account) return account.person;
  }
  const byName = await tx.person.findMany({ where: { name: { equals: who.replace(/^@/, '').trim(), mode: 'insensitive' } }, take: 2 });
  return byName.length === 1 ? byName[0]! : null;
}
