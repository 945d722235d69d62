// Italian catalogue of what requests and meetings contribute to the digests and the exports.
import { literal } from '../../platform/markup.js';
import { formatNumber } from '../../reports/format.js';
import { formatRange } from '../../time.js';
import { kindShort } from './kinds.js';
import { stateLabel } from './texts.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const days = (n: number | null) => (n === null ? '—' : `${formatNumber(n)} ${n === 1 ? 'giorno' : 'giorni'}`);

export const itRichiesteReports = {
  digest: {
    header: 'Richieste di supporto ad ANCI',
    week: (opened: number, taken: number, closed: number) =>
      `Questa settimana: **${opened}** ${opened === 1 ? 'aperta' : 'aperte'}, **${taken}** ${taken === 1 ? 'presa' : 'prese'} in carico, **${closed}** ${
        closed === 1 ? 'conclusa' : 'concluse'
      } (svolte o chiuse).`,
    openByKind: (rows: { kind: string; count: number }[]) =>
      `Aperte ora: ${rows.map((r) => `${literal(kindShort(r.kind))} ${r.count}`).join(' · ')} (totale ${rows.reduce((s, r) => s + r.count, 0)}).`,
    noneOpen: 'Nessuna richiesta aperta ora.',
    waitingHeading: (n: number) => `Aperte da più di due settimane (${n}):`,
    waitingLine: (w: { id: number; code: string; kind: string; state: string; days: number }) =>
      `• n. ${w.id} · **${literal(w.code)}** · ${literal(kindShort(w.kind))} — ${stateLabel(w.state)}, da ${w.days} giorni`,
    waitingMore: (n: number) => `…e ${plural(n, 'altra', 'altre')}: /richieste per l’elenco completo.`,
    medians: (taken: { median: number | null; requests: number }, done: { median: number | null; requests: number }) =>
      `Ultime 12 settimane, mediana dalla richiesta alla presa in carico: **${days(taken.median)}** (${plural(taken.requests, 'richiesta', 'richieste')}); allo svolgimento: **${days(done.median)}** (${plural(done.requests, 'richiesta', 'richieste')}).`,
    note: 'Aperte da più di due settimane: contando dalla richiesta. Mediane in giorni, sulle richieste prese in carico (o svolte) nelle ultime 12 settimane. Gestisci le richieste con /richieste.',
    networkHeader: 'Le vostre richieste ad ANCI',
    networkOpen: (n: number) => `${n === 1 ? 'Una richiesta aperta' : `${n} richieste aperte`}:`,
    networkLine: (r: { id: number; kind: string; state: string; assignee: string | null }, age: number) =>
      `• n. ${r.id} · ${literal(kindShort(r.kind))} — ${stateLabel(r.state)}${r.assignee ? ` (${literal(r.assignee)})` : ''}, da ${plural(age, 'giorno', 'giorni')}`,
    networkNoneOpen: 'Nessuna richiesta aperta: potete farne una con /richiesta.',
    nextMeeting: (m: { id: number; startsAt: Date; endsAt: Date; place: string; onlineUrl: string }) =>
      `Prossimo incontro con ANCI: **${formatRange(m.startsAt, m.endsAt)}**${m.place ? ` · ${literal(m.place)}` : m.onlineUrl ? ' · online' : ''} (/incontro ${m.id}).`,
    noMeeting: 'Nessun incontro con ANCI in programma.',
  },
  export: {
    sheets: { requests: 'Richieste', changes: 'Richieste - storia', meetings: 'Incontri' },
    source: { checkin: 'check-in', comando: '/richiesta' } as Record<string, string>,
    events: {
      aperta: 'aperta',
      aggiornata: 'aggiornata',
      stato: 'cambio di stato',
      incontro: 'incontro',
      nota: 'nota',
      confermata: 'confermata dalla rete',
    } as Record<string, string>,
    meetingStatus: { scheduled: 'in programma', cancelled: 'annullato' } as Record<string, string>,
    columns: {
      id: 'N. richiesta',
      network: 'Rete',
      networkName: 'Nome della rete',
      kind: 'Tipo di supporto',
      state: 'Stato',
      need: 'Cosa serve',
      dueBy: 'Entro',
      source: 'Origine',
      period: 'Settimana del check-in',
      openedBy: 'Aperta da',
      openedAt: 'Aperta il',
      assignee: 'Presa in carico da',
      takenAt: 'Presa in carico il',
      doneAt: 'Svolta il',
      closedAt: 'Chiusa il',
      closeReason: 'Motivo della chiusura',
      at: 'Quando',
      who: 'Chi',
      event: 'Cosa',
      from: 'Da',
      to: 'A',
      note: 'Nota',
      meeting: 'N. incontro',
      startsAt: 'Inizio',
      endsAt: 'Fine',
      place: 'Luogo',
      link: 'Collegamento',
      anci: 'Per ANCI',
      agenda: 'Ordine del giorno',
      meetingState: 'Stato',
      request: 'N. richiesta',
      yes: 'Ci saranno',
      no: 'Non possono',
      none: 'Senza risposta',
      decisions: 'Decisioni',
      nextSteps: 'Prossimi passi',
      noteBy: 'Nota di',
      noteAt: 'Nota il',
    },
  },
};
