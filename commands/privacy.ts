import { defineCommand } from '../src/bus/types.js';
import { itPrivacy } from '../src/capabilities/privacy/texts.js';

// /privacy: the notice (art. 13), also sent at a person's first private contact.
export default defineCommand({
  name: 'privacy',
  description: itPrivacy.command.description,
  usage: '/privacy',
  async handler(ctx) {
    await ctx.reply(itPrivacy.notice(ctx.services.privacy.notice));
  },
});
