// The check-in in chat: /checkin, the prompt's «Inizia» button and «Modifica le risposte». Picks
// where to talk (the person's private chat), asks the session to begin, and says what came of it.
import { addressOfActor, type Context, type Membership } from '../../bus/types.js';
import { AppError } from '../../errors.js';
import { coreTexts } from '../../i18n/core-texts.js';
import type { Address, OutMessage } from '../../platform/port.js';
import { START_ACTION, editOffer } from './notices.js';
import { romeDay } from '../networks/calendar.js';
import { networksAsDeputy } from './deputies.js';
import { completedNetworks } from './rounds.js';
import { beginCheckin, beginEdit, openRoundFromButton, requireReferent, type BeginOutcome, type Starter } from './session.js';
import { itCheckins as t } from './texts.js';

/** Where the conversation happens, and how to answer the person there. */
interface Where {
  address: Address;
  say(message: OutMessage | string): Promise<void>;
}

function privately(ctx: Context): Where {
  if (ctx.chat.kind === 'private') return { address: ctx.chat, say: (m) => ctx.reply(m) };
  return { address: addressOfActor(ctx.actor), say: (m) => ctx.replyPrivately(m) };
}

/** The networks the person answers for: as a referent, and today as a referent's deputy. */
async function referentNetworks(ctx: Context): Promise<Membership[]> {
  const own = ctx.actor.memberships.filter((m) => m.role === 'referente');
  const deputy = await networksAsDeputy(ctx.tx, ctx.actor.personId, romeDay(ctx.now));
  return [...own, ...deputy.filter((d) => !own.some((m) => m.networkId === d.networkId))];
}

async function starter(ctx: Context, where: Where): Promise<Starter> {
  const networks = await referentNetworks(ctx);
  return { personId: ctx.actor.personId, name: ctx.actor.name, referentOf: networks.map((m) => m.networkId), address: where.address };
}

function said(outcome: BeginOutcome): OutMessage | string | null {
  switch (outcome.status) {
    case 'asking':
      return null;
    case 'submitted':
      return editOffer(t.alreadySubmitted(outcome.by, outcome.submittedAt, outcome.network, outcome.period, outcome.closesAt), outcome.roundId);
    case 'busy':
      return t.busy(outcome.by, outcome.network, outcome.lastActivityAt, outcome.takeoverAt);
    case 'no-questions':
      return t.noQuestions;
    case 'closed':
      return t.buttonClosed;
  }
}

async function tell(where: Where, outcome: BeginOutcome): Promise<void> {
  const message = said(outcome);
  if (message) await where.say(message);
}

async function chooseNetwork(ctx: Context, networks: Membership[], where: Where): Promise<void> {
  const completed = await completedNetworks(
    ctx.tx,
    ctx.now,
    networks.map((m) => m.networkId),
  );
  await where.say({
    text: t.choose,
    blocks: [
      { type: 'text', text: t.choose },
      {
        type: 'buttons',
        buttons: networks.map((m) => ({ label: t.chooseLabel(m, completed.has(m.networkId)), action: START_ACTION, value: `n${m.networkId}` })),
      },
    ],
  });
}

/** /checkin [CODICE]: the check-in of the person's network (of the one typed, of the channel's, or chosen from a list). */
export async function checkinCommand(ctx: Context, code?: string): Promise<void> {
  let networks = await referentNetworks(ctx);
  if (code) {
    networks = networks.filter((m) => m.code === code.toUpperCase());
    if (networks.length === 0) throw new AppError('forbidden', t.notReferentOf(code));
  } else if (ctx.chat.network && networks.some((m) => m.networkId === ctx.chat.network!.id)) {
    networks = networks.filter((m) => m.networkId === ctx.chat.network!.id);
  }
  // Members who are nobody's deputy get the bus's usual answer; coordinators are told they answer for no network.
  if (networks.length === 0) throw new AppError('forbidden', ctx.actor.coordinator ? t.notReferent : coreTexts.error.referentsOnly);
  if (ctx.chat.kind === 'group') {
    // Where the bot may not write first, a deep link (where the platform has them) opens the
    // private chat on /start checkin; elsewhere the bot writes in the private chat right away.
    const link = !ctx.platform.writesFirst && ctx.platform.deepLinks ? ctx.privateChatLink('checkin') : undefined;
    if (link) return ctx.reply(t.group.openPrivately(link));
    await ctx.reply(t.group.wroteYou);
  }
  const where = privately(ctx);
  if (networks.length > 1) return chooseNetwork(ctx, networks, where);
  await tell(where, await beginCheckin(ctx, await starter(ctx, where), networks[0]!.networkId, ctx.services.checkins.openCron));
}

/** The «Inizia» button of a prompt or reminder ("r<round>"), or a network chosen from the list ("n<network>"). */
export async function pressStart(ctx: Context, value: string): Promise<void> {
  const where = privately(ctx);
  const who = await starter(ctx, where);
  const network = /^n(\d+)$/.exec(value)?.[1];
  const round = network ? null : await openRoundFromButton(ctx.tx, ctx.now, value);
  if (!network && !round) return where.say(t.buttonClosed);
  const networkId = network ? Number(network) : round!.networkId;
  requireReferent(who.referentOf, networkId);
  await tell(where, await beginCheckin(ctx, who, networkId, ctx.services.checkins.openCron));
}

/** The «Modifica le risposte» button ("r<round>"). */
export async function pressEdit(ctx: Context, value: string): Promise<void> {
  const id = /^r(\d+)$/.exec(value)?.[1];
  if (!id) return ctx.reply(t.buttonClosed);
  const where = privately(ctx);
  await tell(where, await beginEdit(ctx, await starter(ctx, where), Number(id), ctx.services.checkins.openCron));
}
