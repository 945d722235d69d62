// Every Italian sentence of the map of maturity.
import { literal } from '../../platform/markup.js';
import { formatWeek } from '../../time.js';
import { METRICS, STAGE_LABEL, STAGES, type Metric } from './rules.js';

type Net = { code: string; name: string };
const net = (n: Net) => `${literal(n.name)} (${n.code})`;

/** "1,3", "2", "0,5": at most one decimal, Italian comma. */
export function figure(v: number): string {
  const r = Math.round(v * 10) / 10;
  return String(r).replace('.', ',');
}

export const stageName = (i: number) => STAGE_LABEL[STAGES[i] ?? 'avvio'];

export const itMaturita = {
  title: (n: Net) => `🧭 Mappa di maturità di ${net(n)}`,
  intro: (week: string) => `Ultime 12 settimane, fino alla settimana ${formatWeek(week)}.`,
  dimension: (label: string, stage: number) => `**${label}**: ${stageName(stage)} (${stage + 1}/4)`,
  change: (before: number, now: number) =>
    before === now ? `   invariata rispetto a 12 settimane fa` : `   ${now > before ? '⬆️' : '⬇️'} 12 settimane fa: ${stageName(before)}`,
  evidence: (metric: Metric, value: number) => `   ${figure(value)} ${METRICS[metric].unit}`,
  next: (stage: number, needs: string[]) => `   Per passare a ${stageName(stage + 1)}: ${needs.join('; ')}.`,
  needs: (metric: Metric, value: number, min: number) => `${METRICS[metric].what}: almeno ${figure(min)} (ora ${figure(value)})`,
  top: '   Fase più alta raggiunta.',
  support: (stage: number, kinds: string, text: string) => `   💡 Supporto per la fase ${stageName(stage)}: ${kinds}${text ? ` — ${literal(text)}` : ''}`,
  foot: 'Le regole e le soglie sono nel README (sezione «Mappa di maturità»); i coordinatori vedono tutte le reti con /maturita tutte.',
  all: {
    title: (week: string, count: number) => `🧭 Mappa di maturità delle reti (${count}), settimana ${formatWeek(week)}`,
    dimension: (label: string) => `**${label}**`,
    stage: (stage: number, codes: string[], total: number) =>
      `   ${stageName(stage)} (${total}): ${codes.join(', ')}${total > codes.length ? ` e altre ${total - codes.length}` : ''}`,
    moved: 'Reti che hanno cambiato fase nelle ultime 4 settimane:',
    movedLine: (code: string, dimension: string, from: number, to: number) => `   ${code} · ${dimension}: ${stageName(from)} → ${stageName(to)}`,
    noneMoved: 'Nessuna rete ha cambiato fase nelle ultime 4 settimane.',
  },
  percorso: {
    saved: (stage: number, dimension: string, kinds: string) =>
      `Fatto: per la fase ${stageName(stage)}${dimension ? ` (${dimension})` : ''} il supporto suggerito è ${kinds}.`,
    list: 'Percorsi di supporto per fase:',
    line: (stage: number, dimension: string, kinds: string, text: string) =>
      `• ${stageName(stage)}${dimension ? ` (${dimension})` : ''}: ${kinds}${text ? ` — ${literal(text)}` : ''}`,
    none: 'Nessun percorso configurato: /maturita percorso FASE [DIMENSIONE] tipo,tipo testo.',
    badStage: 'Indica la fase: avvio, consolidamento, autonomia o generatività.',
    badKinds: (known: string[]) => `Indica uno o più tipi di supporto separati da virgole, tra: ${known.join(', ')}.`,
    textTooLong: 'Il testo del percorso è troppo lungo (al massimo 500 caratteri).',
  },
  refuse: {
    coordinatorsOnly: 'La mappa di tutte le reti e i percorsi sono per i coordinatori.',
  },
};
