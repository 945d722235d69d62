// Helpers of the Legami commands: which network a referent acts for, and guided forms that
// continue in the person's private chat when the command was typed in a group.
import { addressOfActor, type Context } from '../../bus/types.js';
import type { FormState } from '../../conversation/form.js';
import { AppError } from '../../errors.js';
import { itPractices } from './practice-texts.js';
import { networkByCode } from '../networks/directory.js';

export interface ActingNetwork {
  id: number;
  code: string;
  name: string;
  themes: string[];
}

/** The network a referent (or coordinator) acts for: the code typed, the channel's, or their only one. */
export async function actingNetwork(ctx: Context, code: string | undefined, command: string): Promise<ActingNetwork> {
  const pick = (id: number) => ctx.tx.network.findUniqueOrThrow({ where: { id }, select: { id: true, code: true, name: true, themes: true } });
  if (code) {
    const network = await networkByCode(ctx.tx, code);
    const referent = ctx.actor.memberships.some((m) => m.networkId === network.id && m.role === 'referente');
    if (!referent && !ctx.actor.coordinator) throw new AppError('forbidden', itPractices.notReferentOf(network.code));
    return pick(network.id);
  }
  if (ctx.chat.network) return pick(ctx.chat.network.id);
  const own = ctx.actor.memberships.filter((m) => m.role === 'referente');
  if (own.length === 1) return pick(own[0]!.networkId);
  throw new AppError(
    'invalid_input',
    itPractices.chooseNetwork(
      command,
      own.map((m) => m.code),
    ),
  );
}

/**
 * Starts (or resumes, for the same network) a guided form in the person's private chat. In a
 * group it says so, with a link that opens the private chat where the platform has one.
 */
export async function startPrivateForm(
  ctx: Context,
  opts: { flow: string; state: FormState; intro: string; command: string; continuePrivately: string },
): Promise<void> {
  const conversations = ctx.services.conversations;
  const address = addressOfActor(ctx.actor);
  const open = await conversations.find(ctx.tx, ctx.actor.personId, opts.flow);
  const same = open.find((c) => (c.state as FormState).subject?.networkId === opts.state.subject.networkId);
  for (const c of open) if (c !== same) await conversations.close(ctx.tx, c.id, 'cancelled');
  if (same) await conversations.resume(ctx, same.id);
  else await conversations.start(ctx, opts.flow, { personId: ctx.actor.personId, address, state: opts.state, step: 'ask', say: [opts.intro] });
  if (ctx.chat.kind === 'group') {
    const link = ctx.privateChatLink(opts.command);
    await ctx.reply([opts.continuePrivately, link ? itPractices.form.openPrivately(link) : ''].filter(Boolean).join('\n'));
  }
}
