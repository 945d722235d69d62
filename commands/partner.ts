import { z } from 'zod';
import { defineCommand, defineSubcommand, type Context } from '../src/bus/types.js';
import type { Block } from '../src/platform/port.js';
import { actingNetwork, startPrivateForm } from '../src/capabilities/legami/chat.js';
import { PARTNER_FLOW, partnerForm } from '../src/capabilities/legami/flows.js';
import { partnerThemes, partnersByTheme } from '../src/capabilities/legami/partners.js';
import { itPractices } from '../src/capabilities/legami/practice-texts.js';
import { itLegami } from '../src/capabilities/legami/texts.js';

const t = itLegami.partner;

const aggiungi = defineSubcommand({
  description: 'Aggiunge un partner della tua rete all’elenco (domande guidate)',
  usage: '/partner aggiungi [CODICE]',
  access: 'referente',
  args: z.array(z.string()).max(1, itPractices.onlyCode),
  async handler(ctx, [code]) {
    const network = await actingNetwork(ctx, code, '/partner aggiungi');
    await startPrivateForm(ctx, {
      flow: PARTNER_FLOW,
      state: partnerForm(network),
      intro: t.form.intro(network.name, network.code),
      command: 'partner',
      continuePrivately: t.form.continuePrivately,
    });
  },
});

async function listThemes(ctx: Context): Promise<void> {
  const themes = await partnerThemes(ctx.tx);
  if (!themes.length) return ctx.reply(t.noPartners);
  await ctx.reply({
    text: t.themesTitle,
    blocks: [
      { type: 'header', text: t.themesTitle },
      { type: 'text', text: themes.map((x) => t.themesLine(x.theme, x.count)).join('\n') },
      { type: 'context', text: t.themesHint },
    ],
  });
}

async function search(ctx: Context, query: string): Promise<void> {
  const groups = await partnersByTheme(ctx.tx, query);
  if (!groups.length) {
    const available = (await partnerThemes(ctx.tx)).map((x) => x.theme);
    return ctx.reply(t.none(query, available));
  }
  const count = groups.reduce((n, g) => n + g.partners.length, 0);
  const blocks: Block[] = [{ type: 'header', text: t.title(query, count) }];
  for (const g of groups) {
    const lines = [t.network(g.network.name, g.network.code)];
    for (const p of g.partners) {
      lines.push(t.item(p.name, p.type));
      if (p.description) lines.push(t.description(p.description));
      lines.push(t.themes(p.themes));
      if (p.contactName || p.contact) lines.push(t.contact(p.contactName, p.contact));
    }
    blocks.push({ type: 'text', text: lines.join('\n') });
  }
  await ctx.reply({ text: t.title(query, count), blocks });
}

export default defineCommand({
  name: 'partner',
  description: 'Cerca i partner di tutte le reti per tema (senza tema: elenca i temi)',
  usage: '/partner [TEMA]',
  subcommands: { aggiungi },
  async handler(ctx, tokens) {
    const query = (tokens as string[]).join(' ').trim();
    if (query) return search(ctx, query);
    // Reached through a Telegram deep link (/start partner) while adding a partner: continue it.
    if (ctx.event.type === 'command' && ctx.event.command === 'start') {
      const [waiting] = await ctx.services.conversations.find(ctx.tx, ctx.actor.personId, PARTNER_FLOW);
      if (waiting) return ctx.services.conversations.resume(ctx, waiting.id);
    }
    await listThemes(ctx);
  },
});
