// Italian catalogue of the requests of support and the meetings with ANCI Lombardia: every
// sentence the bot writes about them, gender-neutral, dates in Europe/Rome.
import { literal } from '../../platform/markup.js';
import { formatDate, formatDateTime, formatRange, formatWeek } from '../../time.js';
import { kindLabel, kindShort } from './kinds.js';

interface NetworkRef {
  code: string;
  name: string;
}

interface RequestLike {
  id: number;
  kind: string;
  state: string;
  need: string;
  dueBy: Date | null;
  source: string;
  period: string | null;
  openedAt: Date;
  closeReason: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const net = (n: NetworkRef) => `${literal(n.name)} (${literal(n.code)})`;
const ref = (id: number) => `n. ${id}`;

export const stateLabels: Record<string, string> = {
  nuova: 'nuova',
  presa_in_carico: 'presa in carico',
  in_corso: 'in corso',
  svolta: 'svolta',
  chiusa: 'chiusa',
};
export const stateLabel = (s: string) => stateLabels[s] ?? s;

const days = (n: number) => (n === 0 ? 'aperta oggi' : `aperta da ${plural(n, 'giorno', 'giorni')}`);

export const itRichieste = {
  ref,
  stateLabel,
  unreachable: (who: string, link?: string) =>
    `${literal(who)}, ho un messaggio per te sulle richieste di supporto ad ANCI Lombardia ma non posso scriverti in privato.${
      link ? ` [Apri la chat con me](${link}) e premi Avvia.` : ' Scrivimi una volta in privato.'
    }`,
  buttons: {
    take: 'Prendo in carico',
    network: 'Vedi rete',
    start: 'In corso',
    done: 'Svolta',
    solved: 'Sì, risolto',
    notYet: 'Non ancora',
    meeting: 'Fissa un incontro',
    retry: 'Correggi',
  },
  fields: {
    kind: 'Di quale supporto di ANCI ha bisogno la rete?',
    need: 'Di che cosa avete bisogno, in concreto?',
    needHelp: 'Qualche riga: cosa vi serve, per chi, con quali tempi.',
    due: 'Entro quando?',
    dueHelp: 'Una data, per esempio 31/01/2027.',
    dueModal: 'Entro quando (facoltativo)',
  },
  card: {
    details: (r: Pick<RequestLike, 'need' | 'dueBy' | 'source'>) =>
      [
        r.need ? (r.source === 'checkin' ? `Ostacoli indicati nel check-in: ${literal(r.need)}` : `Cosa serve: ${literal(r.need)}`) : '',
        r.dueBy ? `Entro: ${formatDate(r.dueBy)}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    origin: (r: Pick<RequestLike, 'source' | 'period' | 'openedAt'>, opener: string) =>
      r.source === 'checkin'
        ? `Dal check-in della settimana ${r.period ? formatWeek(r.period) : ''}${opener ? `, inviato da ${literal(opener)}` : ''} · ${formatDateTime(r.openedAt)}`
        : `Aperta${opener ? ` da ${literal(opener)}` : ''} con /richiesta · ${formatDateTime(r.openedAt)}`,
  },
  notice: {
    newHeader: '📥 Nuova richiesta di supporto',
    newPlain: (n: NetworkRef, r: RequestLike) => `Nuova richiesta di supporto (${ref(r.id)}): ${n.name} (${n.code}), ${kindLabel(r.kind)}`,
    newBody: (n: NetworkRef, r: RequestLike) => `**${net(n)}** chiede: **${literal(kindLabel(r.kind))}** (${ref(r.id)}).`,
    taken: (r: RequestLike, n: NetworkRef, by: string) =>
      `La richiesta ${ref(r.id)} di ${net(n)} (${literal(kindLabel(r.kind))}) è stata presa in carico da **${literal(by)}** di ANCI Lombardia.`,
    followHint: 'Puoi seguirla con /richieste.',
    done: (r: RequestLike, n: NetworkRef, by: string) =>
      `La richiesta ${ref(r.id)} di ${net(n)} (${literal(kindLabel(r.kind))}) è stata segnata come **svolta** da ${literal(by)} di ANCI Lombardia.`,
    doneNote: (note: string) => `Nota: ${literal(note)}`,
    doneAsk: 'Per la rete è risolta?',
    closed: (r: RequestLike, n: NetworkRef, by: string, reason: string) =>
      `La richiesta ${ref(r.id)} di ${net(n)} (${literal(kindLabel(r.kind))}) è stata chiusa da ${literal(by)} di ANCI Lombardia. Motivo: ${literal(reason)}`,
    updated: (r: RequestLike, who: string, need: string) =>
      `${literal(who || 'La rete')} ha aggiunto qualcosa alla richiesta ${ref(r.id)} (${literal(kindLabel(r.kind))}): ${literal(need)}`,
    confirmed: (r: RequestLike, who: string) => `${literal(who)} conferma che la richiesta ${ref(r.id)} (${literal(kindLabel(r.kind))}) è risolta. 👍`,
    reopened: (r: RequestLike, who: string) =>
      `${literal(who)} dice che la richiesta ${ref(r.id)} (${literal(kindLabel(r.kind))}) non è ancora risolta: è di nuovo **in corso**.`,
    detailHint: (id: number) => `Dettagli e storia: /richieste ${id}`,
  },
  answers: {
    taken: (id: number) => `Fatto: hai preso in carico la richiesta ${ref(id)}. I referenti della rete sono stati avvisati.`,
    alreadyMine: (id: number) => `Hai già preso in carico la richiesta ${ref(id)}: nulla da cambiare.`,
    takenByOther: (id: number, by: string) => `La richiesta ${ref(id)} è già stata presa in carico da ${literal(by)}.`,
    notOpen: (id: number, state: string) => `La richiesta ${ref(id)} è già ${stateLabel(state)}: nulla da prendere in carico.`,
    started: (id: number) => `La richiesta ${ref(id)} ora è in corso.`,
    alreadyStarted: (id: number) => `La richiesta ${ref(id)} è già in corso: nulla da cambiare.`,
    done: (id: number) => `La richiesta ${ref(id)} è segnata come svolta: ho chiesto ai referenti della rete se per loro è risolta.`,
    alreadyDone: (id: number) => `La richiesta ${ref(id)} è già segnata come svolta: nulla da cambiare.`,
    closed: (id: number) => `La richiesta ${ref(id)} è chiusa. I referenti della rete sono stati avvisati con il motivo.`,
    confirmed: (id: number) => `Grazie! Ho segnato che la richiesta ${ref(id)} è risolta.`,
    alreadyConfirmed: (id: number, by: string) => `${literal(by)} ha già confermato che la richiesta ${ref(id)} è risolta: nulla da cambiare.`,
    reopened: (id: number) => `Ho riaperto la richiesta ${ref(id)} e l’ho fatto sapere ad ANCI Lombardia.`,
    alreadyReopened: (id: number, by: string) => `${literal(by)} ha già riaperto la richiesta ${ref(id)}: è di nuovo in corso.`,
    notDone: (id: number, state: string) => `La richiesta ${ref(id)} ora è ${stateLabel(state)}: non c’è niente da confermare.`,
  },
  form: {
    modalTitle: 'Richiesta ad ANCI',
    modalSubmit: 'Invia',
    guidedTitle: (n: NetworkRef) => `Richiesta di supporto per ${n.name} (${n.code})`,
    intro: (n: NetworkRef) => `Apriamo una richiesta di supporto ad ANCI Lombardia per ${net(n)}: tre domande.`,
    summaryIntro: (n: NetworkRef) => `Richiesta per ${net(n)}: controlla e conferma.`,
    continuePrivately: (link?: string) => `Ti scrivo in privato per la richiesta.${link ? ` Se non vedi il messaggio, [apri la chat con me](${link}).` : ''}`,
    retryHint: 'Premi «Correggi» per riaprire il modulo con quello che avevi scritto.',
    sent: (r: RequestLike, n: NetworkRef) =>
      `Richiesta inviata ad ANCI Lombardia (${ref(r.id)}): **${literal(kindLabel(r.kind))}** per ${net(n)}. Ti scrivo quando un coordinatore la prende in carico; puoi seguirla con /richieste.`,
    merged: (r: RequestLike, n: NetworkRef, assignee: string) =>
      `${net(n)} ha già una richiesta aperta di questo tipo (${ref(r.id)}, ${stateLabel(r.state)}${assignee ? ` da ${literal(assignee)}` : ''}): ho aggiunto quello che hai scritto lì, senza aprirne un’altra.`,
    invalid: {
      kind: 'Scegli il tipo di supporto dall’elenco.',
      needMissing: 'Scrivi di che cosa avete bisogno: mi serve per passarlo al coordinamento.',
      needTooLong: (max: number) => `La descrizione è troppo lunga: al massimo ${max} caratteri.`,
      due: 'La data non è valida: scegline una dal calendario.',
      duePast: 'La data dev’essere nel futuro (da domani in poi).',
    },
  },
  list: {
    titleCoordinators: 'Richieste di supporto aperte',
    titleReferents: 'Le richieste della tua rete',
    titleFiltered: (labels: string[]) => `Richieste di supporto: ${labels.map(literal).join(', ')}`,
    none: 'Nessuna richiesta da mostrare.',
    noneFiltered: (labels: string[]) => `Nessuna richiesta per: ${labels.map(literal).join(', ')}.`,
    entry: (r: RequestLike, n: NetworkRef, age: number) =>
      `**${ref(r.id)}** · ${literal(n.code)} · ${literal(kindShort(r.kind))} — ${stateLabel(r.state)}${['nuova', 'presa_in_carico', 'in_corso'].includes(r.state) ? `, ${days(age)}` : ''}`,
    entryMeta: (r: RequestLike, assignee: string) =>
      [
        assignee ? `seguita da ${literal(assignee)}` : '',
        r.dueBy ? `entro ${formatDate(r.dueBy)}` : '',
        r.state === 'chiusa' && r.closeReason ? `motivo: ${literal(r.closeReason)}` : '',
      ]
        .filter(Boolean)
        .join(' · '),
    more: (n: number) => `…e ${plural(n, 'altra', 'altre')}: restringi con un filtro (tipo, rete, stato, mie).`,
    hintCoordinators: 'Filtra con /richieste formazione, /richieste BG01, /richieste mie, /richieste nuove · dettagli con /richieste N.',
    hintReferents: 'Dettagli e storia con /richieste N · nuova richiesta con /richiesta.',
    unknownFilter: (word: string) =>
      `Non riconosco «${literal(word)}». Puoi filtrare per tipo (es. formazione, cabina), rete (es. BG01), stato (nuove, in carico, in corso, svolte, chiuse, tutte) o «mie».`,
  },
  detail: {
    header: (r: RequestLike, n: NetworkRef) => `Richiesta ${ref(r.id)} — ${n.name} (${n.code})`,
    kind: (kind: string) => `Tipo: **${literal(kindLabel(kind))}**`,
    state: (r: RequestLike, assignee: string) =>
      `Stato: **${stateLabel(r.state)}**${assignee ? ` · seguita da ${literal(assignee)}` : ''}${r.state === 'chiusa' && r.closeReason ? ` · motivo: ${literal(r.closeReason)}` : ''}`,
    historyTitle: '**Storia**',
    historyLine: (e: { kind: string; fromState: string | null; toState: string | null; note: string; at: Date }, who: string) => {
      const what =
        e.kind === 'aperta'
          ? 'richiesta aperta'
          : e.kind === 'aggiornata'
            ? `aggiornata${e.note ? `: ${literal(e.note)}` : ''}`
            : e.kind === 'stato'
              ? `${stateLabel(e.fromState ?? '')} → ${stateLabel(e.toState ?? '')}${e.note ? ` (${literal(e.note)})` : ''}`
              : e.kind === 'confermata'
                ? 'la rete conferma che è risolta'
                : literal(e.note);
      return `• ${formatDateTime(e.at)}${who ? ` — ${literal(who)}` : ''}: ${what}`;
    },
    meetingsTitle: '**Incontri**',
    meetingLine: (id: number, start: Date, status: string, noted: boolean) =>
      `• ${ref(id)} · ${formatDateTime(start)}${status === 'cancelled' ? ' (annullato)' : noted ? ' (con nota)' : ''} — /incontro ${id}`,
    coordinatorHint: (id: number) => `Per chiuderla con un motivo: /richieste chiudi ${id} MOTIVO`,
  },
  networkView: {
    header: (n: NetworkRef) => `${n.name} (${n.code})`,
    area: (area: string) => (area ? `Area: ${literal(area)}` : ''),
    referents: (names: string[]) => (names.length ? `Referenti: ${names.map(literal).join(', ')}` : 'Nessun referente indicato'),
    themes: (themes: string[]) => (themes.length ? `Temi: ${themes.map(literal).join(', ')}` : ''),
    openTitle: (n: number) => `**${plural(n, 'richiesta aperta', 'richieste aperte')}**`,
    noneOpen: 'Nessuna richiesta aperta.',
    nextMeeting: (id: number) => `**Prossimo incontro con ANCI** (${ref(id)})`,
    noMeeting: 'Nessun incontro con ANCI in programma.',
    lastNote: (start: Date, decisions: string, next: string) =>
      `**Ultimo incontro** (${formatDate(start)}): ${literal(decisions)}${next ? `\nProssimi passi: ${literal(next)}` : ''}`,
  },
  history: {
    askedAgainInCheckin: (period: string, note: string) =>
      `chiesta di nuovo nel check-in della settimana ${period ? formatWeek(period) : ''}${note ? `; ostacoli indicati: ${note}` : ''}`,
    reopened: 'la rete dice che non è ancora risolta',
  },
  refuse: {
    coordinatorsOnly: 'Solo i coordinatori di ANCI Lombardia possono prendere in carico e aggiornare le richieste: non ho cambiato nulla.',
    referentsOnly: 'Le richieste di supporto sono aperte dai referenti della rete: non risulti referente di nessuna rete.',
    notReferentOf: (code: string) => `Non risulti referente della rete ${literal(code)}: puoi agire solo per le reti di cui sei referente.`,
    chooseNetwork: (codes: string[]) =>
      codes.length
        ? `Sei referente di più reti: indica quale, per esempio /richiesta ${literal(codes[0]!)} (le tue: ${codes.map(literal).join(', ')}).`
        : 'Indica la rete, per esempio /richiesta BG01.',
    requestNotFound: (id: number) => `Non trovo la richiesta ${ref(id)}. Scrivi /richieste per vedere quelle aperte.`,
    meetingNotFound: (id: number) => `Non trovo l’incontro ${ref(id)}. Scrivi /incontri per vedere quelli in programma.`,
    badRequestId: 'Indica il numero della richiesta, per esempio 12.',
    badMeetingId: 'Indica il numero dell’incontro, per esempio 5.',
    unknownKind: (kind: string) => `«${literal(kind)}» non è un tipo di supporto che conosco.`,
    busy: 'In questo momento la richiesta sta cambiando: riprova tra qualche istante.',
    alreadyDone: (id: number) => `La richiesta ${ref(id)} è già svolta: non posso cambiarne lo stato.`,
    alreadyClosed: (id: number, reason: string) =>
      `La richiesta ${ref(id)} è già chiusa${reason ? ` (motivo: ${literal(reason)})` : ''}: non posso cambiarne lo stato.`,
    reasonNeeded: (id: number) => `Per chiudere una richiesta serve il motivo, per esempio: /richieste chiudi ${id} la rete ha trovato un’altra soluzione`,
    notYourNetworkRequest: (id: number) => `La richiesta ${ref(id)} è di un’altra rete: la possono seguire solo i suoi referenti e i coordinatori.`,
    otherOpen: (id: number, other: number) =>
      `La rete ha già un’altra richiesta aperta dello stesso tipo (${ref(other)}): scrivi lì cosa manca con /richiesta, la ${ref(id)} resta com’è.`,
  },
  meetingFields: {
    start: 'Quando inizia l’incontro? Data e ora',
    end: 'A che ora finisce?',
    endHelp: 'Per esempio 12:30. Se la salti, conto un’ora.',
    where: 'Dove? Un luogo oppure un collegamento',
    whereHelp: 'Per esempio: Sala consiliare, Bergamo — oppure https://meet.example.org/…',
    anci: 'Chi partecipa per ANCI Lombardia?',
    anciHelp: 'Nomi e ruoli, per esempio: Luca Bianchi (coordinamento).',
    agenda: 'Ordine del giorno',
    decisions: 'Che cosa si è deciso?',
    next: 'Quali sono i prossimi passi?',
    date: 'Data',
    startTime: 'Ora di inizio',
    endTime: 'Ora di fine (facoltativa)',
  },
  meetingInvalid: {
    start: 'Indica data e ora di inizio, per esempio 15/01/2027 10:00.',
    past: 'L’incontro deve iniziare nel futuro.',
    end: 'Indica l’ora di fine come 12:30 (oppure lasciala vuota: conto un’ora).',
    endBeforeStart: 'L’ora di fine dev’essere dopo l’inizio.',
    tooLong: (hours: number) => `Un incontro dura al massimo ${hours} ore: controlla l’ora di fine.`,
    whereMissing: 'Indica dove si tiene l’incontro: un luogo oppure un collegamento.',
    anciMissing: 'Indica chi partecipa per ANCI Lombardia.',
    agendaMissing: 'Scrivi l’ordine del giorno: serve ai referenti per prepararsi.',
    whereLabel: 'Il luogo',
    anciLabel: 'L’elenco di chi partecipa per ANCI',
    agendaLabel: 'L’ordine del giorno',
    tooLongText: (label: string, max: number) => `${label} è troppo lungo: al massimo ${max} caratteri.`,
  },
  meeting: {
    created: (id: number, n: NetworkRef, start: Date, invited: number) =>
      `Incontro ${ref(id)} con ${net(n)} fissato per ${formatDateTime(start)}. ${
        invited
          ? `Ho invitato ${plural(invited, 'referente', 'referenti')} in privato, con il file per il calendario.`
          : 'La rete non ha referenti da invitare.'
      }`,
    buttons: {
      yes: 'Ci sarò',
      no: 'Non posso',
      calendar: '📅 File per il calendario',
      writeNote: 'Scrivi la nota',
      markDone: 'Segna la richiesta come svolta',
      closeRequest: 'Chiudi la richiesta',
    },
    card: {
      when: (start: Date, end: Date) => `🗓 ${formatRange(start, end)}`,
      place: (place: string) => `📍 ${literal(place)}`,
      online: (url: string) => `💻 [Collegamento](${url})`,
      anci: (who: string) => `Per ANCI Lombardia: ${literal(who)}`,
      agenda: (agenda: string) => `Ordine del giorno: ${literal(agenda)}`,
      request: (id: number, kind: string) => `Per la richiesta ${ref(id)} (${literal(kind)})`,
    },
    ics: {
      summary: (n: NetworkRef) => `Incontro ANCI Lombardia – ${n.name} (${n.code})`,
      agenda: (agenda: string) => `Ordine del giorno: ${agenda}`,
      anci: (who: string) => `Per ANCI Lombardia: ${who}`,
      link: (url: string) => `Collegamento: ${url}`,
      request: (id: number, kind: string) => `Richiesta ${ref(id)}: ${kind}`,
    },
    invite: {
      header: '🤝 Incontro con ANCI Lombardia',
      plain: (n: NetworkRef, start: Date) => `Incontro con ANCI Lombardia per ${n.name} (${n.code}): ${formatDateTime(start)}`,
      lead: (n: NetworkRef) => `ANCI Lombardia ti invita a un incontro con ${net(n)}.`,
      hint: 'Fai sapere se ci sarai; il file allegato aggiunge l’incontro al tuo calendario.',
    },
    answer: {
      yes: (id: number) => `Grazie, ho segnato che ci sarai all’incontro ${ref(id)}. Ti ricordo l’incontro il giorno prima.`,
      no: (id: number) => `Va bene, ho segnato che non puoi partecipare all’incontro ${ref(id)}. Lo dico a chi l’ha organizzato.`,
      sameYes: (id: number) => `Avevi già detto che ci sarai all’incontro ${ref(id)}: nulla da cambiare.`,
      sameNo: (id: number) => `Avevi già detto che non puoi partecipare all’incontro ${ref(id)}: nulla da cambiare.`,
      toOrganiser: (who: string, n: NetworkRef, start: Date) => `${literal(who)} non può partecipare all’incontro con ${net(n)} del ${formatDateTime(start)}.`,
      calendarFile: (id: number) => `Ecco il file per il calendario dell’incontro ${ref(id)}.`,
    },
    cancel: {
      notice: (n: NetworkRef, start: Date, reason: string) =>
        `❌ L’incontro con ANCI Lombardia per ${net(n)} del ${formatDateTime(start)} è annullato.${reason ? ` Motivo: ${literal(reason)}` : ''} Il file allegato lo toglie dal calendario.`,
      done: (id: number, told: number) => `Incontro ${ref(id)} annullato. ${told ? `Ho avvisato ${plural(told, 'referente', 'referenti')}.` : ''}`.trim(),
    },
    remind: {
      plain: (n: NetworkRef) => `Promemoria: incontro con ANCI Lombardia per ${n.name} (${n.code})`,
      body: (n: NetworkRef, when: string) => `⏰ Promemoria: ${when} c’è l’incontro con ANCI Lombardia per ${net(n)}.`,
      today: (time: string) => `oggi alle ${time}`,
      tomorrow: (time: string) => `domani alle ${time}`,
      on: (when: string) => `il ${when}`,
      askAnswer: 'Non hai ancora detto se ci sarai:',
    },
    note: {
      prompt: (n: NetworkRef, start: Date) =>
        `Com’è andato l’incontro con ${net(n)} del ${formatDateTime(start)}? Scrivi una breve nota: che cosa si è deciso e i prossimi passi. Resterà nella scheda della rete e nella richiesta.`,
      saved: (id: number) => `Nota dell’incontro ${ref(id)} salvata: la trovi con /incontro ${id} e nella storia della richiesta.`,
      closeAsk: (requestId: number) => `La richiesta ${ref(requestId)} è ancora aperta: vuoi chiuderla?`,
      leaveOpen: 'Se c’è ancora da fare, lasciala aperta: nessun pulsante da premere.',
    },
    form: {
      modalTitle: 'Incontro con la rete',
      modalSubmit: 'Salva',
      noteModalTitle: 'Nota dell’incontro',
      guidedTitle: (n: NetworkRef) => `Incontro con ${n.name} (${n.code})`,
      noteTitle: (n: NetworkRef, start: Date) => `Nota dell’incontro con ${n.code} del ${formatDate(start)}`,
      notePlaceholder: (n: NetworkRef) => `Decisioni prese con ${n.name}`,
      summaryIntro: (s: NetworkRef & { requestId: number | null }) =>
        `Incontro con ${net(s)}${s.requestId ? ` per la richiesta ${ref(s.requestId)}` : ''}: controlla e conferma. I referenti riceveranno l’invito in privato.`,
      intro: (n: NetworkRef) => `Fissiamo un incontro con ${net(n)}: cinque domande.`,
      noteIntro: 'Scriviamo la nota dell’incontro: due domande.',
      fixHint: 'Correggi con «modifica N» e conferma di nuovo.',
    },
    list: {
      title: 'Prossimi incontri con ANCI Lombardia',
      titleNetwork: (n: NetworkRef) => `Incontri con ${n.name} (${n.code})`,
      none: 'Non hai incontri con ANCI Lombardia in programma.',
      noneAll: 'Nessun incontro in programma. Un coordinatore può fissarne uno con /incontro nuovo CODICE.',
      noneNetwork: (n: NetworkRef) => `Nessun incontro in programma con ${net(n)}.`,
      entry: (id: number, n: NetworkRef, start: Date, end: Date) => `**${ref(id)}** · ${net(n)} — ${formatRange(start, end)}`,
      answers: (yes: number, no: number, none: number) => `Ci saranno: ${yes} · non possono: ${no} · senza risposta: ${none}`,
      yourAnswer: (answer: string | null) =>
        answer === 'si' ? 'La tua risposta: ci sarai.' : answer === 'no' ? 'La tua risposta: non puoi.' : 'Non hai ancora risposto.',
      more: '…e altri ancora: /incontri CODICE mostra quelli di una rete.',
      notesTitle: '**Note degli ultimi incontri**',
      noteLine: (id: number, start: Date, decisions: string, next: string) =>
        `• ${ref(id)}, ${formatDate(start)}: ${literal(decisions)}${next ? ` — prossimi passi: ${literal(next)}` : ''}`,
      hint: 'Dettagli con /incontro N.',
    },
    detail: {
      header: (id: number, n: NetworkRef) => `Incontro ${ref(id)} — ${n.name} (${n.code})`,
      cancelled: (reason: string) => `❌ Annullato${reason ? `: ${literal(reason)}` : ''}`,
      yes: (names: string) => `Ci saranno: ${names}`,
      no: (names: string) => `Non possono: ${names}`,
      none: (names: string) => `Senza risposta: ${names}`,
      note: (decisions: string, next: string) => `**Nota**: ${literal(decisions)}${next ? `\nProssimi passi: ${literal(next)}` : ''}`,
      coordinatorHint: (id: number) => `Per annullarlo: /incontro annulla ${id} MOTIVO`,
    },
    history: {
      scheduled: (id: number, start: Date) => `incontro ${ref(id)} fissato per ${formatDateTime(start)}`,
      cancelled: (id: number, start: Date, reason: string) => `incontro ${ref(id)} del ${formatDateTime(start)} annullato${reason ? ` (${reason})` : ''}`,
      note: (id: number, decisions: string, next: string) => `nota dell’incontro ${ref(id)}: ${decisions}${next ? ` — prossimi passi: ${next}` : ''}`,
      closedAfterMeeting: (id: number, when: string) => `chiusa dopo l’incontro ${ref(id)} del ${when}`,
    },
    refuse: {
      coordinatorsOnly: 'Solo i coordinatori di ANCI Lombardia possono fissare incontri con le reti e scriverne la nota: non ho cambiato nulla.',
      requestNotOpen: (id: number) => `La richiesta ${ref(id)} non è più aperta: l’incontro non si può collegare a lei.`,
      notMeetingKind: (id: number) =>
        `La richiesta ${ref(id)} non è di presenza alla cabina di regia né di approfondimento: fissa l’incontro con /incontro nuovo CODICE.`,
      otherNetwork: (id: number) => `La richiesta ${ref(id)} è di un’altra rete.`,
      cancelled: (id: number) => `L’incontro ${ref(id)} è stato annullato.`,
      started: (id: number) => `L’incontro ${ref(id)} è già iniziato o passato: non si può più cambiare.`,
      notInvited: (id: number) => `L’incontro ${ref(id)} è con un’altra rete: l’invito è per i suoi referenti.`,
      notYourMeeting: (id: number) => `L’incontro ${ref(id)} è con un’altra rete: lo vedono i suoi referenti e i coordinatori.`,
      noteEmpty: 'Scrivi almeno che cosa si è deciso.',
      noteTooLong: (max: number) => `La nota è troppo lunga: al massimo ${max} caratteri per parte.`,
      notYet: (id: number, start: Date) => `L’incontro ${ref(id)} non si è ancora svolto (è fissato per ${formatDateTime(start)}): la nota si scrive dopo.`,
      noRequest: (id: number) => `L’incontro ${ref(id)} non è collegato a una richiesta.`,
      formExpired: 'Questo modulo non è più valido: ricomincia con /incontro nuovo CODICE.',
      privateOnly: 'Per fissare un incontro senza modulo scrivimi in privato.',
    },
  },
};
