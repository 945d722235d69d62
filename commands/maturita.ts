import { z } from 'zod';
import { defineCommand, defineSubcommand } from '../src/bus/types.js';
import { listPercorsi, kindsLabel, parseKinds, parseStage, setPercorso } from '../src/capabilities/maturita/percorsi.js';
import { DIMENSION_CODES, STAGES } from '../src/capabilities/maturita/rules.js';
import { itMaturita as t } from '../src/capabilities/maturita/texts.js';
import { renderAllMaps, renderNetworkMap } from '../src/capabilities/maturita/view.js';
import { schedaNetwork } from '../src/capabilities/scheda/chat.js';

// /maturita: a network's map of maturity (six dimensions, four stages) with the evidence, the
// change since 12 weeks before, what moves each dimension on and the support suggested;
// /maturita tutte and /maturita percorso for coordinators.

const code = z.string().regex(/^[A-Za-z0-9_-]{2,20}$/, 'Il codice della rete è fatto di lettere e cifre (es. BG01).');

const tutte = defineSubcommand({
  description: 'Le reti per fase, dimensione per dimensione, e chi ha cambiato fase',
  usage: '/maturita tutte',
  access: 'coordinatore',
  args: z.array(z.string()).max(0, 'Scrivi solo /maturita tutte.'),
  async handler(ctx) {
    await ctx.reply(await renderAllMaps(ctx.tx, ctx.now));
  },
});

const percorso = defineSubcommand({
  description: 'Il supporto di ANCI suggerito per una fase (o l’elenco dei percorsi)',
  usage: '/maturita percorso [FASE [DIMENSIONE] tipo,tipo testo]',
  access: 'coordinatore',
  args: z.array(z.string()),
  async handler(ctx, tokens) {
    if (!tokens.length) {
      const rows = await listPercorsi(ctx.tx);
      const lines = rows.map((r) => t.percorso.line(STAGES.indexOf(r.stage as never), r.dimension, kindsLabel(r.kinds), r.text));
      return ctx.reply(rows.length ? [t.percorso.list, ...lines].join('\n') : t.percorso.none);
    }
    const [stageWord, ...rest] = tokens;
    const stage = parseStage(stageWord!);
    const dimension = rest[0] && DIMENSION_CODES.includes(rest[0].toLowerCase()) ? rest.shift()!.toLowerCase() : '';
    const kinds = parseKinds(
      (rest.shift() ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    );
    await setPercorso(ctx.tx, ctx.now, { stage: STAGES[stage]!, dimension, kinds, text: rest.join(' ').trim() });
    await ctx.reply(t.percorso.saved(stage, dimension, kindsLabel(kinds)));
  },
});

export default defineCommand({
  name: 'maturita',
  description: 'La mappa di maturità della rete (sei dimensioni, quattro fasi)',
  usage: '/maturita [CODICE]',
  args: z.array(code).max(1, 'Indica al massimo il codice della rete, per esempio /maturita BG01.'),
  subcommands: { tutte, percorso },
  async handler(ctx, [c]) {
    const n = await schedaNetwork(ctx, c, false);
    await ctx.reply(await renderNetworkMap(ctx.tx, ctx.now, n.id));
  },
});
