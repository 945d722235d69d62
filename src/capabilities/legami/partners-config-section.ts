// The partners: section of the YAML configuration: Legami's directory of partner organisations.
import { z } from 'zod';
import type { ConfigSection, SectionContext } from '../../config-import/import.js';
import { networkCode as code, requiredText as text } from '../../config-import/schemas.js';
import { networkIds, sameArray, themes } from '../networks/config-section.js';

const partners = z.array(
  z
    .object({
      name: text('il nome del partner'),
      network: code,
      type: text('il tipo (es. Comune, ente del terzo settore, associazione di stranieri, scuola, ASST)'),
      themes,
      description: z.string().trim().default(''),
      contact_name: z.string().trim().default(''),
      contact: z.string().trim().default(''),
      /** Legami: the name of a person in `people` who is this partner's contact (introductions reach them). */
      contact_person: z.string().trim().min(1).optional(),
    })
    .strict(),
);

type PartnerRow = z.infer<typeof partners>[number];

async function applyPartners(ctx: SectionContext, list: PartnerRow[]): Promise<void> {
  const ids = await networkIds(
    ctx,
    list.map((p) => p.network),
  );
  for (const [i, p] of list.entries()) {
    const networkId = ids.get(p.network);
    if (networkId === undefined) ctx.fail(['partners', i, 'network'], `rete sconosciuta ${p.network}: dichiarala in networks o controlla il codice`);
    let contactPersonId: number | null = null;
    if (p.contact_person) {
      const found = await ctx.tx.person.findMany({ where: { name: { equals: p.contact_person, mode: 'insensitive' } }, select: { id: true }, take: 2 });
      if (found.length !== 1)
        ctx.fail(
          ['partners', i, 'contact_person'],
          found.length ? `più persone si chiamano ${p.contact_person}` : `persona sconosciuta ${p.contact_person}: dichiarala in people`,
        );
      contactPersonId = found[0]!.id;
    }
    const data = { type: p.type, themes: p.themes, description: p.description, contactName: p.contact_name, contact: p.contact, contactPersonId };
    const existing = await ctx.tx.partner.findUnique({ where: { networkId_name: { networkId, name: p.name } } });
    if (!existing) {
      await ctx.tx.partner.create({ data: { networkId, name: p.name, ...data } });
      ctx.count('partners', 'created');
      continue;
    }
    const same =
      existing.type === data.type &&
      sameArray(existing.themes, data.themes) &&
      existing.description === data.description &&
      existing.contactName === data.contactName &&
      existing.contact === data.contact &&
      existing.contactPersonId === data.contactPersonId;
    if (!same) await ctx.tx.partner.update({ where: { id: existing.id }, data });
    ctx.count('partners', same ? 'unchanged' : 'updated');
  }
}

export const partnersSection: ConfigSection<PartnerRow[]> = { key: 'partners', schema: partners, order: 30, apply: applyPartners };
