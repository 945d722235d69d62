// Support requested by networks (the check-in question "supporto") and the good practices that
// cover it. The introductions job receives a SupportSource, so tests can feed requests directly;
// `sqlSupportSource` reads them from the check-in answers.
import type { Tx } from '../../db/client.js';
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

/**
 * Reads the "supporto" answers of the confirmed check-ins (checkin_answer), each chosen code
 * turned into its label through the indicator's options, so that it matches SUPPORT_KINDS.
 */
export function sqlSupportSource(): SupportSource {
  return {
    async requested(db, since) {
      return db.$queryRaw<SupportRequest[]>`
        SELECT a.network_id AS "networkId", COALESCE(o.option ->> 'label', c.code) AS kind
          FROM checkin_answer a
          JOIN indicator i ON i.id = a.indicator_id
          CROSS JOIN LATERAL unnest(a.choice_codes) AS c(code)
          LEFT JOIN LATERAL (
            SELECT option FROM jsonb_array_elements(i.options) AS option WHERE option ->> 'code' = c.code LIMIT 1
          ) o ON true
         WHERE a.indicator_code = 'supporto' AND NOT a.skipped AND a.answered_at >= ${since}`;
    },
  };
}

/** The kinds of support of the default check-in (PRODUCT.md), with the words a practice covering them uses. */
export const SUPPORT_KINDS: { label: string; keywords: string[] }[] = [
  { label: 'formazione', keywords: ['formazione', 'corso', 'laboratorio', 'aggiornamento'] },
  { label: 'supporto tecnico e supervisione', keywords: ['supervisione', 'supporto tecnico', 'monitoraggio', 'progettazione'] },
  { label: 'confronto tra partner', keywords: ['confronto', 'partner', 'tavolo', 'coprogettazione', 'co progettazione'] },
  {
    label: 'sostegno con le associazioni di stranieri',
    keywords: ['associazione di stranieri', 'associazioni', 'comunità straniere', 'mediazione', 'mediatori'],
  },
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
