import { z } from 'zod';
import { defineCommand } from '../src/bus/types.js';
import { itCheckins as t } from '../src/capabilities/checkins/texts.js';

// /checkin starts, resumes or (after confirming) edits the week's check-in in the private chat.
// In a group it sends the person to the private chat (Telegram: a deep link to /start checkin).
export default defineCommand({
  name: 'checkin',
  description: t.command.description,
  usage: t.command.usage,
  access: 'referente',
  args: z.array(z.string()).max(1, 'Indica al massimo un codice di rete (es. BG01).'),
  async handler(ctx, [code]) {
    await ctx.services.checkins.command(ctx, code);
  },
  actions: {
    start: (ctx, value) => ctx.services.checkins.pressStart(ctx, value),
    edit: (ctx, value) => ctx.services.checkins.pressEdit(ctx, value),
  },
});
