// A test-only command with a button action and a native form, registered next to the real
// commands, so adapter tests can drive button presses and form submissions through the core.
import { defineCommand, type CommandSpec } from '../../src/bus/types.js';
import { literal } from '../../src/platform/markup.js';

export const provaForm = {
  form: 'prova.scheda',
  title: 'Nuova buona prassi',
  submitLabel: 'Salva',
  context: 'bp:42',
  fields: [
    { key: 'titolo', label: 'Titolo', kind: 'text' as const, placeholder: 'Es. Sportello lavoro' },
    { key: 'descrizione', label: 'Descrizione', kind: 'multiline' as const, optional: true },
    { key: 'data', label: 'Data', kind: 'date' as const, initial: '2026-12-03' },
    { key: 'ora', label: 'Ora', kind: 'time' as const },
    { key: 'posti', label: 'Posti', kind: 'number' as const },
    {
      key: 'tema',
      label: 'Tema',
      kind: 'select' as const,
      options: [
        { value: 'lavoro', label: 'Lavoro' },
        { value: 'scuola', label: 'Scuola' },
      ],
    },
  ],
};

export const prova = defineCommand({
  name: 'prova',
  description: 'Comando di prova dei test',
  usage: '/prova [bottoni|modulo]',
  hidden: true,
  async handler(ctx, tokens) {
    if ((tokens as string[])[0] === 'modulo') {
      if (!(await ctx.openForm(provaForm))) await ctx.reply('Moduli non disponibili qui.');
      return;
    }
    await ctx.reply({
      text: 'Laboratori in arrivo',
      blocks: [
        { type: 'header', text: 'Laboratori in arrivo' },
        { type: 'text', text: '**Mediazione & scuola** <3 dicembre>' },
        {
          type: 'buttons',
          buttons: [
            { label: 'Iscrivimi (7)', action: 'prova.iscrivi', value: 'lab-7', style: 'primary' },
            { label: 'Iscrivimi (8)', action: 'prova.iscrivi', value: 'lab-8' },
          ],
        },
      ],
    });
  },
  actions: {
    async iscrivi(ctx, value) {
      await ctx.reply(`Iscrizione registrata per ${literal(ctx.actor.name)}: laboratorio ${literal(value)}.`, { visibility: 'public' });
    },
  },
  forms: {
    async scheda(ctx, values, context) {
      await ctx.reply(
        `Ricevuto «${literal(String(values.titolo))}» (${literal(context)}): ${values.data} alle ${values.ora}, ${values.posti} posti, tema ${values.tema}.`,
      );
    },
  },
});

/** The extra commands for testApp, which registers them next to the real ones. */
export const commandsWithProva: CommandSpec<any>[] = [prova];
