import { z } from 'zod';
import { defineCommand, defineSubcommand, type Context } from '../src/bus/types.js';
import { answerView, participantOf, pressVote } from '../src/capabilities/labs/chat.js';
import { upcomingFor } from '../src/capabilities/labs/listing.js';
import { calendarMessage, labListMessage, signupMessage, withdrawText } from '../src/capabilities/labs/render.js';
import { findLab } from '../src/capabilities/labs/repository.js';
import { ensureAudience, join, leave } from '../src/capabilities/labs/signups.js';
import { itLabs as t } from '../src/capabilities/labs/texts.js';
import { AppError } from '../src/errors.js';
import { adminFormChecks, adminForms, adminSubcommands, labId } from './laboratori-admin.js';

// /laboratori: the upcoming workshop sessions open to the person, sign-up and withdrawal by
// command or button, the calendar file. Coordinators' subcommands live in laboratori-admin.ts.

function parseId(value: string): number {
  const parsed = labId.safeParse(value);
  if (!parsed.success) throw new AppError('invalid_input', t.refuse.badId);
  return parsed.data;
}

async function signUp(ctx: Context, id: number): Promise<void> {
  const res = await join(ctx.tx, ctx.now, id, participantOf(ctx.actor));
  await ctx.reply(signupMessage(res, answerView(ctx), ctx.now));
}

async function withdraw(ctx: Context, id: number): Promise<void> {
  const res = await leave(ctx.tx, ctx.now, id, participantOf(ctx.actor));
  await ctx.reply(withdrawText(res, answerView(ctx)));
}

const idArgs = z.tuple([labId], z.string());

const iscrivimi = defineSubcommand({
  description: 'Ti iscrive a un laboratorio (o alla sua lista d’attesa)',
  usage: '/laboratori iscrivimi N',
  aliases: ['iscriviti', 'iscrivi', 'iscrizione'],
  args: idArgs,
  handler: (ctx, [id]) => signUp(ctx, id),
});

const ritirami = defineSubcommand({
  description: 'Annulla la tua iscrizione a un laboratorio',
  usage: '/laboratori ritirami N',
  aliases: ['ritirati', 'ritira', 'disiscrivimi'],
  args: idArgs,
  handler: (ctx, [id]) => withdraw(ctx, id),
});

export default defineCommand({
  name: 'laboratori',
  aliases: ['lab', 'laboratorio'],
  description: 'Laboratori in programma per la tua rete; /laboratori TEMA filtra per tema',
  usage: '/laboratori [TEMA]',
  // "annulla N" typed by a member withdraws (their button says «Annulla iscrizione»).
  subcommands: { iscrivimi, ritirami, ...adminSubcommands, annulla: { ...adminSubcommands.annulla!, forOthers: ritirami } },
  async handler(ctx, tokens) {
    const theme = (tokens as string[]).join(' ').trim() || undefined;
    // In a network's channel, that network's; elsewhere the person's networks; coordinators see all.
    const scope =
      ctx.chat.kind === 'group' && ctx.chat.network
        ? { networkIds: [ctx.chat.network.id] }
        : ctx.actor.coordinator
          ? null
          : { networkIds: ctx.actor.memberships.map((m) => m.networkId) };
    await ctx.reply(labListMessage(await upcomingFor(ctx.tx, ctx.now, scope, ctx.actor.personId, theme), theme));
  },
  actions: {
    join: (ctx, value) => signUp(ctx, parseId(value)),
    leave: (ctx, value) => withdraw(ctx, parseId(value)),
    ics: async (ctx, value) => {
      const lab = await findLab(ctx.tx, parseId(value));
      await ensureAudience(ctx.tx, lab, participantOf(ctx.actor));
      await ctx.reply(calendarMessage(lab, ctx.now));
    },
    voto: pressVote,
  },
  forms: adminForms,
  formChecks: adminFormChecks,
});
