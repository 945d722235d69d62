import { z } from 'zod';
import { defineCommand } from '../src/bus/types.js';
import { upcomingFor } from '../src/capabilities/richieste/meeting-views.js';
import { networkByCode } from '../src/capabilities/networks/directory.js';

// /incontri: the upcoming meetings with ANCI Lombardia a person is concerned by (coordinators: all
// of them); /incontri CODICE: a network's, with the notes of its last meetings.
export default defineCommand({
  name: 'incontri',
  description: 'I prossimi incontri con ANCI Lombardia; /incontri CODICE per una rete',
  usage: '/incontri [CODICE]',
  access: 'referente',
  args: z.array(z.string()).max(1, 'Indica al massimo il codice di una rete, per esempio /incontri BG01.'),
  async handler(ctx, [code]) {
    const network = code ? await networkByCode(ctx.tx, code) : null;
    await ctx.reply(await upcomingFor(ctx.tx, ctx.now, ctx.actor, network && { id: network.id, code: network.code, name: network.name }));
  },
});
