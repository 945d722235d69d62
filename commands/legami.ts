import { defineCommand, defineSubcommand } from '../src/bus/types.js';
import { ANSWERS, answerFollowUp, followUpStats, type FollowUpAnswer } from '../src/capabilities/legami/followups.js';
import { isEligible, isPaused, pauseIntroductions, recentIntroductionsOf, resumeIntroductions } from '../src/capabilities/legami/candidates.js';
import { AppError } from '../src/errors.js';
import { itLegami } from '../src/capabilities/legami/texts.js';
import { addressOf } from '../src/platform/port.js';
import { formatDate } from '../src/time.js';

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
    const personId = ctx.actor.personId;
    const paused = await isPaused(ctx.tx, personId);
    const lines: string[] = [
      paused ? t.status.paused : (await isEligible(ctx.tx, personId)) ? t.status.active(ctx.services.legami.settings.everyWeeks) : t.status.notEligible,
    ];
    const recent = await recentIntroductionsOf(ctx.tx, personId);
    if (recent.length) {
      lines.push('', t.status.recentTitle);
      for (const r of recent)
        lines.push(t.status.recent(formatDate(r.createdAt), r.other, r.otherNetwork, r.theme, r.answer ? (t.answers[r.answer] ?? null) : null));
    }
    if (ctx.actor.coordinator) {
      const since = new Date(ctx.now.getTime() - STATS_DAYS * 24 * 60 * 60 * 1000);
      lines.push('', t.status.stats(STATS_DAYS, await followUpStats(ctx.tx, since)));
    }
    const status = {
      text: lines[0]!,
      blocks: [
        { type: 'text' as const, text: lines.join('\n') },
        { type: 'context' as const, text: t.status.hint },
      ],
    };
    // Personal: in a group where replies cannot be shown to one person only (Telegram), answer privately.
    if (ctx.chat.kind === 'group' && !ctx.services.platforms.capabilities(ctx.chat.platform)?.ephemeral) {
      await ctx.replyPrivately(status);
      return ctx.reply(t.status.answeredPrivately);
    }
    await ctx.reply(status);
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
      const event = ctx.event;
      if (event.type === 'action' && event.messageId) {
        const recorded = t.followUp.recorded(label);
        await ctx.send({
          delivery: {
            op: 'update',
            to: addressOf(ctx.chat),
            messageId: event.messageId,
            message: {
              text: recorded,
              blocks: [
                { type: 'header', text: t.followUp.header },
                { type: 'text', text: outcome.question },
                { type: 'context', text: recorded },
              ],
            },
          },
        });
      }
      await ctx.reply(t.followUp.thanks[outcome.answer]!);
    },
  },
});
