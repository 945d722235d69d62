// The Italian of the scheda's digest sections and export sheets.
import { literal } from '../../platform/markup.js';
import { formatDate } from '../../time.js';
import type { Step } from './model.js';
import { itScheda } from './texts.js';

export const itSchedaReports = {
  networkHeader: '📋 Scheda della rete e obiettivi',
  coordinatorsHeader: '📋 Schede delle reti',
  complete: 'Scheda completa (4 passi su 4).',
  incomplete: (done: number, missing: Step[]) =>
    `Scheda completa a ${done} passi su 4: mancano ${missing.map((m) => itScheda.steps[m].toLowerCase()).join(', ')} (/scheda).`,
  objective: (n: number, what: string, status: string | null) => `O${n} «${literal(what)}»: ${status ?? 'nessuna risposta questa settimana'}`,
  pastDue: (n: number, what: string, due: Date) => `⚠️ O${n} «${literal(what)}»: scaduto ${formatDate(due)}, non raggiunto.`,
  pastDueHeading: (n: number) => `Obiettivi scaduti e non raggiunti: ${n}`,
  noPastDue: 'Nessun obiettivo scaduto senza essere raggiunto.',
  pastDueLine: (code: string, n: number, what: string, due: Date) => `• ${code} O${n} «${literal(what)}», scaduto ${formatDate(due)}`,
  more: (n: number) => `…e altri ${n}.`,
  incompleteHeading: (n: number, of: number, codes: string[], more: number) =>
    `Schede ancora incomplete: ${n} su ${of} (${codes.join(', ')}${more > 0 ? ` e altre ${more}` : ''}).`,
  allComplete: (n: number) => `Tutte le ${n} schede sono complete.`,
  export: {
    sheets: { schede: 'Schede', progress: 'Obiettivi per settimana' },
    columns: {
      network: 'Rete',
      networkName: 'Nome della rete',
      element: 'Elemento',
      code: 'Codice',
      text: 'Testo',
      strategy: 'Strategia',
      target: 'Traguardo',
      unit: 'Unità',
      due: 'Scadenza',
      indicator: 'Indicatore',
      detail: 'Dettaglio',
      reached: 'Raggiunto il',
      week: 'Settimana',
      weekStart: 'Lunedì',
      objective: 'Obiettivo',
      status: 'Stato',
      note: 'Nota',
      by: 'Chi ha risposto',
      at: 'Quando',
    },
    elements: {
      objective: 'obiettivo di cambiamento',
      needs: 'bisogni',
      strategy: 'strategia',
      specific: 'obiettivo specifico',
      role: 'ruolo',
      flow: 'flusso',
    },
  },
};
