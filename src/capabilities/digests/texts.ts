// Italian catalogue of digests and exports: what coordinators and networks read.
import { literal } from '../../platform/markup.js';
import { formatDate, formatDateTime, formatRange, formatWeek } from '../../time.js';

const net = (code: string, name?: string) => (name ? `**${literal(code)}** ${literal(name)}` : `**${literal(code)}**`);
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const itDigest = {
  title: (week: string) => `Digest settimanale · ${formatWeek(week)}`,
  networkTitle: (code: string, week: string) => `Digest di ${code} · ${formatWeek(week)}`,
  generated: (week: string, at: Date) => `Settimana ${week} · aggiornato a ${formatDateTime(at)}`,
  empty: (week: string) =>
    `Digest della settimana ${formatWeek(week)}: nessun dato da riassumere. Nessuna rete ha inviato il check-in e non ci sono laboratori, buone prassi o legami da segnalare.`,
  emptyNetwork: (code: string, week: string) =>
    `Digest di ${literal(code)} per la settimana ${formatWeek(week)}: nessun dato da riassumere (nessun check-in, nessun laboratorio in arrivo, nessuna buona prassi sui vostri temi).`,
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
  said: {
    obstacles: 'Ostacoli segnalati',
    obstacle: (code: string, text: string) => `${net(code)} · ${literal(text)}`,
    support: 'Supporto richiesto ad ANCI',
    supportLine: (label: string, count: number, networks: string[]) =>
      `**${literal(label)}**: ${count} ${plural(count, 'rete', 'reti')} (${networks.map(literal).join(', ')})`,
    practices: 'Nuove buone prassi',
    practice: (code: string, title: string, status: string) => `${net(code)} · ${literal(title)} _(${status})_`,
    practiceStatus: { proposta: 'proposta', pubblicata: 'pubblicata', checkin: 'dal check-in' } as Record<string, string>,
    otherPractices: 'Buone prassi di altre reti sui vostri temi',
    practiceThemes: (themes: string[]) => (themes.length ? ` — ${themes.map(literal).join(', ')}` : ''),
  },
  labs: {
    header: 'Laboratori',
    upcoming: 'Nelle prossime due settimane:',
    none: 'Nessun laboratorio nelle prossime due settimane.',
    line: (start: Date, end: Date, title: string, theme: string, confirmed: number, capacity: number | null, waiting: number) =>
      `${formatRange(start, end)} · **${literal(title)}** (${literal(theme)}) · ` +
      (capacity === null ? `${confirmed} ${plural(confirmed, 'iscritto', 'iscritti')}` : `${confirmed}/${capacity} posti`) +
      (waiting > 0 ? `, ${waiting} in lista d'attesa` : ''),
    feedback: 'Gradimento degli ultimi laboratori:',
    feedbackLine: (title: string, start: Date, average: string, responses: number, participants: number) =>
      `**${literal(title)}** (${formatDate(start)}): ${average}/5 da ${responses} ${plural(responses, 'risposta', 'risposte')} su ${participants} ${plural(participants, 'partecipante', 'partecipanti')}`,
  },
  legami: {
    header: 'Legami',
    week: (intros: number, met: number, notYet: number, notInterested: number) =>
      `Presentazioni fatte: **${intros}** · risposte al follow-up: ${met} si sono incontrati, ${notYet} non ancora, ${notInterested} non interessati`,
    trend: (intros: number, met: number) =>
      `Nelle ultime 8 settimane: ${intros} ${plural(intros, 'presentazione', 'presentazioni')}, ${met} ${plural(met, 'incontro avvenuto', 'incontri avvenuti')}.`,
  },
  command: {
    description: 'Mostra ora il digest della settimana (coordinatori)',
    usage: '/digest [CODICE] [AAAA-Wnn]',
    badWeek: 'La settimana si scrive come 2026-W47.',
    sentPrivately: 'Ti ho mandato il digest in chat privata.',
  },
  jobs: {
    coordinators: 'Digest settimanale ai coordinatori, in privato su ogni piattaforma (lunedì 8:30)',
    networks: 'Riepilogo settimanale di ogni rete nei suoi canali (lunedì 8:40)',
  },
} as const;
