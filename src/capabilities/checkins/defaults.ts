// The default indicator set (PRODUCT.md, from ANCI Lombardia's LAB'IMPACT document), installed
// once into an empty catalogue. Coordinators change it through the YAML `indicators:` section.
import type { Tx } from '../../db/client.js';
import { GOOD_PRACTICE_CODE } from './hooks.js';
import type { IndicatorOption, IndicatorType } from './indicators.js';

export interface IndicatorDefinition {
  code: string;
  questionIt: string;
  questionEn?: string;
  type: IndicatorType;
  min?: number;
  max?: number;
  options?: IndicatorOption[];
  required: boolean;
  help?: string;
}

const count = (code: string, questionIt: string, questionEn: string): IndicatorDefinition => ({
  code,
  questionIt,
  questionEn,
  type: 'integer',
  min: 0,
  required: true,
});
const scale = (code: string, questionIt: string, questionEn: string): IndicatorDefinition => ({
  code,
  questionIt,
  questionEn,
  type: 'scale',
  min: 1,
  max: 5,
  required: true,
  help: '1 = per niente, 5 = moltissimo.',
});

/** The seven kinds of support the networks asked ANCI for. */
export const supportOptions: IndicatorOption[] = [
  { code: 'formazione', label: 'formazione', labelEn: 'training' },
  { code: 'supporto_tecnico', label: 'supporto tecnico e supervisione', labelEn: 'technical support and supervision' },
  { code: 'confronto_partner', label: 'confronto tra partner', labelEn: 'exchange between partners' },
  { code: 'associazioni_stranieri', label: 'sostegno con le associazioni di stranieri', labelEn: 'support with associations of foreigners' },
  { code: 'dialogo_tecnico_politico', label: 'dialogo tecnico-politico', labelEn: 'technical-political dialogue' },
  { code: 'approfondimento_temi', label: 'approfondimento di temi', labelEn: 'deeper study of themes' },
  { code: 'cabina_di_regia', label: 'presenza alla cabina di regia', labelEn: 'presence at the steering committee' },
];

export const defaultIndicators: IndicatorDefinition[] = [
  count(
    'incontri',
    'Quanti incontri di rete o di cabina di regia si sono svolti questa settimana?',
    'How many network or steering-committee meetings took place this week?',
  ),
  count('partner_attivi', 'Quanti partner hanno partecipato attivamente?', 'How many partners took an active part?'),
  count('nuovi_partner', 'Quanti nuovi partner si sono coinvolti?', 'How many new partners got involved?'),
  count(
    'cittadini',
    'Quanti cittadini di paesi terzi sono stati coinvolti nelle attività?',
    'How many third-country nationals were involved in the activities?',
  ),
  count('associazioni', 'Quante associazioni di stranieri sono state coinvolte?', 'How many associations of foreigners were involved?'),
  scale('squadra', 'Da 1 a 5: quanto senti una cultura di squadra nella rete?', 'From 1 to 5: how much team culture do you feel in the network?'),
  scale('corresponsabilita', 'Da 1 a 5: quanto gli attori si sentono corresponsabili?', 'From 1 to 5: how co-responsible do the actors feel?'),
  scale('ruolo_attivo', 'Da 1 a 5: quanto i cittadini hanno avuto un ruolo attivo?', 'From 1 to 5: how active a role did citizens have?'),
  { code: 'ostacoli', questionIt: 'Quali ostacoli avete incontrato?', questionEn: 'What obstacles did you meet?', type: 'text', required: false },
  {
    code: 'supporto',
    questionIt: 'Di quale supporto di ANCI avreste bisogno?',
    questionEn: 'What support from ANCI would you need?',
    type: 'multi',
    options: supportOptions,
    required: false,
  },
  {
    code: GOOD_PRACTICE_CODE,
    questionIt: 'C’è una buona prassi da condividere con le altre reti?',
    questionEn: 'Is there a good practice to share with the other networks?',
    type: 'text',
    required: false,
    help: 'Raccontala in poche righe: potrà essere condivisa con le altre reti.',
  },
];

/** Position step between indicators, so a coordinator can insert one in between. */
export const POSITION_STEP = 10;

/**
 * Installs the default set into an empty catalogue (first start). Idempotent and safe between
 * replicas (ON CONFLICT DO NOTHING); never touches a catalogue that already has indicators, so
 * retired or reworded defaults stay as the coordinators left them. Returns how many were added.
 */
export async function installDefaultIndicators(tx: Tx): Promise<number> {
  if ((await tx.indicator.count()) > 0) return 0;
  const { count: added } = await tx.indicator.createMany({
    data: defaultIndicators.map((d, i) => ({
      code: d.code,
      questionIt: d.questionIt,
      questionEn: d.questionEn ?? null,
      type: d.type,
      min: d.min ?? null,
      max: d.max ?? null,
      options: (d.options ?? []) as object[],
      required: d.required,
      help: d.help ?? '',
      position: (i + 1) * POSITION_STEP,
    })),
    skipDuplicates: true,
  });
  return added;
}
