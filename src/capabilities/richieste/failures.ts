// A private notice about a request or a meeting that the platform refuses for good (Telegram 403:
// the person never pressed /start, or blocked the bot). It goes to the person's other platform if
// they have one; otherwise the bot asks them, at most once a day, in the network's Telegram group
// to open the private chat (the link continues with /richieste).
import { enqueue } from '../../outbox/enqueue.js';
import type { FailureContext } from '../../outbox/failure-listener.js';
import { DateTime } from 'luxon';
import { ZONE } from '../../time.js';
import { resendElsewhere } from '../networks/reroute.js';
import { itRichieste as t } from './texts.js';

export async function privateNoticeUndeliverable(ctx: FailureContext): Promise<void> {
  const { tx, row, payload, error, services, now } = ctx;
  if (error.kind !== 'unreachable') return;
  const meta = payload.meta as { personId?: number; networkId?: number } | undefined;
  if (!meta?.personId || !meta.networkId) return;
  if (await resendElsewhere(ctx, meta.personId)) return;
  const group = await tx.channel.findFirst({ where: { networkId: meta.networkId, platform: row.platform }, orderBy: { id: 'asc' } });
  if (!group || group.chatId === row.chatId) return;
  const account = await tx.account.findFirst({ where: { personId: meta.personId, platform: row.platform }, include: { person: { select: { name: true } } } });
  const who = account?.username ? `@${account.username}` : (account?.person.name ?? '');
  const text = t.unreachable(who, services.platforms.privateChatLink(row.platform, 'richieste'));
  const day = DateTime.fromJSDate(now, { zone: ZONE }).toISODate();
  await enqueue(tx, {
    delivery: { op: 'send', to: { platform: group.platform, workspace: group.workspace, chatId: group.chatId }, message: { text } },
    dedupeKey: `richieste-ask:${meta.networkId}:${meta.personId}:${day}`,
  });
}
