import { defineCommand, defineSubcommand } from '../src/bus/types.js';
import { legamiStatus, pauseIntroductions, resumeIntroductions } from '../src/capabilities/legami/candidates.js';
import { replyPersonally, rewritePressed } from '../src/capabilities/legami/chat.js';
import { ANSWERS, answerFollowUp, type FollowUpAnswer } from '../src/capabilities/legami/followups.js';
import { followUpAnswered, statusMessage } from '../src/capabilities/legami/render.js';
import { itLegami } from '../src/capabilities/legami/texts.js';
import { AppError } from '../src/errors.js';

const t = itLegami;
const STATS_DAYS = 90;

const pausa = defineSubcommand({
  description: 'Mette in pausa le presentazioni di Legami',
  usage: '/legami pausa',
  async handler(ctx) {
    await ctx.reply((await pauseIntroductions(ctx.tx, ctx.actor.personId)) ? t.optOut.paused : t.optOut.alreadyPaused);
  },
});

const riprendi = defineSubcommand({
  description: 'Riattiva le presentazioni di Legami',
  usage: '/legami riprendi',
  async handler(ctx) {
    await ctx.reply((await resumeIntroductions(ctx.tx, ctx.actor.personId)) ? t.optOut.resumed : t.optOut.alreadyActive);
  },
});

export default defineCommand({
  name: 'legami',
  description: 'Presentazioni tra persone di reti diverse: il tuo stato',
  usage: '/legami',
  subcommands: { pausa, riprendi },
  async handler(ctx) {
    const statsSince = new Date(ctx.now.getTime() - STATS_DAYS * 24 * 60 * 60 * 1000);
    const status = await legamiStatus(ctx.tx, ctx.actor.personId, { coordinator: ctx.actor.coordinator, statsSince });
    // Personal: in a group where replies cannot be shown to one person only, answer privately.
    await replyPersonally(ctx, statusMessage(status, ctx.services.legami.settings.everyWeeks, STATS_DAYS), t.status.answeredPrivately);
  },
  actions: {
    /** Follow-up buttons: "<follow-up id>:<si|non_ancora|non_interessa>". */
    async esito(ctx, value) {
      const m = /^(\d+):(\w+)$/.exec(value);
      const answer = m?.[2] as FollowUpAnswer | undefined;
      if (!m || !answer || !ANSWERS.includes(answer)) throw new AppError('invalid_input', t.followUp.gone);
      const outcome = await answerFollowUp(ctx.tx, Number(m[1]), ctx.actor.personId, answer, ctx.now);
      if (outcome.status === 'not_yours') throw new AppError('forbidden', t.followUp.notYours);
      if (outcome.status === 'gone') throw new AppError('not_found', t.followUp.gone);
      const label = t.answers[outcome.answer]!;
      if (outcome.status === 'same') return ctx.reply(t.followUp.already(label));
      // The question loses its buttons and shows the answer.
      await rewritePressed(ctx, followUpAnswered(outcome.question, label));
      await ctx.reply(t.followUp.thanks[outcome.answer]!);
    },
  },
});
