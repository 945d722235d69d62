import { z } from 'zod';
import { defineCommand } from '../src/bus/types.js';
import { checkinCommand, pressEdit, pressStart } from '../src/capabilities/checkins/chat.js';
import { itCheckins as t } from '../src/capabilities/checkins/texts.js';

// /checkin starts, resumes or (after confirming) edits the week's check-in in the private chat.
// In a group it sends the person to the private chat (where the bot may not write first: a deep
// link to /start checkin).
export default defineCommand({
  name: 'checkin',
  description: t.command.description,
  usage: t.command.usage,
  access: 'referente',
  args: z.array(z.string()).max(1, 'Indica al massimo un codice di rete (es. BG01).'),
  handler: (ctx, [code]) => checkinCommand(ctx, code),
  actions: { start: pressStart, edit: pressEdit },
});
