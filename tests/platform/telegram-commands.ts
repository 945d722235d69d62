// A command only the Telegram tests register: it answers with every kind of block, buttons, a
// file, a private message, and edits the message whose button was pressed.
import { defaultContributions } from '../../src/app.js';

import { defineCommand, defineSubcommand, type CommandSpec } from '../../src/bus/types.js';
import { literal } from '../../src/platform/markup.js';
import { addressOf } from '../../src/platform/port.js';

const defaultCommands = defaultContributions.commands;

export const csv = 'rete;risposte\nBG01;3\nBS02;1\n';
/** The smallest PNG there is: one transparent pixel. */
export const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
export const longText = `Riepilogo ${'delle risposte della settimana. '.repeat(50)}`.trim();

const file = (text: string) => ({
  text,
  attachment: { filename: 'risposte.csv', mimeType: 'text/csv', base64: Buffer.from(csv).toString('base64') },
});

const prova = defineCommand({
  name: 'prova',
  description: 'Comando dei test',
  usage: '/prova',
  hidden: true,
  subcommands: {
    privato: defineSubcommand({
      description: 'Scrive in privato',
      usage: '/prova privato',
      handler: (ctx) => ctx.replyPrivately('Ti scrivo in privato.'),
    }),
    file: defineSubcommand({
      description: 'Manda un file',
      usage: '/prova file',
      handler: (ctx) => ctx.reply({ ...file("Ecco l'esportazione"), blocks: [{ type: 'text', text: "Ecco l'**esportazione** delle risposte" }] }),
    }),
    foto: defineSubcommand({
      description: 'Manda un grafico come immagine',
      usage: '/prova foto',
      handler: (ctx) =>
        ctx.reply({ text: 'Il grafico della settimana', attachment: { filename: 'grafici.png', mimeType: 'image/png', base64: png.toString('base64') } }),
    }),
    lungo: defineSubcommand({
      description: 'Manda un file con un testo lungo',
      usage: '/prova lungo',
      handler: (ctx) => ctx.reply(file(longText)),
    }),
  },
  async handler(ctx) {
    await ctx.reply({
      text: 'Laboratorio: lingua italiana',
      blocks: [
        { type: 'header', text: 'Laboratorio <lingua> & "cultura"' },
        { type: 'text', text: 'Iscriviti su [questa pagina](https://example.org/lab?a=1&b=2) oppure con i pulsanti.' },
        { type: 'divider' },
        { type: 'context', text: 'Posti limitati: **12**' },
        {
          type: 'buttons',
          buttons: [
            { label: 'Sì', action: 'prova.scegli', value: 'si', style: 'primary' },
            { label: 'No, grazie', action: 'prova.scegli', value: 'no|forse' },
          ],
        },
      ],
    });
  },
  actions: {
    async scegli(ctx, value) {
      await ctx.reply(`Hai scelto: ${literal(value)}`);
      if (ctx.event.type === 'action' && ctx.event.messageId) {
        await ctx.send({
          delivery: { op: 'update', to: addressOf(ctx.chat), messageId: ctx.event.messageId, message: { text: `Scelta registrata: **${literal(value)}**` } },
        });
      }
    },
  },
});

export const testCommands: CommandSpec<any>[] = [...defaultCommands, prova];
