// The chat side of the laboratori: who signs up (the actor as a Participant), how an answer will be
// seen (privately, or publicly in a group), the vote buttons after a session, and the guided
// conversation that creates a laboratorio where the platform has no native forms.
import type { Actor, Context } from '../../bus/types.js';
import { newForm } from '../../conversation/form.js';
import { AppError } from '../../errors.js';
import { FEEDBACK_FLOW, recordVote } from './feedback.js';
import { guidedFields, NEW_LAB_FLOW } from './forms.js';
import type { Participant } from './model.js';
import type { AnswerView } from './render.js';
import { itLabs } from './texts.js';

export function participantOf(actor: Actor): Participant {
  return {
    personId: actor.personId,
    coordinator: actor.coordinator,
    networkIds: actor.memberships.map((m) => m.networkId),
    platform: actor.account.platform,
  };
}

/** In a group where replies cannot be shown to one person only, the answer says whom it is for. */
export function answerView(ctx: Context): AnswerView {
  return { inPrivate: ctx.chat.kind === 'private', publicFor: ctx.chat.kind === 'group' && !ctx.platform.ephemeral ? ctx.actor.name : null };
}

/**
 * A press on a vote button ("12:4"): the vote is stored at once; then, in a private chat with no
 * other conversation going on, one question asks for an optional comment. A changed vote is only
 * thanked.
 */
export async function pressVote(ctx: Context, value: string): Promise<void> {
  const t = itLabs.feedback;
  const m = /^(\d+):([1-5])$/.exec(value);
  if (!m) throw new AppError('invalid_input', t.notParticipant);
  const [labId, rating] = [Number(m[1]), Number(m[2])];
  const personId = ctx.actor.personId;
  const { changed } = await recordVote(ctx.tx, labId, personId, rating);
  const active = await ctx.services.conversations.active(ctx.tx, ctx.chat, personId);
  if (changed || active || ctx.chat.kind !== 'private') return ctx.reply(changed ? t.updated(rating) : t.thanks(rating));
  await ctx.services.conversations.start(ctx, FEEDBACK_FLOW, {
    personId,
    address: ctx.chat,
    state: { labId, rating },
    step: 'comment',
    say: [t.thanks(rating)],
  });
}

/** /laboratori nuovo where there are no native forms: the guided conversation, in the private chat. */
export async function startNewLab(ctx: Context): Promise<void> {
  if (ctx.chat.kind !== 'private') return ctx.reply(itLabs.admin.newInPrivate(ctx.privateChatLink('laboratori')));
  const conversations = ctx.services.conversations;
  const [current] = await conversations.find(ctx.tx, ctx.actor.personId, NEW_LAB_FLOW);
  if (current) return conversations.resume(ctx, current.id);
  await conversations.start(ctx, NEW_LAB_FLOW, {
    personId: ctx.actor.personId,
    address: ctx.chat,
    state: newForm(itLabs.admin.guidedTitle, guidedFields),
    step: 'ask',
  });
}
