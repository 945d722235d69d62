// The seven kinds of contribution the networks asked of ANCI Lombardia (the seed document: «Il
// contributo richiesto ad ANCI Lombardia»). Codes are the check-in's «supporto» option codes
// (src/capabilities/checkins/defaults.ts), so a kind chosen in a check-in is a kind here.
import { normalize } from '../../conversation/parse.js';

export interface SupportKind {
  code: string;
  /** As the seed names it. */
  label: string;
  /** In lists and digests. */
  short: string;
  /** Words that find it in a filter (/richieste cabina). */
  words: string[];
}

export const SUPPORT_KINDS: SupportKind[] = [
  { code: 'formazione', label: 'formazione', short: 'formazione', words: ['formazione', 'corso', 'corsi'] },
  { code: 'supporto_tecnico', label: 'supporto tecnico e supervisione', short: 'supporto tecnico', words: ['supporto tecnico', 'tecnico', 'supervisione'] },
  { code: 'confronto_partner', label: 'confronto tra partner', short: 'confronto tra partner', words: ['confronto', 'partner'] },
  {
    code: 'associazioni_stranieri',
    label: 'sostegno nelle attività con le associazioni di stranieri',
    short: 'associazioni di stranieri',
    words: ['associazioni', 'associazioni di stranieri', 'stranieri', 'sostegno'],
  },
  {
    code: 'dialogo_tecnico_politico',
    label: 'supportare e facilitare il dialogo tecnico-politico',
    short: 'dialogo tecnico-politico',
    words: ['dialogo', 'dialogo tecnico politico', 'tecnico politico', 'politico'],
  },
  { code: 'approfondimento_temi', label: 'approfondimento di alcuni temi', short: 'approfondimento di temi', words: ['approfondimento', 'temi'] },
  {
    code: 'cabina_di_regia',
    label: 'presenza di ANCI alle cabine di regia locali',
    short: 'cabina di regia',
    words: ['cabina', 'cabine', 'cabina di regia', 'cabine di regia', 'regia', 'presenza'],
  },
];

/** The kinds for which ANCI meets the network (a meeting can be set from the request). */
export const MEETING_KINDS = new Set(['cabina_di_regia', 'approfondimento_temi']);

export const KIND_CODES = SUPPORT_KINDS.map((k) => k.code);

export function kindShort(code: string): string {
  return SUPPORT_KINDS.find((k) => k.code === code)?.short ?? code.replace(/_/g, ' ');
}

export function kindLabel(code: string): string {
  return SUPPORT_KINDS.find((k) => k.code === code)?.label ?? code.replace(/_/g, ' ');
}

/**
 * The kind a text names: its code, its label, one of its words, or the check-in's own label of
 * the option ("sostegno con le associazioni di stranieri", "presenza alla cabina di regia").
 * Null when it names none or more than one.
 */
export function findKind(text: string): SupportKind | null {
  const typed = normalize(text.replace(/[_-]+/g, ' '));
  if (!typed) return null;
  const exact = SUPPORT_KINDS.find((k) => normalize(k.code.replace(/_/g, ' ')) === typed || normalize(k.label.replace(/-/g, ' ')) === typed);
  if (exact) return exact;
  const byWord = SUPPORT_KINDS.filter((k) => k.words.some((w) => w === typed));
  if (byWord.length === 1) return byWord[0]!;
  // A longer phrase (a check-in label): the kind whose words it contains, if only one.
  const contained = SUPPORT_KINDS.filter((k) => k.words.some((w) => w.includes(' ') && ` ${typed} `.includes(` ${w} `)));
  if (contained.length === 1) return contained[0]!;
  const anyWord = SUPPORT_KINDS.filter((k) => k.words.some((w) => ` ${typed} `.includes(` ${w} `)));
  return anyWord.length === 1 ? anyWord[0]! : null;
}
