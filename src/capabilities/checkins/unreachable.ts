// A prompt or reminder a platform refused to deliver privately, on a platform where the bot may not
// write first (Telegram 403: the referent never pressed /start, or blocked the bot). The account is
// already marked unreachable by the outbox. If the person has another account the bot can write to,
// the prompt goes there; otherwise the bot asks them once in the network's group on that same
// platform to open the private chat (through a deep link where the platform has them), and records
// the prompt as pending. `/start checkin` (the link) then starts the check-in.
import type { FailureContext } from '../../outbox/failure-listener.js';
import { enqueue } from '../../outbox/enqueue.js';
import { resendElsewhere } from '../networks/reroute.js';
import { askKey, groupAskMessage, groupAskVia } from './notices.js';
import { isOpen } from './rounds.js';

export async function promptUndeliverable(ctx: FailureContext): Promise<void> {
  const { tx, row, payload, error, services, now } = ctx;
  if (error.kind !== 'unreachable') return;
  const via = groupAskVia(services.platforms, row.platform);
  if (!via) return; // the bot may write first there: refused for another reason, nothing to ask
  const meta = payload.meta as { roundId?: number; personId?: number } | undefined;
  if (!meta?.roundId || !meta.personId) return;
  const round = await tx.checkinRound.findUnique({ where: { id: meta.roundId }, include: { network: { select: { code: true } } } });
  if (!round || round.completedAt || !isOpen(round, now)) return;
  const to = await resendElsewhere(ctx, meta.personId);
  if (to) {
    await tx.checkinPrompt.updateMany({
      where: { roundId: round.id, personId: meta.personId, status: 'queued' },
      data: { platform: to.platform, chatId: to.chatId },
    });
    return;
  }
  const group = await tx.channel.findFirst({ where: { networkId: round.networkId, platform: row.platform }, orderBy: { id: 'asc' } });
  const where = { roundId: round.id, personId: meta.personId, status: 'queued' };
  if (!group) {
    await tx.checkinPrompt.updateMany({ where, data: { status: 'pending' } });
    return;
  }
  const account = await tx.account.findUnique({
    where: { platform_externalId: { platform: row.platform, externalId: row.chatId } },
    include: { person: { select: { name: true } } },
  });
  const person = { name: account?.person.name ?? account?.displayName ?? '', username: via.usernames ? (account?.username ?? '') : '' };
  await enqueue(tx, {
    delivery: {
      op: 'send',
      to: { platform: group.platform, workspace: group.workspace, chatId: group.chatId },
      message: groupAskMessage(person, round.network.code, via),
    },
    dedupeKey: askKey(round.network.code, round.period, meta.personId),
  });
  await tx.checkinPrompt.updateMany({ where, data: { status: 'pending', via: 'group', chatId: group.chatId } });
}
