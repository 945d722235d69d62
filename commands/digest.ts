import { z } from 'zod';
import { audit } from '../src/audit.js';
import { defineCommand } from '../src/bus/types.js';
import { closedWeek } from '../src/capabilities/digests/build.js';
import { renderDigestWithImage } from '../src/capabilities/digests/image.js';
import { networkByCode } from '../src/capabilities/networks/directory.js';
import { parseWeekOrDate } from '../src/capabilities/exports/period.js';
import { itDigest } from '../src/capabilities/digests/texts.js';

const WEEK = /^\d{4}-?w\d{1,2}$/i;

// /digest [CODICE] [AAAA-Wnn]: the digest of the week that just closed (or of the week given), for
// every network or for one. Coordinators only; in a group it goes to the private chat, since it
// speaks of every network.
const args = z
  .array(z.string())
  .max(2, itDigest.command.usage)
  .transform((tokens, ctx) => {
    let code: string | undefined;
    let week: string | undefined;
    for (const token of tokens) {
      if (WEEK.test(token)) {
        const parsed = parseWeekOrDate(token);
        if (!parsed) {
          ctx.addIssue({ code: 'custom', message: itDigest.command.badWeek });
          return z.NEVER;
        }
        week = parsed;
      } else code = token;
    }
    return { code, week };
  });

export default defineCommand({
  name: 'digest',
  description: itDigest.command.description,
  usage: itDigest.command.usage,
  access: 'coordinatore',
  args,
  async handler(ctx, { code, week }) {
    const network = code ? await networkByCode(ctx.tx, code) : undefined;
    const digest = await ctx.services.digests.build(ctx.tx, {
      week: week ?? closedWeek(ctx.now),
      now: ctx.now,
      ...(network ? { network: { id: network.id, code: network.code, name: network.name, themes: network.themes } } : {}),
    });
    await audit(ctx.tx, {
      at: ctx.now,
      actorPersonId: ctx.actor.personId,
      action: 'digest',
      detail: `/digest ${week ?? closedWeek(ctx.now)}, ${network ? `rete ${network.code}` : 'tutte le reti'}`,
    });
    const message = await renderDigestWithImage(digest);
    if (ctx.chat.kind === 'group') {
      await ctx.replyPrivately(message);
      return ctx.reply(itDigest.command.sentPrivately);
    }
    await ctx.reply(message);
  },
});
