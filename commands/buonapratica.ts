import { z } from 'zod';
import { defineCommand } from '../src/bus/types.js';
import { actingNetwork, startPrivateForm } from '../src/capabilities/legami/chat.js';
import { PRACTICE_FLOW, practiceForm } from '../src/capabilities/legami/flows.js';
import { notificationMessage } from '../src/capabilities/legami/practice-messages.js';
import { proposePractice, publishPractice } from '../src/capabilities/legami/practices.js';
import { splitThemes } from '../src/capabilities/legami/themes.js';
import { AppError } from '../src/errors.js';
import { coreTexts } from '../src/i18n/core-texts.js';
import { itPractices } from '../src/capabilities/legami/practice-texts.js';
import { addressOf } from '../src/platform/port.js';
import { formatDateTime } from '../src/time.js';

const t = itPractices;
const field = (values: Record<string, string | string[]>, key: string) => String(values[key] ?? '').trim();

export default defineCommand({
  name: 'buonapratica',
  aliases: ['buonaprassi'],
  description: 'Proponi una buona pratica della tua rete da condividere con le altre',
  usage: '/buonapratica [CODICE]',
  access: 'referente',
  args: z.array(z.string()).max(1, itPractices.onlyCode),
  async handler(ctx, [code]) {
    const network = await actingNetwork(ctx, code, '/buonapratica');
    // Slack: a modal right away. Elsewhere: three questions in the private chat.
    const opened = await ctx.openForm({
      form: 'buonapratica.proposta',
      title: t.form.modalTitle,
      submitLabel: t.form.modalSubmit,
      context: String(network.id),
      fields: [
        { key: 'titolo', label: t.form.fieldTitle, kind: 'text' },
        { key: 'descrizione', label: t.form.fieldDescription, kind: 'multiline' },
        { key: 'temi', label: t.form.fieldThemes, kind: 'text', placeholder: network.themes.join(', ') },
      ],
    });
    if (opened) return;
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
      const event = ctx.event;
      if (event.type === 'action' && event.messageId) {
        // The notification loses its button and says who published it.
        const original = await notificationMessage(ctx.tx, id);
        const blocks = [
          ...(original.blocks ?? []).filter((b) => b.type !== 'buttons'),
          { type: 'context' as const, text: t.notify.published(ctx.actor.name, formatDateTime(ctx.now)) },
        ];
        await ctx.send({ delivery: { op: 'update', to: addressOf(ctx.chat), messageId: event.messageId, message: { ...original, blocks } } });
      }
      await ctx.reply(t.publish.done(result.title, result.networks));
    },
  },
});
