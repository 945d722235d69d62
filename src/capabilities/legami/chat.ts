// The chat side of the Legami commands: guided forms that continue in the person's private chat
// when the command was typed in a group, personal answers kept out of public groups, and the
// message whose button was pressed rewritten to show what happened.
import { addressOfActor, type Context } from '../../bus/types.js';
import type { FormState } from '../../conversation/form.js';
import { addressOf, type OutMessage } from '../../platform/port.js';
import { itPractices } from './practice-texts.js';

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

/** Something only for the person: in a group where replies cannot be shown to one person only, it goes privately, and the group hears `note`. */
export async function replyPersonally(ctx: Context, message: OutMessage, note: string): Promise<void> {
  if (ctx.chat.kind === 'group' && !ctx.platform.ephemeral) {
    await ctx.replyPrivately(message);
    return ctx.reply(note);
  }
  await ctx.reply(message);
}

/** Rewrites the message whose button was pressed (when the platform said which one it was). */
export async function rewritePressed(ctx: Context, message: OutMessage): Promise<void> {
  const event = ctx.event;
  if (event.type !== 'action' || !event.messageId) return;
  await ctx.send({ delivery: { op: 'update', to: addressOf(ctx.chat), messageId: event.messageId, message } });
}
