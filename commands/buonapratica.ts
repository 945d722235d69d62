import { z } from 'zod';
import { defineCommand } from '../src/bus/types.js';
import { actingNetwork } from '../src/capabilities/legami/acting-network.js';
import { rewritePressed, startPrivateForm } from '../src/capabilities/legami/chat.js';
import { PRACTICE_FLOW, practiceForm } from '../src/capabilities/legami/flows.js';
import { notificationMessage } from '../src/capabilities/legami/practice-messages.js';
import { itPractices } from '../src/capabilities/legami/practice-texts.js';
import { proposePractice, publishPractice } from '../src/capabilities/legami/practices.js';
import { practiceFormSpec, publishedNotification } from '../src/capabilities/legami/render.js';
import { splitThemes } from '../src/capabilities/legami/themes.js';
import { AppError } from '../src/errors.js';
import { coreTexts } from '../src/i18n/core-texts.js';
import { formatDateTime } from '../src/time.js';

const t = itPractices;
const field = (values: Record<string, string | string[]>, key: string) => String(values[key] ?? '').trim();

export default defineCommand({
  name: 'buonapratica',
  aliases: ['buonaprassi'],
  description: 'Proponi una buona prassi della tua rete da condividere con le altre',
  usage: '/buonapratica [CODICE]',
  access: 'referente',
  args: z.array(z.string()).max(1, itPractices.onlyCode),
  async handler(ctx, [code]) {
    const network = await actingNetwork(ctx.tx, ctx.actor, code, ctx.chat.network?.id, '/buonapratica');
    // A native form right away where the platform has them; elsewhere three questions in the private chat.
    if (await ctx.openForm(practiceFormSpec(network))) return;
    await startPrivateForm(ctx, {
      flow: PRACTICE_FLOW,
      state: practiceForm(network),
      intro: t.form.intro(network.name, network.code),
      command: 'buonapratica',
      continuePrivately: t.form.continuePrivately,
    });
  },
  forms: {
    async proposta(ctx, values, context) {
      const networkId = Number(context);
      const referent = ctx.actor.memberships.some((m) => m.networkId === networkId && m.role === 'referente');
      if (!referent && !ctx.actor.coordinator) throw new AppError('forbidden', coreTexts.error.referentsOnly);
      const title = field(values, 'titolo').slice(0, 120);
      const description = field(values, 'descrizione').slice(0, 2000);
      const themes = splitThemes(field(values, 'temi'));
      if (!title || !description) throw new AppError('invalid_input', t.form.missing);
      if (!themes.length) throw new AppError('invalid_input', t.form.noThemes);
      await proposePractice(ctx.tx, { networkId, personId: ctx.actor.personId, title, description, themes, source: 'comando' });
      await ctx.replyPrivately(t.form.sent(title));
    },
  },
  actions: {
    /** «Pubblica» on a proposal notification: coordinators only; pressing twice publishes once. */
    async publish(ctx, value) {
      if (!ctx.actor.coordinator) throw new AppError('forbidden', t.publish.coordinatorsOnly);
      const id = Number(value);
      if (!Number.isInteger(id) || id <= 0) throw new AppError('not_found', t.publish.notFound);
      const result = await publishPractice(ctx.tx, id, ctx.actor.personId, ctx.now);
      if (!result.published) return ctx.reply(t.publish.already(result.title, result.by, formatDateTime(result.at)));
      // The notification loses its button and says who published it.
      if (ctx.event.type === 'action' && ctx.event.messageId) {
        await rewritePressed(ctx, publishedNotification(await notificationMessage(ctx.tx, id), ctx.actor.name, ctx.now));
      }
      await ctx.reply(t.publish.done(result.title, result.networks));
    },
  },
});
