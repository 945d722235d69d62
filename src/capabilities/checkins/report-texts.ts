// Italian catalogue of what check-ins contribute to the digests (answers, indicators, outliers,
// obstacles, support requested) and to the exports (the answers sheet).
import { literal } from '../../platform/markup.js';

const net = (code: string, name?: string) => (name ? `**${literal(code)}** ${literal(name)}` : `**${literal(code)}**`);
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

const num = (v: number) => v.toLocaleString('it-IT', { maximumFractionDigits: 1 });

export const itCheckinsDigest = {
  charts: {
    responsesTitle: (weeks: number) => `Risposte al check-in, ultime ${weeks} settimane`,
    responsesSummary: (week: string, answered: number, expected: number, firstWeek: string, firstAnswered: number, firstExpected: number) =>
      `Nella settimana ${week} hanno risposto ${answered} reti su ${expected}; nella ${firstWeek} ${firstAnswered} su ${firstExpected}.`,
    onTime: 'In tempo',
    late: 'In ritardo',
    silent: 'Senza risposta',
    indicatorTitle: (label: string, aggregate: string) =>
      `${label.charAt(0).toUpperCase()}${label.slice(1)}${aggregate === 'avg' ? ' (media, 1–5)' : ' (totale)'}`,
    indicatorSeries: (aggregate: string) => (aggregate === 'avg' ? 'Media delle reti' : 'Totale delle reti'),
    indicatorSummary: (label: string, aggregate: string, last: number | null, mean: number | null, weeks: number) =>
      last === null
        ? `${label}: nessuna risposta questa settimana.`
        : `${label}: ${aggregate === 'avg' ? 'media' : 'totale'} ${num(last)} questa settimana` +
          (mean === null ? '.' : `, contro una media di ${num(mean)} nelle ${weeks} settimane prima.`),
  },
  response: {
    header: 'Risposte',
    summary: (answered: number, expected: number, onTime: number, late: number) =>
      expected === 0
        ? 'Nessun check-in aperto questa settimana.'
        : `Hanno risposto **${answered}** ${plural(answered, 'rete', 'reti')} su ${expected}` +
          (answered > 0 ? `: ${onTime} in tempo, ${late} in ritardo.` : '.'),
    silentHeading: (weeks: number, count: number) =>
      weeks >= 3
        ? `Senza risposta da 3 o più settimane di fila (${count}):`
        : weeks === 2
          ? `Senza risposta da 2 settimane di fila (${count}):`
          : `Senza risposta questa settimana (${count}):`,
    silentLong: (code: string, weeks: number) => `${literal(code)} (${weeks})`,
    lateNote: '«In ritardo»: dopo almeno un promemoria o a settimana finita. Tra parentesi, le settimane senza risposta.',
    networkAnswered: (late: boolean) => (late ? 'Check-in inviato, in ritardo.' : 'Check-in inviato in tempo. Grazie!'),
    networkSilent: (weeks: number) => (weeks <= 1 ? 'Check-in non inviato questa settimana.' : `Check-in non inviato da ${weeks} settimane di fila.`),
    networkNoRound: 'Nessun check-in aperto per questa settimana.',
    networkPaused: 'Check-in in pausa questa settimana.',
    pausedHeading: (count: number) => `In pausa questa settimana (${count}), non contate tra quelle senza risposta:`,
  },
  indicators: {
    header: 'Indicatori',
    line: (label: string, value: string, change: string | null, spark: string, networks: number | null) =>
      `**${literal(label)}** ${value} · ${change === null ? 'nessun dato la settimana prima' : change === '=' ? 'invariato' : `${change} sulla settimana prima`} · ${spark}` +
      (networks === null ? '' : ` (${networks} ${plural(networks, 'rete', 'reti')})`),
    noValue: (label: string, spark: string) => `**${literal(label)}** nessun dato questa settimana · ${spark}`,
    average: (value: string) => `media ${value}`,
    total: (value: string) => `totale ${value}`,
    note: 'Totali per i conteggi, medie per le scale da 1 a 5; la barra mostra le ultime 8 settimane (· = nessun dato).',
    networkNote: 'La barra mostra le vostre ultime 8 settimane (· = nessuna risposta).',
  },
  outliers: {
    header: 'Fuori dal solito',
    line: (code: string, name: string, label: string, value: string, usual: string) => `${net(code, name)} · ${literal(label)} ${value} (di solito ${usual})`,
    note: 'Confronto con la mediana delle 8 settimane precedenti della stessa rete (scarto robusto sullo scarto interquartile, almeno 3).',
  },
  obstacles: {
    header: 'Ostacoli segnalati',
    line: (code: string, text: string) => `${net(code)} · ${literal(text)}`,
  },
  support: {
    header: 'Supporto richiesto ad ANCI',
    line: (label: string, count: number, networks: string[]) =>
      `**${literal(label)}**: ${count} ${plural(count, 'rete', 'reti')} (${networks.map(literal).join(', ')})`,
  },
} as const;

export const itCheckinsExport = {
  yes: 'sì',
  no: 'no',
  sheet: 'Check-in',
  columns: {
    network: 'Rete',
    networkName: 'Nome rete',
    week: 'Settimana',
    weekStart: 'Dal (lunedì)',
    indicator: 'Indicatore',
    type: 'Tipo',
    value: 'Valore',
    skipped: 'Saltata',
    answeredBy: 'Risposto da',
    platform: 'Piattaforma',
    answeredAt: 'Risposto il',
    version: 'Versione',
  },
} as const;
