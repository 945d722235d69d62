// The `schede:` section of the YAML configuration: one scheda per network, in the same form as
// `npm run reti -- scheda esporta`. Elements keep their numbers (given, or by position), so a
// second load of the same file changes nothing, and every difference is a line of the scheda's
// history (source: configurazione).
import { z } from 'zod';
import type { ConfigSection, SectionContext } from '../../config-import/import.js';
import { networkCode } from '../../config-import/schemas.js';
import { applyDoc, planDoc } from './document.js';
import { schedaDocSchema } from './model.js';

const schede = z.array(schedaDocSchema.extend({ network: networkCode }));
type Row = z.infer<typeof schede>[number];

async function applySchede(ctx: SectionContext, list: Row[]): Promise<void> {
  const now = ctx.clock.now();
  const seen = new Set<string>();
  for (const [i, doc] of list.entries()) {
    if (seen.has(doc.network)) ctx.fail(['schede', i, 'network'], `la rete ${doc.network} ha già una scheda più sopra`);
    seen.add(doc.network);
    const network = await ctx.tx.network.findUnique({ where: { code: doc.network } });
    if (!network) ctx.fail(['schede', i, 'network'], `la rete ${doc.network} non esiste`);
    const res = await planDoc(ctx.tx, now, network.id, doc);
    if ('problem' in res) ctx.fail(['schede', i, ...res.problem.path], res.problem.message);
    const existed = await ctx.tx.scheda.findUnique({ where: { networkId: network.id } });
    const lines = await applyDoc(ctx.tx, now, network.id, doc, res.plan, { personId: null, source: 'yaml' });
    ctx.count('schede', lines.length === 0 ? 'unchanged' : existed ? 'updated' : 'created');
  }
}

export const schedeSection: ConfigSection<Row[]> = { key: 'schede', schema: schede, order: 80, apply: applySchede };
