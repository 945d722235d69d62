// A person promoted from the waiting list must learn of it. When their private chat refuses the
// message for good (Telegram: they never pressed /start, or blocked the bot), it goes to their
// other connected platform if they have one, otherwise to their network's channel with a link to open the
// private chat.
import { itLabs as t } from './texts.js';
import { enqueue } from '../../outbox/enqueue.js';
import type { FailureContext } from '../../outbox/failure-listener.js';
import { resendElsewhere } from '../networks/reroute.js';
import { audienceOf } from './repository.js';

export async function promotedUnreachable(ctx: FailureContext): Promise<void> {
  const { tx, row, payload, error } = ctx;
  if (error.kind !== 'unreachable' || payload.delivery.op !== 'send') return;
  const { labId, personId } = (payload.meta ?? {}) as { labId?: number; personId?: number };
  if (!labId || !personId) return;
  if (await resendElsewhere(ctx, personId)) return;
  const lab = await tx.lab.findUnique({ where: { id: labId } });
  const person = await tx.person.findUnique({ where: { id: personId }, include: { memberships: true } });
  if (!lab || !person) return;
  const audience = lab.allNetworks ? null : (await audienceOf(tx, labId)).ids;
  const networkIds = person.memberships.map((m) => m.networkId).filter((id) => audience === null || audience.includes(id));
  const channel = await tx.channel.findFirst({ where: { networkId: { in: networkIds }, platform: row.platform }, orderBy: { id: 'asc' } });
  if (!channel) return;
  const link = ctx.services.platforms.privateChatLink(row.platform, 'laboratori');
  await enqueue(tx, {
    delivery: {
      op: 'send',
      to: { platform: channel.platform, workspace: channel.workspace, chatId: channel.chatId },
      message: { text: t.signup.promotedInChannel(person.name, lab.title, lab.startsAt, lab.endsAt, link) },
    },
    dedupeKey: `${row.dedupeKey}:channel`,
  });
}
