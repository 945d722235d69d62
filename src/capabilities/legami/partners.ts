// The partner directory: partners of every network, searched by theme (leniently), their themes
// counted, and partners added in chat by coordinators and referents.
import type { Tx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { itLegami as t } from './texts.js';
import { findPerson } from '../networks/directory.js';
import { canonicalTheme, countThemes, themeKey, themeMatches } from './themes.js';

export interface PartnerView {
  id: number;
  name: string;
  type: string;
  themes: string[];
  description: string;
  contactName: string;
  contact: string;
  network: { id: number; code: string; name: string };
}

/** Partners with a theme matching the query, grouped by network (networks by code, partners by name). */
export async function partnersByTheme(tx: Tx, query: string): Promise<{ network: PartnerView['network']; partners: PartnerView[] }[]> {
  const rows = await tx.partner.findMany({
    where: { network: { active: true } },
    include: { network: { select: { id: true, code: true, name: true } }, contactPerson: { select: { name: true } } },
  });
  const groups = new Map<number, { network: PartnerView['network']; partners: PartnerView[] }>();
  for (const p of rows) {
    if (!p.themes.some((theme) => themeMatches(query, theme))) continue;
    const group = groups.get(p.networkId) ?? { network: p.network, partners: [] };
    group.partners.push({
      id: p.id,
      name: p.name,
      type: p.type,
      themes: p.themes,
      description: p.description,
      contactName: p.contactName || p.contactPerson?.name || '',
      contact: p.contact,
      network: p.network,
    });
    groups.set(p.networkId, group);
  }
  const list = [...groups.values()].sort((a, b) => a.network.code.localeCompare(b.network.code));
  for (const g of list) g.partners.sort((a, b) => a.name.localeCompare(b.name, 'it'));
  return list;
}

/** Every partner theme with how many partners work on it, most common first. */
export async function partnerThemes(tx: Tx): Promise<{ theme: string; count: number }[]> {
  const rows = await tx.partner.findMany({ where: { network: { active: true } }, select: { themes: true } });
  // A partner counts once per theme even if it lists two spellings of it.
  return countThemes(rows.flatMap((r) => [...new Map(r.themes.map((th) => [themeKey(th), th])).values()]));
}

/** Every theme label in use (networks, partners, good practices): typed themes snap to these. */
export async function themeVocabulary(tx: Tx): Promise<string[]> {
  const rows = await tx.$queryRaw<{ theme: string }[]>`
    SELECT theme FROM (
      SELECT unnest(themes) AS theme FROM network WHERE active
      UNION ALL SELECT unnest(themes) FROM partner
      UNION ALL SELECT unnest(themes) FROM legami_good_practice WHERE status = 'pubblicata'
    ) t GROUP BY theme ORDER BY count(*) DESC, theme`;
  return rows.map((r) => r.theme);
}

export interface NewPartner {
  networkId: number;
  name: string;
  type: string;
  themes: string[];
  description: string;
  /** As typed: a name, or a person in Reti (@username, mention, full name). */
  contactName: string;
  contact: string;
  /** The platform the person typed on, to resolve @usernames. */
  platform: string;
}

/** Adds a partner to a network's directory; refuses a name the network already has. */
export async function addPartner(tx: Tx, input: NewPartner): Promise<{ id: number; contactPerson: string | null }> {
  const name = input.name.trim().replace(/\s+/g, ' ');
  const existing = await tx.partner.findFirst({ where: { networkId: input.networkId, name: { equals: name, mode: 'insensitive' } } });
  if (existing) throw new AppError('conflict', t.partner.exists(existing.name));
  const vocabulary = await themeVocabulary(tx);
  const themes = [...new Set(input.themes.map((th) => canonicalTheme(th, vocabulary)))];
  const typed = input.contactName.trim();
  const person = typed ? await findPerson(tx, input.platform, typed) : null;
  const row = await tx.partner.create({
    data: {
      networkId: input.networkId,
      name,
      type: canonicalType(input.type),
      themes,
      description: input.description.trim(),
      contactName: person ? person.name : typed,
      contact: input.contact.trim(),
      contactPersonId: person?.id ?? null,
    },
  });
  return { id: row.id, contactPerson: person?.name ?? null };
}

const KNOWN_TYPES = ['Comune', 'ente del terzo settore', 'associazione di stranieri', 'scuola', 'ASST', 'cooperativa', 'associazione'];

/** "comune" → "Comune", "Associazioni di stranieri" → "associazione di stranieri"; others as typed. */
export function canonicalType(typed: string): string {
  const value = typed.trim().replace(/\s+/g, ' ');
  return KNOWN_TYPES.find((k) => themeMatches(value, k) && themeMatches(k, value)) ?? value;
}
