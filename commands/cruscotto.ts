import { defineCommand } from '../src/bus/types.js';
import { itCruscotto } from '../src/capabilities/cruscotto/texts.js';

// /cruscotto (alias /dashboard): a personal link to the web dashboard, single use, valid 15 minutes,
// always sent in the private chat (in a group it would be anyone's).
export default defineCommand({
  name: 'cruscotto',
  aliases: ['dashboard'],
  description: itCruscotto.command.description,
  usage: itCruscotto.command.usage,
  async handler(ctx) {
    if (!ctx.actor.coordinator && !ctx.actor.memberships.length) return ctx.reply(itCruscotto.command.noNetwork);
    const url = await ctx.services.cruscotto.newLink(ctx.tx, ctx.actor.personId, ctx.now);
    await ctx.replyPrivately(itCruscotto.command.link(url));
    if (ctx.chat.kind === 'group') await ctx.reply(itCruscotto.command.sentPrivately);
  },
});
