import { defineCommand } from '../src/bus/types.js';
import { publishedPractices } from '../src/capabilities/legami/practices.js';
import { countThemes } from '../src/capabilities/legami/themes.js';
import { itPractices } from '../src/capabilities/legami/practice-texts.js';
import type { Block } from '../src/platform/port.js';
import { formatDate } from '../src/time.js';

const t = itPractices.list;
const SHOWN = 10;
const DESCRIPTION = 300;

const short = (text: string) => (text.length <= DESCRIPTION ? text : `${text.slice(0, DESCRIPTION - 1).trimEnd()}…`);

export default defineCommand({
  name: 'buonepratiche',
  aliases: ['buoneprassi'],
  description: 'Le buone pratiche pubblicate dalle reti, le più recenti prima (anche per tema)',
  usage: '/buonepratiche [TEMA]',
  async handler(ctx, tokens) {
    const query = (tokens as string[]).join(' ').trim() || null;
    const practices = await publishedPractices(ctx.tx, query);
    if (!practices.length) {
      if (!query) return ctx.reply(t.none);
      const all = await publishedPractices(ctx.tx, null);
      return ctx.reply(
        t.noneForTheme(
          query,
          countThemes(all.flatMap((p) => p.themes)).map((x) => x.theme),
        ),
      );
    }
    const blocks: Block[] = [{ type: 'header', text: t.title(query) }];
    for (const p of practices.slice(0, SHOWN)) {
      blocks.push({ type: 'text', text: t.item(p.title, p.network.name, p.network.code, formatDate(p.publishedAt), short(p.description)) });
      blocks.push({ type: 'context', text: t.themes(p.themes) });
    }
    if (practices.length > SHOWN) blocks.push({ type: 'context', text: t.more(practices.length - SHOWN) });
    await ctx.reply({ text: t.title(query), blocks });
  },
});
