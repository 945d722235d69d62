import { defineCommand } from '../src/bus/types.js';
import { publishedPractices } from '../src/capabilities/legami/practices.js';
import { itPractices } from '../src/capabilities/legami/practice-texts.js';
import { practicesMessage } from '../src/capabilities/legami/render.js';
import { countThemes } from '../src/capabilities/legami/themes.js';

const t = itPractices.list;

export default defineCommand({
  name: 'buonepratiche',
  aliases: ['buoneprassi'],
  description: 'Le buone prassi pubblicate dalle reti, le più recenti prima (anche per tema)',
  usage: '/buonepratiche [TEMA]',
  async handler(ctx, tokens) {
    const query = (tokens as string[]).join(' ').trim() || null;
    const practices = await publishedPractices(ctx.tx, query);
    if (practices.length) return ctx.reply(practicesMessage(query, practices));
    if (!query) return ctx.reply(t.none);
    const all = await publishedPractices(ctx.tx, null);
    await ctx.reply(
      t.noneForTheme(
        query,
        countThemes(all.flatMap((p) => p.themes)).map((x) => x.theme),
      ),
    );
  },
});
