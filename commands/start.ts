import { defineCommand } from '../src/bus/types.js';
import { coreTexts } from '../src/i18n/core-texts.js';

// Telegram's /start, also reached through deep links (t.me/<bot>?start=<payload>): the payload
// names the command to continue with (e.g. "checkin"), so a link in a group opens the private
// chat exactly where the person was asked to go.
export default defineCommand({
  name: 'start',
  description: 'Avvia la chat privata con Reti',
  usage: '/start',
  hidden: true,
  async handler(ctx, tokens) {
    const payload = (tokens as string[])[0]?.toLowerCase();
    const next = payload ? ctx.commands.find(payload) : undefined;
    if (next && next.name !== 'start' && next.handler) {
      await ctx.runCommand(next.name, (tokens as string[]).slice(1).join(' '));
      return;
    }
    await ctx.reply(coreTexts.help.welcome(ctx.actor.name));
    const paused = ctx.chat.kind === 'private' ? await ctx.services.conversations.pausedNotice(ctx.tx, ctx.actor.personId, ctx.now) : null;
    if (paused) await ctx.reply(paused);
  },
});
