// The Italian of the map of maturity's digest sections and export sheet.
import { stageName } from './texts.js';

export const itMaturitaReports = {
  networkHeader: '🧭 Mappa di maturità',
  networkNote: 'Il profilo completo con /maturita.',
  moveLine: (label: string, from: number, to: number) => `${to > from ? '⬆️' : '⬇️'} ${label}: da ${stageName(from)} a ${stageName(to)}`,
  coordinatorsHeader: '🧭 Mappa di maturità delle reti',
  coordinatorsNote: 'Tutte le reti per fase con /maturita tutte.',
  movedHeading: (n: number) => `Reti che hanno cambiato fase questa settimana: ${n}`,
  noneMoved: 'Nessuna rete ha cambiato fase questa settimana.',
  movedLine: (code: string, label: string, from: number, to: number) => `• ${code} · ${label}: ${stageName(from)} → ${stageName(to)}`,
  missingHeading: (n: number) => `Reti in una fase il cui supporto suggerito non è ancora stato dato: ${n}`,
  missingLine: (code: string, label: string, stage: number, kinds: string) => `• ${code} · ${label} (${stageName(stage)}): ${kinds}`,
  more: (n: number) => `…e altre ${n}.`,
  export: {
    sheet: 'Maturità per settimana',
    columns: {
      week: 'Settimana',
      weekStart: 'Lunedì',
      network: 'Rete',
      networkName: 'Nome della rete',
      dimension: 'Dimensione',
      stage: 'Fase',
      level: 'Livello (1–4)',
      figures: 'Dati della regola',
    },
  },
};
