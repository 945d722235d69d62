import { defineCommand } from '../src/bus/types.js';
import { coreTexts } from '../src/i18n/core-texts.js';

// /aiuto is generated from the command specs, so it cannot fall out of date.
export default defineCommand({
  name: 'aiuto',
  aliases: ['help'],
  description: 'Elenca i comandi che puoi usare',
  usage: '/aiuto',
  async handler(ctx) {
    const paused = ctx.chat.kind === 'private' ? await ctx.services.conversations.pausedNotice(ctx.tx, ctx.actor.personId, ctx.now) : null;
    if (paused) await ctx.reply(paused);
    const lines = ctx.commands.visibleTo(ctx.actor).map((c) => `• ${c.usage} — ${c.description}`);
    await ctx.reply({
      text: `${coreTexts.help.title}\n${lines.join('\n')}`,
      blocks: [
        { type: 'header', text: coreTexts.help.title },
        { type: 'text', text: `${coreTexts.help.intro}\n${lines.join('\n')}` },
        { type: 'context', text: coreTexts.help.footer },
      ],
    });
  },
});
