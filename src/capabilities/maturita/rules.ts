// THE RULES OF THE MAP OF MATURITY — all of them, in this one file (the README repeats them).
//
// Six dimensions (from ANCI Lombardia's document and what the networks asked to follow), each at
// one of four stages: avvio → consolidamento → autonomia → generatività. Every rule reads figures
// ("metrics") over the last 12 ISO weeks of check-ins, ending with the week computed, and the
// network's scheda as it is. A network is at a stage when every metric of the dimension reaches
// that stage's threshold (and so the lower ones: thresholds never decrease from stage to stage);
// otherwise it is at avvio. The thresholds below are the defaults: the `maturita:` section of the
// YAML configuration changes any of them (`soglie: { squadra: { autonomia: { media_squadra: 3.6 } } }`).
// The stages are computed in SQL (profile.ts builds the CASE expressions from these thresholds).

/** Weeks of check-ins a profile reads, the week computed included. */
export const WINDOW_WEEKS = 12;

export const STAGES = ['avvio', 'consolidamento', 'autonomia', 'generativita'] as const;
export type Stage = (typeof STAGES)[number];
/** The stages with thresholds (avvio is where every network starts). */
export const RULED_STAGES = ['consolidamento', 'autonomia', 'generativita'] as const;
export type RuledStage = (typeof RULED_STAGES)[number];

export const STAGE_LABEL: Record<Stage, string> = {
  avvio: 'avvio',
  consolidamento: 'consolidamento',
  autonomia: 'autonomia',
  generativita: 'generatività',
};

/** The figures the rules read, with how each is computed and how it reads as evidence. */
export const METRICS = {
  settimane_risposte: { what: 'settimane con il check-in inviato (su 12)', unit: 'settimane con il check-in' },
  incontri_mese: { what: 'incontri di rete o di cabina di regia al mese (somma di «incontri» / 3)', unit: 'incontri di rete al mese' },
  media_squadra: { what: 'media di «cultura di squadra» (1–5)', unit: 'di media sulla cultura di squadra (1–5)' },
  media_ruolo_attivo: { what: 'media di «ruolo attivo dei cittadini» (1–5)', unit: 'di media sul ruolo attivo dei cittadini (1–5)' },
  cittadini: { what: 'cittadini di paesi terzi coinvolti (somma)', unit: 'cittadini di paesi terzi coinvolti' },
  media_corresponsabilita: { what: 'media di «corresponsabilità» (1–5)', unit: 'di media sulla corresponsabilità (1–5)' },
  partner_attivi: { what: 'partner attivi per settimana (media)', unit: 'partner attivi a settimana' },
  nuovi_partner: { what: 'nuovi partner coinvolti (somma)', unit: 'nuovi partner coinvolti' },
  settimane_associazioni: { what: 'settimane con almeno un’associazione di stranieri coinvolta', unit: 'settimane con associazioni di stranieri coinvolte' },
  referenti_attivi: { what: 'referenti diversi che hanno risposto al check-in', unit: 'referenti diversi hanno risposto' },
  passi_scheda: { what: 'passi della scheda con almeno un elemento (su 4)', unit: 'passi della scheda su 4' },
  obiettivi_misurati: { what: 'obiettivi specifici con un traguardo numerico', unit: 'obiettivi specifici con un traguardo misurabile' },
  risposte_obiettivi: { what: 'risposte sugli obiettivi nei check-in', unit: 'risposte sugli obiettivi nei check-in' },
  obiettivi_raggiunti: { what: 'obiettivi specifici raggiunti', unit: 'obiettivi specifici raggiunti' },
  ruoli: { what: 'ruoli nella scheda', unit: 'ruoli nella scheda' },
  flussi: { what: 'flussi tra ruoli nella scheda', unit: 'flussi tra ruoli nella scheda' },
} as const;
export type Metric = keyof typeof METRICS;

export type Thresholds = Record<RuledStage, Partial<Record<Metric, number>>>;

export interface Dimension {
  code: string;
  label: string;
  /** What the dimension looks at, in one line. */
  about: string;
  /** The thresholds of each stage (every metric listed at every stage). */
  thresholds: Thresholds;
}

export const DIMENSIONS: Dimension[] = [
  {
    code: 'progettazione',
    label: 'progettazione',
    about: 'la scheda della rete e i suoi obiettivi',
    thresholds: {
      consolidamento: { passi_scheda: 2, obiettivi_misurati: 0, obiettivi_raggiunti: 0 },
      autonomia: { passi_scheda: 4, obiettivi_misurati: 1, obiettivi_raggiunti: 0 },
      generativita: { passi_scheda: 4, obiettivi_misurati: 2, obiettivi_raggiunti: 1 },
    },
  },
  {
    code: 'squadra',
    label: 'cultura di squadra',
    about: 'come la rete sente la squadra e quanto si incontra',
    thresholds: {
      consolidamento: { media_squadra: 2.5, incontri_mese: 1 },
      autonomia: { media_squadra: 3.5, incontri_mese: 2 },
      generativita: { media_squadra: 4.2, incontri_mese: 3 },
    },
  },
  {
    code: 'cittadini',
    label: 'ruolo attivo dei cittadini',
    about: 'quanto i cittadini di paesi terzi partecipano e hanno un ruolo attivo',
    thresholds: {
      consolidamento: { media_ruolo_attivo: 2.5, cittadini: 10 },
      autonomia: { media_ruolo_attivo: 3.5, cittadini: 30 },
      generativita: { media_ruolo_attivo: 4.2, cittadini: 60 },
    },
  },
  {
    code: 'coinvolgimento',
    label: 'coinvolgimento e corresponsabilità',
    about: 'partner attivi e nuovi, associazioni di stranieri, responsabilità condivisa',
    thresholds: {
      consolidamento: { media_corresponsabilita: 2.5, partner_attivi: 2, nuovi_partner: 0, settimane_associazioni: 1 },
      autonomia: { media_corresponsabilita: 3.5, partner_attivi: 4, nuovi_partner: 1, settimane_associazioni: 3 },
      generativita: { media_corresponsabilita: 4.2, partner_attivi: 6, nuovi_partner: 3, settimane_associazioni: 6 },
    },
  },
  {
    code: 'valutazione',
    label: 'valutazione',
    about: 'regolarità del check-in e obiettivi misurati e seguiti',
    thresholds: {
      consolidamento: { settimane_risposte: 4, obiettivi_misurati: 0, risposte_obiettivi: 0 },
      autonomia: { settimane_risposte: 8, obiettivi_misurati: 1, risposte_obiettivi: 1 },
      generativita: { settimane_risposte: 11, obiettivi_misurati: 2, risposte_obiettivi: 4 },
    },
  },
  {
    code: 'governance',
    label: 'sostenibilità e governance',
    about: 'ruoli, flussi tra ruoli e responsabilità del check-in condivisa tra referenti',
    thresholds: {
      consolidamento: { ruoli: 1, flussi: 0, referenti_attivi: 1 },
      autonomia: { ruoli: 2, flussi: 1, referenti_attivi: 1 },
      generativita: { ruoli: 4, flussi: 2, referenti_attivi: 2 },
    },
  },
];

export const DIMENSION_CODES = DIMENSIONS.map((d) => d.code);

/** Every metric of a dimension (the union of its stages' thresholds). */
export function metricsOf(d: Pick<Dimension, 'thresholds'>): Metric[] {
  return [...new Set(RULED_STAGES.flatMap((s) => Object.keys(d.thresholds[s]) as Metric[]))];
}

/** The dimensions with the configuration's overrides (dimension → stage → metric → value). */
export function withOverrides(overrides: { dimension: string; stage: string; metric: string; value: number }[]): Dimension[] {
  return DIMENSIONS.map((d) => {
    const thresholds = Object.fromEntries(RULED_STAGES.map((s) => [s, { ...d.thresholds[s] }])) as Thresholds;
    for (const o of overrides) {
      if (o.dimension === d.code && (RULED_STAGES as readonly string[]).includes(o.stage)) thresholds[o.stage as RuledStage][o.metric as Metric] = o.value;
    }
    return { ...d, thresholds };
  });
}

/** The stage a dimension's figures put a network at (the same rule as the SQL, for tests and the CLI). */
export function stageOf(d: Dimension, values: Partial<Record<Metric, number>>): number {
  let stage = 0;
  RULED_STAGES.forEach((s, i) => {
    if (Object.entries(d.thresholds[s]).every(([m, min]) => (values[m as Metric] ?? 0) >= (min as number))) stage = i + 1;
  });
  return stage;
}
