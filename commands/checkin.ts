import { z } from 'zod';
import { defineCommand, defineSubcommand } from '../src/bus/types.js';
import { deputyCommand } from '../src/capabilities/checkins/chat-deputy.js';
import { checkinCommand, pressEdit, pressStart } from '../src/capabilities/checkins/chat.js';
import { itCheckins as t } from '../src/capabilities/checkins/texts.js';

// /checkin starts, resumes or (after confirming) edits the week's check-in in the private chat.
// In a group it sends the person to the private chat (where the bot may not write first: a deep
// link to /start checkin).
const sostituto = defineSubcommand({
  description: t.deputy.description,
  usage: t.deputy.usage,
  access: 'referente',
  args: z.array(z.string()).max(12, 'Troppe parole: indica la persona e le due date.'),
  handler: deputyCommand,
});

// Everyone may type /checkin: referents and, for a period, their deputies answer (the handler says
// who may not).
export default defineCommand({
  name: 'checkin',
  description: t.command.description,
  usage: t.command.usage,
  args: z.array(z.string()).max(1, 'Indica al massimo un codice di rete (es. BG01).'),
  subcommands: { sostituto },
  handler: (ctx, [code]) => checkinCommand(ctx, code),
  actions: { start: pressStart, edit: pressEdit },
});
