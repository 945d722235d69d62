// /rete pausa and /rete riprendi in chat: which network (the code typed, the channel's, or the
// referent's only one), who may (its referents and the coordinators), and what came of it.
import type { Context } from '../../bus/types.js';
import { AppError } from '../../errors.js';
import { DateTime } from 'luxon';
import { ZONE } from '../../time.js';
import { networkByCode } from './directory.js';
import { parseDay, parsePeriod } from './period-input.js';
import { pauseNetwork, resumeNetwork } from './pauses.js';
import { itCalendar as t } from './texts.js';

/** Words of the period that are not a network code: «dal 2027-08-01 al 2027-08-31». */
const CONNECTORS = /^(dal|al|fino)$/i;

function today(ctx: Context): { today: string; yesterday: string } {
  const d = DateTime.fromJSDate(ctx.now, { zone: ZONE });
  return { today: d.toISODate()!, yesterday: d.minus({ days: 1 }).toISODate()! };
}

/** The network named by a leading code (a word that is not a date), else the channel's, else the referent's only one. */
async function targetNetwork(ctx: Context, words: string[]): Promise<{ network: { id: number; code: string }; rest: string[] }> {
  const first = words[0];
  let network: { id: number; code: string } | null = null;
  let rest = words;
  if (first && !parseDay(first) && !CONNECTORS.test(first) && /^[A-Za-z]/.test(first)) {
    network = await networkByCode(ctx.tx, first);
    rest = words.slice(1);
  } else if (ctx.chat.network) {
    network = ctx.chat.network;
  } else if (!ctx.actor.coordinator) {
    const mine = ctx.actor.memberships.filter((m) => m.role === 'referente');
    if (mine.length > 1) throw new AppError('invalid_input', t.pause.whichOfYours(mine.map((m) => m.code)));
    if (mine.length === 1) network = { id: mine[0]!.networkId, code: mine[0]!.code };
  }
  if (!network) throw new AppError('invalid_input', t.pause.whichNetwork);
  const referent = ctx.actor.memberships.some((m) => m.role === 'referente' && m.networkId === network.id);
  if (!ctx.actor.coordinator && !referent) throw new AppError('forbidden', t.pause.notYours(network.code));
  return { network, rest };
}

/** /rete pausa [CODICE] AAAA-MM-GG AAAA-MM-GG */
export async function pauseCommand(ctx: Context, words: string[]): Promise<void> {
  const { network, rest } = await targetNetwork(ctx, words);
  const parsed = parsePeriod(rest, today(ctx).today);
  if (!parsed.ok) throw new AppError('invalid_input', parsed.message);
  const result = await pauseNetwork(ctx.tx, network.id, parsed.period, ctx.actor.personId);
  if (!result.ok) throw new AppError('invalid_input', t.pause.overlaps(network.code, result.overlaps.from, result.overlaps.to));
  await ctx.reply(t.pause.done(network.code, parsed.period.from, parsed.period.to), { visibility: 'public' });
}

/** /rete riprendi [CODICE] */
export async function resumeCommand(ctx: Context, words: string[]): Promise<void> {
  const { network, rest } = await targetNetwork(ctx, words);
  if (rest.length) throw new AppError('invalid_input', t.pause.resumeExtra);
  const days = today(ctx);
  const ended = await resumeNetwork(ctx.tx, network.id, days.today, days.yesterday);
  if (!ended) return ctx.reply(t.pause.nothingToResume(network.code));
  await ctx.reply(t.pause.resumed(network.code, ended.from, ended.to), { visibility: 'public' });
}
