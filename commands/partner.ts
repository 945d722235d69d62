import { z } from 'zod';
import { seesPartnerContacts } from '../src/bus/policy.js';
import { defineCommand, defineSubcommand } from '../src/bus/types.js';
import { actingNetwork } from '../src/capabilities/legami/acting-network.js';
import { startPrivateForm } from '../src/capabilities/legami/chat.js';
import { PARTNER_FLOW, partnerForm } from '../src/capabilities/legami/flows.js';
import { partnerThemes, partnersByTheme } from '../src/capabilities/legami/partners.js';
import { itPractices } from '../src/capabilities/legami/practice-texts.js';
import { partnerSearchMessage, partnerThemesMessage } from '../src/capabilities/legami/render.js';
import { itLegami } from '../src/capabilities/legami/texts.js';

const t = itLegami.partner;

const aggiungi = defineSubcommand({
  description: 'Aggiunge un partner della tua rete all’elenco (domande guidate)',
  usage: '/partner aggiungi [CODICE]',
  access: 'referente',
  args: z.array(z.string()).max(1, itPractices.onlyCode),
  async handler(ctx, [code]) {
    const network = await actingNetwork(ctx.tx, ctx.actor, code, ctx.chat.network?.id, '/partner aggiungi');
    await startPrivateForm(ctx, {
      flow: PARTNER_FLOW,
      state: partnerForm(network),
      intro: t.form.intro(network.name, network.code),
      command: 'partner',
      continuePrivately: t.form.continuePrivately,
    });
  },
});

export default defineCommand({
  name: 'partner',
  description: 'Cerca i partner di tutte le reti per tema (senza tema: elenca i temi)',
  usage: '/partner [TEMA]',
  subcommands: { aggiungi },
  async handler(ctx, tokens) {
    const query = (tokens as string[]).join(' ').trim();
    if (query) {
      const groups = await partnersByTheme(ctx.tx, query);
      if (groups.length) return ctx.reply(partnerSearchMessage(query, groups, seesPartnerContacts(ctx.actor)));
      const available = (await partnerThemes(ctx.tx)).map((x) => x.theme);
      return ctx.reply(t.none(query, available));
    }
    // Reached through a deep link (/start partner) while adding a partner: continue it.
    if (ctx.event.type === 'command' && ctx.event.command === 'start') {
      const [waiting] = await ctx.services.conversations.find(ctx.tx, ctx.actor.personId, PARTNER_FLOW);
      if (waiting) return ctx.services.conversations.resume(ctx, waiting.id);
    }
    await ctx.reply(partnerThemesMessage(await partnerThemes(ctx.tx)));
  },
});
