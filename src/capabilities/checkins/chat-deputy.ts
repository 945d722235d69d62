// /checkin sostituto in chat: shows, names (with a mention and a period) or removes («nessuno») the
// deputy who answers the check-in in the referent's place. The deputy is told privately.
import type { Context } from '../../bus/types.js';
import { AppError } from '../../errors.js';
import { coreTexts } from '../../i18n/core-texts.js';
import { enqueue } from '../../outbox/enqueue.js';
import { romeDay } from '../networks/calendar.js';
import { findPerson } from '../networks/directory.js';
import { parseDay, parsePeriod } from '../networks/period-input.js';
import { preferredAddress } from '../networks/private-addresses.js';
import { deputyOf, removeDeputy, setDeputy } from './deputies.js';
import { itCheckins } from './texts.js';

const t = itCheckins.deputy;

/** /checkin sostituto [@persona dal AAAA-MM-GG al AAAA-MM-GG | nessuno] */
export async function deputyCommand(ctx: Context, words: string[]): Promise<void> {
  const me = ctx.actor.personId;
  const today = romeDay(ctx.now);
  if (!ctx.actor.memberships.some((m) => m.role === 'referente')) throw new AppError('forbidden', t.onlyReferents);
  if (words.length === 0) {
    const current = await deputyOf(ctx.tx, me, today);
    return ctx.reply(current ? t.shown(current.deputyName, current.from, current.to) : t.none);
  }
  if (words.length === 1 && words[0]!.toLowerCase() === 'nessuno') {
    const current = await deputyOf(ctx.tx, me, today);
    const removed = await removeDeputy(ctx.tx, me);
    return ctx.reply(removed && current ? t.removed(current.deputyName) : t.nothingToRemove);
  }
  // The person: the words before the period («dal» or the first date).
  const cut = words.findIndex((w) => /^dal$/i.test(w) || parseDay(w) !== null);
  const typed = (cut < 0 ? words : words.slice(0, cut)).join(' ');
  if (!typed) throw new AppError('invalid_input', t.who);
  const deputy = await findPerson(ctx.tx, ctx.actor.account.platform, typed);
  if (!deputy) throw new AppError('not_found', coreTexts.network.personNotFound(typed));
  if (deputy.id === me) throw new AppError('invalid_input', t.self);
  const parsed = parsePeriod(cut < 0 ? [] : words.slice(cut), today);
  if (!parsed.ok) throw new AppError('invalid_input', parsed.message);
  const { from, to } = parsed.period;
  await setDeputy(ctx.tx, me, deputy.id, parsed.period);
  const address = await preferredAddress(ctx.tx, deputy.id, ctx.services.platforms.connected());
  if (address) {
    await enqueue(ctx.tx, {
      delivery: {
        op: 'send',
        to: { platform: address.platform, workspace: address.workspace, chatId: address.chatId },
        message: { text: t.notified(ctx.actor.name, from, to) },
      },
      dedupeKey: `checkin-deputy:${me}:${deputy.id}:${from}:${to}`,
    });
  }
  await ctx.reply(t.set(deputy.name, from, to));
}
