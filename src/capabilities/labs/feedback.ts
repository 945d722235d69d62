// Feedback after a laboratorio: the vote (1–5) is stored the moment its button is pressed; then a
// one-question conversation asks for an optional comment. Pressing another number changes the
// vote. If the person is in the middle of another conversation (a check-in), it is not
// interrupted: the vote is stored and thanked, and no comment is asked.
import { z } from 'zod';
import { button, type Flow } from '../../conversation/engine.js';
import type { Tx } from '../../db/client.js';
import { normalize } from '../../conversation/parse.js';
import { AppError } from '../../errors.js';
import { itLabs } from './texts.js';

const t = itLabs.feedback;

export const FEEDBACK_FLOW = 'labs-feedback';

const state = z.object({ labId: z.number().int(), rating: z.number().int().min(1).max(5) });
type FeedbackState = z.infer<typeof state>;

export const feedbackFlow: Flow<FeedbackState> = {
  id: FEEDBACK_FLOW,
  version: 1,
  state,
  prompt: (_env, conv) => ({
    text: t.askComment,
    blocks: [
      { type: 'text', text: t.askComment },
      { type: 'buttons', buttons: [button(conv, itLabs.buttons.noComment, 'skip')] },
    ],
  }),
  async handle(ctx, conv, input) {
    if ('action' in input) return input.value === 'skip' ? { to: 'done', say: [t.noComment] } : { to: 'retry', say: t.askComment };
    const comment = input.text.trim();
    if (['no', 'no grazie', 'salta', 'niente', 'annulla'].includes(normalize(comment))) return { to: 'done', say: [t.noComment] };
    if (comment.length > 1000) return { to: 'retry', say: t.commentTooLong };
    await ctx.tx.labFeedback.update({
      where: { labId_personId: { labId: conv.state.labId, personId: conv.personId } },
      data: { comment },
    });
    return { to: 'done', say: [t.commentSaved] };
  },
};

/**
 * Stores a vote (1–5) of a confirmed participant, or changes it. `changed`: there was a vote
 * before (so no comment is asked again).
 */
export async function recordVote(tx: Tx, labId: number, personId: number, rating: number): Promise<{ changed: boolean }> {
  const signup = await tx.labSignup.findUnique({ where: { labId_personId: { labId, personId } } });
  if (signup?.status !== 'confirmed') throw new AppError('forbidden', t.notParticipant);
  const before = await tx.labFeedback.findUnique({ where: { labId_personId: { labId, personId } } });
  await tx.labFeedback.upsert({
    where: { labId_personId: { labId, personId } },
    create: { labId, personId, rating },
    update: { rating },
  });
  return { changed: before !== null };
}
