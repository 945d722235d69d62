// Support requested by networks (the check-in question "supporto") and the good practices that
// cover it. The introductions job receives a SupportSource, so it works before the check-in
// tables exist and tests feed requests directly; `sqlSupportSource` reads them from the check-in
// answers once they are there.
import type { Tx } from '../../db/client.js';
import type { Logger } from '../../log.js';
import { containsPhrase, themeMatches, themeTokens } from './themes.js';

export interface SupportRequest {
  networkId: number;
  /** The option chosen, as stored by the check-in: a code ("confronto_partner") or its label. */
  kind: string;
}

export interface SupportSource {
  /** Kinds of support each network asked for since `since` (repeats allowed). */
  requested(db: Tx, since: Date): Promise<SupportRequest[]>;
}

/** Nobody asked for anything (tests of the other matching rules; deployments without check-ins). */
export const noSupportRequests: SupportSource = { requested: async () => [] };

/**
 * Reads the "supporto" answers of the check-ins. Run it outside any transaction: when the check-in
 * tables do not exist yet (or have another shape) it logs and returns nothing instead of failing.
 * Expected shape: checkin_answer(round_id, indicator, choices text[], created_at) and
 * checkin_round(id, network_id).
 */
export function sqlSupportSource(logger?: Logger): SupportSource {
  return {
    async requested(db, since) {
      const [exists] = await db.$queryRaw<{ ok: boolean }[]>`SELECT to_regclass('checkin_answer') IS NOT NULL AS ok`;
      if (!exists?.ok) return [];
      try {
        return await db.$queryRawUnsafe<SupportRequest[]>(
          `SELECT r.network_id AS "networkId", unnest(a.choices) AS kind
             FROM checkin_answer a JOIN checkin_round r ON r.id = a.round_id
            WHERE a.indicator = 'supporto' AND a.created_at >= $1`,
          since,
        );
      } catch (err) {
        logger?.warn({ err }, 'legami: cannot read the check-in support requests');
        return [];
      }
    },
  };
}

/** The kinds of support of the default check-in (PRODUCT.md), with the words a practice covering them uses. */
export const SUPPORT_KINDS: { label: string; keywords: string[] }[] = [
  { label: 'formazione', keywords: ['formazione', 'corso', 'laboratorio', 'aggiornamento'] },
  { label: 'supporto tecnico e supervisione', keywords: ['supervisione', 'supporto tecnico', 'monitoraggio', 'progettazione'] },
  { label: 'confronto tra partner', keywords: ['confronto', 'partner', 'tavolo', 'coprogettazione', 'co progettazione'] },
  { label: 'sostegno con le associazioni di stranieri', keywords: ['associazione di stranieri', 'associazioni', 'comunità straniere', 'mediazione', 'mediatori'] },
  { label: 'dialogo tecnico-politico', keywords: ['dialogo', 'amministratori', 'sindaci', 'politico'] },
  { label: 'approfondimento di temi', keywords: ['approfondimento', 'ricerca', 'seminario', 'studio'] },
  { label: 'presenza alla cabina di regia', keywords: ['cabina di regia', 'governance', 'regia'] },
];

/** The catalogue entry a stored kind refers to: "confronto_partner", "Confronto tra partner", "supporto tecnico". */
export function supportKind(kind: string): { label: string; keywords: string[] } {
  const typed = kind.replace(/[_-]+/g, ' ');
  const found = SUPPORT_KINDS.find((k) => themeMatches(typed, k.label));
  return found ?? { label: typed.trim(), keywords: [typed] };
}

/** A practice covers a kind of support when one of the kind's words is among its themes or in its title. */
export function practiceCovers(practice: { title: string; themes: string[] }, kind: string): boolean {
  const { keywords } = supportKind(kind);
  return keywords.some(
    (k) => themeTokens(k).length > 0 && (practice.themes.some((th) => themeMatches(k, th) || themeMatches(th, k)) || containsPhrase(practice.title, k)),
  );
}
