// Italian catalogue of the laboratori (workshop sessions): listing, sign-ups, announcements,
// reminders, feedback, and the validation of a new session.
import { literal } from '../../platform/markup.js';
import { formatDateTime, formatRange } from '../../time.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const itLabs = {
  ref: (id: number) => `n. ${id}`,
  buttons: {
    join: 'Mi iscrivo',
    joinWaiting: 'Mettimi in lista d’attesa',
    leave: 'Annulla iscrizione',
    calendar: '📅 File per il calendario',
    noComment: 'No, grazie',
  },
  card: {
    when: (start: Date, end: Date) => formatRange(start, end),
    theme: (theme: string) => `Tema: ${literal(theme)}`,
    place: (place: string) => `📍 ${literal(place)}`,
    online: (url: string) => `💻 [Collegamento online](${url})`,
    organiser: (who: string) => `Organizza: ${literal(who)}`,
    audienceAll: 'Aperto a tutte le reti',
    audience: (codes: string[]) => `Per le reti: ${codes.map(literal).join(', ')}`,
    capacity: (n: number) => `Posti: ${n}`,
    noLimit: 'Posti senza limite',
    seatsLeft: (left: number, capacity: number) => `✅ ${left === 1 ? '1 posto libero' : `${left} posti liberi`} su ${capacity}`,
    full: (waiting: number) => `⏳ Al completo: lista d’attesa${waiting ? ` (${plural(waiting, 'persona', 'persone')} in attesa)` : ''}`,
    signedUp: '✔ Iscrizione confermata',
    waiting: (position: number) => `⏳ Sei in lista d’attesa, posizione ${position}`,
  },
  list: {
    title: 'Laboratori in programma',
    titleTheme: (theme: string) => `Laboratori in programma sul tema «${literal(theme)}»`,
    more: (n: number) => `…e ${plural(n, 'altro laboratorio', 'altri laboratori')}: filtra per tema con /laboratori TEMA.`,
    hint: 'Iscriviti con il pulsante oppure con /laboratori iscrivimi N.',
    none: 'Per ora non ci sono laboratori in programma per la tua rete. Appena ne viene fissato uno lo annuncio nei canali della rete.',
    noneTheme: (theme: string) => `Non ci sono laboratori in programma sul tema «${literal(theme)}». Scrivi /laboratori per vederli tutti.`,
  },
  announce: {
    header: '📣 Nuovo laboratorio',
    hint: (id: number) => `Per iscriverti premi «Mi iscrivo» oppure scrivi /laboratori iscrivimi ${id}.`,
    text: (title: string, start: Date, end: Date) => `Nuovo laboratorio: ${title} (${formatRange(start, end)})`,
  },
  change: {
    header: '✏️ Laboratorio modificato',
    text: (title: string) => `Laboratorio modificato: ${title}`,
    lead: (title: string, id: number) => `Il laboratorio **${literal(title)}** (n. ${id}) è cambiato:`,
    fields: {
      title: 'Titolo',
      theme: 'Tema',
      description: 'Descrizione',
      when: 'Quando',
      where: 'Dove',
      capacity: 'Posti',
      audience: 'Reti',
      organiser: 'Organizza',
    } as Record<string, string>,
    line: (label: string, value: string) => `• ${label}: ${value}`,
    signedUpNote: 'Iscrizione confermata: ti aspettiamo. Se non puoi più partecipare premi «Annulla iscrizione».',
    waitingNote: (position: number) => `Sei in lista d’attesa, posizione ${position}.`,
  },
  cancel: {
    header: '❌ Laboratorio annullato',
    text: (title: string) => `Laboratorio annullato: ${title}`,
    body: (title: string, start: Date, end: Date, id: number) =>
      `Il laboratorio **${literal(title)}** (n. ${id}) di ${formatRange(start, end)} è stato annullato.`,
    reason: (reason: string) => `Motivo: ${literal(reason)}`,
    signedUpNote: 'Con il laboratorio annullato decade anche la tua iscrizione: ci scusiamo per il cambio di programma.',
  },
  signup: {
    confirmed: (title: string, start: Date, end: Date) => `Iscrizione confermata: **${literal(title)}**, ${formatRange(start, end)}.`,
    confirmedText: (title: string) => `Iscrizione confermata: ${title}`,
    calendarHint: 'Ti allego il file per aggiungerlo al calendario. Ti ricorderò l’appuntamento prima dell’inizio.',
    calendarButtonHint: 'Con «File per il calendario» lo aggiungi al tuo calendario. Ti ricorderò l’appuntamento prima dell’inizio.',
    waiting: (title: string, position: number) =>
      `Il laboratorio **${literal(title)}** è al completo: sei in lista d’attesa, posizione ${position}. Se si libera un posto ti scrivo subito.`,
    alreadyConfirmed: (title: string) => `Hai già un posto a **${literal(title)}**: non serve altro.`,
    alreadyWaiting: (title: string, position: number) => `Sei già in lista d’attesa per **${literal(title)}**, posizione ${position}.`,
    withdrawn: (title: string) => `Ho annullato la tua iscrizione a **${literal(title)}**. Grazie di avermi avvisato: il posto passa a chi aspetta.`,
    leftWaiting: (title: string) => `Ti ho tolto dalla lista d’attesa di **${literal(title)}**.`,
    notSignedUp: (title: string) => `Non trovo una tua iscrizione a **${literal(title)}**: non c’è niente da annullare.`,
    promoted: (title: string, start: Date, end: Date) =>
      `Buone notizie: si è liberato un posto. La tua iscrizione a **${literal(title)}** (${formatRange(start, end)}) è confermata.`,
    promotedText: (title: string) => `Si è liberato un posto: iscrizione confermata a ${title}`,
    promotedInChannel: (name: string, title: string, start: Date, end: Date, link?: string) =>
      `${literal(name)}, si è liberato un posto per te: la tua iscrizione al laboratorio **${literal(title)}** (${formatRange(start, end)}) è confermata. Non riesco a scriverti in privato${link ? `: apri la chat con me da qui ${link} per ricevere i promemoria` : ''}.`,
    calendarFile: (title: string) => `File per il calendario: ${literal(title)}`,
  },
  refuse: {
    notFound: (id: number | string) => `Non trovo il laboratorio n. ${literal(String(id))}. Scrivi /laboratori per vedere quelli in programma.`,
    cancelled: (title: string) => `Il laboratorio **${literal(title)}** è stato annullato.`,
    started: (title: string) => `Il laboratorio **${literal(title)}** è già iniziato: le iscrizioni sono chiuse.`,
    startedEdit: (title: string) => `Il laboratorio **${literal(title)}** è già iniziato: non si può più modificare.`,
    notForYou: (id: number) => `Il laboratorio n. ${id} è riservato ad altre reti.`,
    alreadyCancelled: (title: string) => `Il laboratorio **${literal(title)}** era già stato annullato.`,
    badId: 'Indica il numero del laboratorio, per esempio /laboratori iscrivimi 3.',
  },
  invalid: {
    title: 'Manca il titolo del laboratorio.',
    theme: 'Manca il tema del laboratorio (es. mediazione, lavoro, scuola).',
    start: 'Non capisco la data di inizio: scrivila come 12/03/2027 14:30.',
    end: 'Non capisco l’orario di fine: scrivi un’ora come 17:00, oppure data e ora come 12/03/2027 17:00.',
    past: 'La data di inizio è già passata: scegli una data nel futuro.',
    endBeforeStart: (start: Date, end: Date) => `La fine (${formatDateTime(end)}) viene prima dell’inizio (${formatDateTime(start)}): controlla gli orari.`,
    where: 'Indica dove si svolge: un luogo, oppure il link per collegarsi (https://…).',
    link: 'Il link per collegarsi deve essere un indirizzo web completo, che inizia con https://.',
    capacity: 'I posti devono essere un numero intero da 1 in su (oppure nessun limite).',
    capacityBelow: (confirmed: number, capacity: number) =>
      `Ci sono già ${plural(confirmed, 'iscrizione confermata', 'iscrizioni confermate')}: i posti non possono scendere a ${capacity}. Indica almeno ${confirmed} posti.`,
    unknownNetworks: (codes: string[]) =>
      `Non conosco ${codes.length === 1 ? 'la rete' : 'le reti'} ${codes.map((c) => `«${literal(c)}»`).join(', ')}. Scrivi i codici (es. BG01, BS02) oppure «tutte».`,
    tooLong: (what: string, max: number) => `Troppo lungo ${what}: al massimo ${max} caratteri.`,
    fixHint: 'Scrivi «modifica N» per correggere la risposta N, poi «conferma».',
  },
  admin: {
    created: (id: number, channels: number) =>
      `Fatto: il laboratorio n. ${id} è stato creato${channels ? ` e annunciato in ${plural(channels, 'canale', 'canali')}` : ' (nessun canale a cui annunciarlo)'}.`,
    updated: (id: number, fields: string[], notified: number) =>
      `Fatto: laboratorio n. ${id} aggiornato (${fields.join(', ')}). ${notified ? `Ho inviato ${plural(notified, 'avviso', 'avvisi')} a canali e persone iscritte.` : ''}`.trim(),
    unchanged: (id: number) => `Il laboratorio n. ${id} è già così: nessuna modifica.`,
    cancelled: (id: number, notified: number) =>
      `Fatto: il laboratorio n. ${id} è annullato. Ho inviato ${plural(notified, 'avviso', 'avvisi')} a canali e persone iscritte.`,
    newInPrivate: (link?: string) =>
      `Per creare un laboratorio scrivimi in privato /laboratori nuovo: ti faccio le domande una alla volta.${link ? ` Apri la chat: ${link}` : ''}`,
    editUsage:
      'Uso: /laboratori modifica N CAMPO VALORE. Campi: titolo, tema, descrizione, inizio (sposta il laboratorio mantenendone la durata), fine, dove, posti, reti, organizzatore. Esempio: /laboratori modifica 3 posti 30',
    unknownField: (field: string) => `Non conosco il campo «${literal(field)}».`,
    formTitle: 'Nuovo laboratorio',
    formEditTitle: 'Modifica laboratorio',
    formSubmit: 'Salva',
    guidedTitle: 'Nuovo laboratorio',
    summaryIntro: 'Controlla i dati: alla conferma il laboratorio viene annunciato nei canali delle reti.',
    signupsTitle: (title: string, id: number) => `Iscrizioni a **${literal(title)}** (n. ${id})`,
    signupsConfirmed: (names: string[], capacity: number | null) =>
      `Confermate (${names.length}${capacity !== null ? `/${capacity}` : ''}): ${names.length ? names.map(literal).join(', ') : 'nessuna'}`,
    signupsWaiting: (names: string[]) => `Lista d’attesa: ${names.length ? names.map((n, i) => `${i + 1}. ${literal(n)}`).join(', ') : 'vuota'}`,
  },
  fields: {
    title: 'Titolo del laboratorio',
    theme: 'Tema (es. mediazione, lavoro, scuola)',
    start: 'Quando inizia?',
    date: 'Data',
    startTime: 'Ora di inizio',
    end: 'A che ora finisce? (es. 17:00)',
    endHelp: 'Se finisce in un altro giorno scrivi data e ora.',
    endTime: 'Ora di fine',
    where: 'Dove si svolge? Un luogo oppure il link per collegarsi (https://…)',
    capacity: 'Quanti posti ci sono?',
    capacityHelp: 'Se salti la domanda i posti sono illimitati.',
    capacityPlaceholder: 'nessun limite',
    networks: 'Per quali reti? Codici come BG01, BS02 oppure «tutte»',
    networksPlaceholder: 'tutte',
    networksHelp: 'Se salti la domanda il laboratorio è aperto a tutte le reti.',
    organiser: 'Chi lo organizza?',
    description: 'Una breve descrizione',
  },
  remind: {
    text: (title: string) => `Promemoria: ${title}`,
    body: (title: string, when: string) => `⏰ Promemoria: il laboratorio **${literal(title)}** inizia ${when}.`,
    tomorrow: (time: string) => `domani alle ${time}`,
    today: (time: string) => `oggi alle ${time}`,
    on: (date: string) => `${date}`,
    leaveHint: 'Se non puoi più partecipare premi «Annulla iscrizione»: il posto passa a chi è in lista d’attesa.',
  },
  feedback: {
    text: (title: string) => `Com’è andato il laboratorio ${title}?`,
    ask: (title: string, start: Date, end: Date) =>
      `Grazie per aver partecipato al laboratorio **${literal(title)}** (${formatRange(start, end)}). Com’è andato? Dai un voto da 1 (per niente utile) a 5 (molto utile).`,
    hint: 'Dopo il voto potrai aggiungere un commento, se vuoi. Le risposte aiutano ANCI a preparare i prossimi laboratori.',
    thanks: (rating: number) => `Grazie per il voto (${rating}/5)!`,
    updated: (rating: number) => `Ho aggiornato il tuo voto: ${rating}/5.`,
    askComment: 'Vuoi aggiungere un commento? Scrivilo qui in un messaggio, oppure premi «No, grazie».',
    commentSaved: 'Grazie, ho salvato il tuo commento.',
    noComment: 'Va bene, grazie ancora!',
    commentTooLong: 'Il commento è troppo lungo: al massimo 1000 caratteri.',
    notParticipant: 'Il questionario è per chi ha partecipato al laboratorio.',
  },
};
