// Every Italian sentence of the cruscotto: pages, chat replies, errors.
const plural = (n: number, one: string, many: string) => `${n.toLocaleString('it-IT')} ${n === 1 ? one : many}`;

export const itCruscotto = {
  plural,
  command: {
    description: 'Il cruscotto web: un link personale per vedere dati e grafici delle reti',
    usage: '/cruscotto',
    link: (url: string) =>
      `Ecco il tuo link personale al **cruscotto**: [apri il cruscotto](${url})\n` +
      `Vale 15 minuti e una sola volta: non inoltrarlo. Se scade, scrivi di nuovo /cruscotto.\n${url}`,
    sentPrivately: 'Ti ho mandato il link al cruscotto in privato.',
    noNetwork:
      'Il cruscotto mostra i dati delle reti di cui fai parte, e non risulti in nessuna rete. Scrivi in un canale della tua rete, oppure chiedi a un coordinatore di aggiungerti.',
  },
  jobs: { cleanup: 'Cruscotto: elimina i link e le sessioni scaduti da più di un giorno' },
  site: {
    name: 'Cruscotto Reti',
    owner: 'ANCI Lombardia · Reti territoriali',
    tagline: 'Check-in, laboratori e legami delle reti territoriali',
    skip: 'Vai al contenuto principale',
    navLabel: 'Sezioni del cruscotto',
    logout: 'Esci',
    loggedAs: (name: string, role: string) => `${name} (${role})`,
    roleCoordinator: 'coordinamento',
    roleReferent: 'referente',
    roleMember: 'membro',
    footer: 'Reti · i dati sono quelli raccolti dal bot nelle chat delle reti. Le date sono nel fuso orario di Roma.',
    pages: {
      panoramica: 'Panoramica',
      indicatori: 'Indicatori',
      rete: 'Rete',
      laboratori: 'Laboratori',
      legami: 'Legami',
      esporta: 'Esporta',
    },
    network: (code: string) => `Rete ${code}`,
    breadcrumb: 'Percorso',
  },
  access: {
    title: 'Accesso al cruscotto',
    greeting: (name: string) => `Ciao ${name}, questo è il tuo link personale al cruscotto.`,
    explain: 'Premi «Entra» per aprire il cruscotto. Il link vale una sola volta: dopo, la sessione dura 12 ore o finché premi «Esci».',
    enter: 'Entra',
    invalidTitle: 'Link non valido',
    unknown: 'Questo link non è valido. Chiedine uno nuovo scrivendo /cruscotto al bot, in privato.',
    expired: 'Questo link è scaduto: vale 15 minuti. Chiedine uno nuovo scrivendo /cruscotto al bot, in privato.',
    used: 'Questo link è già stato usato: vale una sola volta. Chiedine uno nuovo scrivendo /cruscotto al bot, in privato.',
    needLink: 'Per aprire il cruscotto serve il tuo link personale: scrivi /cruscotto al bot, in privato, e apri il link che ti manda.',
    needLinkTitle: 'Serve il tuo link personale',
    loggedOut: 'La sessione del cruscotto è chiusa. Per rientrare scrivi /cruscotto al bot.',
    loggedOutTitle: 'Sessione chiusa',
    formExpired: 'Il modulo non è più valido (forse la pagina era aperta da molto). Torna indietro, ricarica la pagina e riprova.',
    formExpiredTitle: 'Modulo non valido',
  },
  errors: {
    forbiddenTitle: 'Accesso non consentito',
    forbidden: 'Non puoi vedere questa pagina: il cruscotto mostra a referenti e membri solo le reti di cui fanno parte.',
    notFoundTitle: 'Pagina non trovata',
    notFound: 'La pagina che cerchi non esiste.',
    networkNotFound: (code: string) => `Non esiste una rete con codice «${code}».`,
    serverTitle: 'Qualcosa non ha funzionato',
    server: 'Si è verificato un errore. Riprova tra poco; se continua, avvisa il coordinamento.',
    back: 'Torna alla panoramica',
    badInput: 'Alcuni filtri non erano validi e sono stati ignorati.',
  },
  chart: {
    showTable: 'Mostra i dati in tabella',
    week: 'Settimana',
    from: 'Da',
    to: 'A',
    links: 'Presentazioni',
    dimension: 'Dimensione',
    noData: 'Nessun dato nel periodo.',
  },
  weeks: {
    label: 'Settimana',
    period: 'Periodo',
    last: (n: number) => `ultime ${n} settimane`,
    previous: 'Settimana precedente',
    next: 'Settimana successiva',
  },
  filters: {
    legend: 'Filtri',
    area: 'Area',
    theme: 'Tema',
    any: 'tutte',
    anyTheme: 'tutti',
    sort: 'Ordina per',
    apply: 'Applica',
    reset: 'Azzera i filtri',
    network: 'Rete da confrontare',
    noNetwork: 'nessuna (totale)',
    sortBy: { code: 'codice', area: 'area', theme: 'tema', silence: 'silenzio (settimane senza risposta)' } as Record<string, string>,
  },
  pagination: {
    label: 'Pagine',
    previous: 'Pagina precedente',
    next: 'Pagina successiva',
    page: (n: number) => `Pagina ${n}`,
    of: (from: number, to: number, total: number) => `${from.toLocaleString('it-IT')}–${to.toLocaleString('it-IT')} di ${total.toLocaleString('it-IT')}`,
  },
};

/** Short names of the default indicators, for chart titles (the question is in the table). */
const indicatorNames: Record<string, string> = {
  incontri: 'Incontri di rete',
  partner_attivi: 'Partner attivi',
  nuovi_partner: 'Nuovi partner',
  cittadini: 'Cittadini di paesi terzi coinvolti',
  associazioni: 'Associazioni di stranieri coinvolte',
  squadra: 'Cultura di squadra (1–5)',
  corresponsabilita: 'Corresponsabilità (1–5)',
  ruolo_attivo: 'Ruolo attivo dei cittadini (1–5)',
};

export function indicatorName(code: string, type: string): string {
  const known = indicatorNames[code];
  if (known) return known;
  const words = code.replace(/_/g, ' ');
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}${type === 'scale' ? ' (1–5)' : ''}`;
}

const n = (v: number) => v.toLocaleString('it-IT', { maximumFractionDigits: 2 });
const pct = (part: number, whole: number) => (whole ? `${Math.round((100 * part) / whole)}%` : '–');

export const itPages = {
  states: {
    on_time: { label: 'in tempo', symbol: '✓' },
    late: { label: 'in ritardo', symbol: '!' },
    silent: { label: 'nessuna risposta', symbol: '✗' },
    pending: { label: 'non ancora (settimana aperta)', symbol: '…' },
    none: { label: 'non interpellata', symbol: '·' },
  } as Record<string, { label: string; symbol: string }>,
  panoramica: {
    title: 'Panoramica',
    lead: 'Come stanno rispondendo le reti al check-in settimanale, e come vanno gli indicatori.',
    weekHeading: (label: string, week: string) => `Settimana ${label} (${week})`,
    tiles: {
      expected: 'Reti interpellate',
      onTime: 'Risposte in tempo',
      late: 'Risposte in ritardo',
      silent: 'Senza risposta',
      pending: (p: number) => (p ? `di cui ${n(p)} con la settimana ancora aperta` : ''),
      share: (part: number, whole: number) => `${pct(part, whole)} delle reti interpellate`,
    },
    responsesTitle: 'Risposte nelle ultime 12 settimane',
    responsesSeries: { onTime: 'In tempo', late: 'In ritardo', silent: 'Senza risposta' },
    responsesSummary: (week: string, r: { expected: number; onTime: number; late: number; silent: number }, firstShare: string, lastShare: string) =>
      r.expected
        ? `Nella settimana ${week} hanno risposto ${n(r.onTime + r.late)} reti su ${n(r.expected)}: ${n(r.onTime)} in tempo e ${n(r.late)} in ritardo; ${n(r.silent)} senza risposta. ` +
          `Nelle 12 settimane la quota di reti che hanno risposto è passata da ${firstShare} a ${lastShare}.`
        : `Nella settimana ${week} nessuna rete è stata interpellata.`,
    gridHeading: 'Reti e settimane',
    gridIntro: 'Per ogni rete, la risposta al check-in di ciascuna delle ultime 12 settimane. Il simbolo dice lo stato anche senza i colori.',
    gridCaption: (week: string) => `Risposte delle reti nelle 12 settimane fino alla ${week}`,
    network: 'Rete',
    silentWeeks: 'Settimane di fila senza risposta',
    legend: 'Legenda',
    noNetworks: 'Nessuna rete corrisponde ai filtri.',
    indicatorsHeading: 'Indicatori principali',
    indicatorsMore: 'Tutti gli indicatori, per rete e con i filtri',
    withoutAnswers: (names: string[]) => `Senza risposte nelle 12 settimane: ${names.join(', ')}.`,
    sortLabel: 'Ordina per',
  },
  indicators: {
    title: 'Indicatori',
    lead: 'Ogni indicatore del check-in nel tempo: il totale delle reti scelte, oppure una rete confrontata con la mediana delle altre.',
    period: 'Periodo',
    weeks: (w: number) => `ultime ${w} settimane`,
    network: 'Rete da confrontare (codice)',
    networkHint: 'Per esempio BG01. Vuoto: il totale delle reti filtrate.',
    networkSelect: 'Rete da confrontare',
    noNetwork: 'nessuna: il totale',
    unknownNetwork: (code: string) => `Nessuna rete visibile ha codice «${code}»: mostro il totale.`,
    total: (type: string) => (type === 'scale' ? 'Media delle reti' : 'Totale delle reti'),
    median: 'Mediana delle altre reti',
    unitScale: 'media, da 1 a 5',
    unitCount: 'somma delle reti',
    answered: 'Reti che hanno risposto',
    comparing: (code: string, name: string) => `Confronto: ${code} — ${name}, con la mediana delle altre reti.`,
    medianNote: 'La mediana compare solo nelle settimane in cui hanno risposto almeno 5 altre reti.',
    summaryTotal: (name: string, type: string, last: number | null, week: string, previous: number | null, max: { value: number; week: string } | null) =>
      last === null
        ? `${name}: nessuna risposta nella settimana ${week}.`
        : `${name}: ${type === 'scale' ? 'media' : 'totale'} ${n(last)} nella settimana ${week}` +
          (previous !== null
            ? `, ${last > previous ? 'in aumento' : last < previous ? 'in calo' : 'stabile'} rispetto a ${n(previous)} della settimana prima`
            : '') +
          (max ? `; il valore più alto del periodo è ${n(max.value)} (${max.week}).` : '.'),
    summaryCompare: (name: string, code: string, mine: number | null, median: number | null, week: string) =>
      `${name}, ${code}: ${mine === null ? 'nessuna risposta' : n(mine)} nella settimana ${week}` +
      (median === null ? '.' : `, contro una mediana delle altre reti di ${n(median)}.`),
    none: 'Non ci sono indicatori numerici attivi.',
  },
  rete: {
    lead: (area: string, themes: string[]) => [area, themes.length ? `temi: ${themes.join(', ')}` : ''].filter(Boolean).join(' · '),
    inactive: 'Questa rete non è più attiva: i dati restano consultabili.',
    facts: { code: 'Codice', area: 'Area', themes: 'Temi', referents: 'Referenti', members: 'Persone nella rete', partners: 'Partner' },
    none: 'nessuno',
    partnersHeading: 'Partner della rete',
    partnerColumns: ['Partner', 'Tipo', 'Temi'],
    answersHeading: 'Risposte settimana per settimana',
    answersCaption: (code: string, weeks: number) => `Risposte di ${code} nelle ultime ${weeks} settimane`,
    state: 'Risposta',
    support: 'Supporto richiesto',
    countsTitle: 'Attività della rete',
    countsSummary: (code: string, week: string, values: string) =>
      values ? `Nella settimana ${week} ${code} ha indicato: ${values}.` : `Nella settimana ${week} ${code} non ha indicato attività.`,
    scalesTitle: 'Come si sente la rete (da 1 a 5)',
    scalesSummary: (code: string, week: string, values: string) =>
      values ? `Nella settimana ${week} le valutazioni di ${code} sono: ${values}.` : `Nella settimana ${week} ${code} non ha dato valutazioni.`,
    obstaclesHeading: 'Ostacoli segnalati',
    obstaclesNone: 'Nessun ostacolo segnalato nel periodo.',
    obstaclesPrivate: 'Gli ostacoli scritti dalla rete sono visibili al coordinamento e ai referenti della rete.',
    supportHeading: 'Supporto richiesto ad ANCI',
    supportCaption: 'Richieste di supporto nel periodo, per tipo',
    supportColumns: ['Tipo di supporto', 'Settimane in cui è stato chiesto', 'Ultima richiesta'],
    supportNone: 'Nessuna richiesta di supporto nel periodo.',
    labsHeading: 'Laboratori',
    labsCaption: 'Laboratori a cui si sono iscritte persone della rete',
    labsColumns: ['Laboratorio', 'Tema', 'Data', 'Iscritte', 'In lista d’attesa'],
    labsNone: 'Nessuna persona della rete si è iscritta a un laboratorio.',
    cancelled: ' (annullato)',
    legamiHeading: 'Legami e buone prassi',
    introCaption: 'Presentazioni con persone di altre reti',
    introColumns: ['Data', 'Altra rete', 'Motivo', 'Tema', 'Si sono incontrate'],
    introNone: 'Nessuna presentazione con altre reti.',
    reason: { tema: 'tema in comune', supporto: 'supporto richiesto' } as Record<string, string>,
    met: (met: number, notYet: number, notInterested: number) =>
      [met ? `sì (${met})` : '', notYet ? `non ancora (${notYet})` : '', notInterested ? `non interessa (${notInterested})` : ''].filter(Boolean).join(', ') ||
      '–',
    practicesCaption: 'Buone prassi della rete',
    practiceColumns: ['Titolo', 'Stato', 'Temi', 'Data'],
    practiceStatus: { proposta: 'proposta', pubblicata: 'pubblicata' } as Record<string, string>,
    practicesNone: 'La rete non ha ancora condiviso buone prassi.',
    period: 'Periodo',
    show: 'Mostra',
  },
  labs: {
    title: 'Laboratori',
    lead: 'Il calendario dei laboratori, con iscrizioni, liste d’attesa e gradimento.',
    leadOwn: 'Il calendario dei laboratori aperti alle tue reti, con iscrizioni, liste d’attesa e gradimento.',
    upcomingHeading: 'Prossimi laboratori',
    upcomingNone: 'Nessun laboratorio in programma.',
    pastHeading: 'Laboratori degli ultimi sei mesi',
    pastNone: 'Nessun laboratorio negli ultimi sei mesi.',
    monthCaption: (month: string) => `Laboratori di ${month}`,
    columns: ['Quando', 'Laboratorio', 'Tema', 'Dove', 'Iscritte', 'In lista d’attesa'],
    pastColumns: ['Quando', 'Laboratorio', 'Tema', 'Partecipanti', 'Valutazioni', 'Voto medio (1–5)'],
    online: 'online',
    both: (place: string) => `${place} e online`,
    seats: (confirmed: number, capacity: number | null) => (capacity === null ? `${confirmed}` : `${confirmed} su ${capacity}`),
    cancelled: 'annullato',
    signupsTitle: 'Iscrizioni ai prossimi laboratori',
    signupsSummary: (labs: number, confirmed: number, waiting: number) =>
      `${plural(labs, 'laboratorio in programma', 'laboratori in programma')}: ${plural(confirmed, 'persona iscritta', 'persone iscritte')}, ${plural(waiting, 'persona in lista d’attesa', 'persone in lista d’attesa')}.`,
    signupsSeries: { confirmed: 'Iscritte', waiting: 'In lista d’attesa' },
    ratingTitle: 'Gradimento dei laboratori passati',
    ratingSummary: (labs: number, average: string) => `${plural(labs, 'laboratorio valutato', 'laboratori valutati')}; voto medio complessivo ${average} su 5.`,
    ratingSeries: 'Voto medio',
    lab: 'Laboratorio',
    people: 'Persone iscritte e in attesa',
    confirmedList: 'Iscritte',
    waitingList: 'In lista d’attesa',
    comments: 'Commenti',
    nobody: 'nessuna',
  },
  legami: {
    title: 'Legami',
    lead: 'Le presentazioni tra persone di reti diverse, come sono andate, e i legami che ne sono nati.',
    tiles: { introductions: 'Presentazioni (12 settimane)', met: 'Si sono incontrate', practices: 'Buone prassi pubblicate (12 settimane)' },
    weeksTitle: 'Presentazioni e incontri nelle ultime 12 settimane',
    weeksSummary: (introductions: number, met: number) =>
      `Nelle ultime 12 settimane ${plural(introductions, 'presentazione', 'presentazioni')}; ${plural(met, 'persona ha risposto', 'persone hanno risposto')} di essersi incontrate.`,
    weeksSeries: { introductions: 'Presentazioni', met: 'Risposte «ci siamo incontrate»' },
    graphTitle: 'Legami tra le reti (ultimo anno)',
    graphSummary: (pairs: number, networks: number, top: string | null) =>
      pairs
        ? `${plural(pairs, 'coppia di reti', 'coppie di reti')} collegate da presentazioni, tra ${plural(networks, 'rete', 'reti')}.${top ? ` La coppia con più presentazioni: ${top}.` : ''}`
        : 'Nessuna presentazione nell’ultimo anno.',
    graphShown: (shown: number, total: number) =>
      `Il grafico mostra le ${shown} coppie con più presentazioni su ${total}; la tabella sotto il grafico le stesse.`,
    latestHeading: 'Ultime presentazioni',
    latestCaption: 'Presentazioni, dalla più recente',
    latestColumns: ['Data', 'Rete', 'Rete', 'Motivo', 'Tema', 'Risposte al seguito'],
    answer: { si: 'ci siamo incontrate', non_ancora: 'non ancora', non_interessa: 'non interessa' } as Record<string, string>,
    none: 'Nessuna presentazione.',
  },
  exports: {
    title: 'Esporta',
    lead: 'Gli stessi dati di /esporta: check-in, iscrizioni e gradimento dei laboratori, in un foglio Excel (xlsx) o in file CSV.',
    leadOwn: 'I dati delle tue reti: check-in, iscrizioni e gradimento dei laboratori, in un foglio Excel (xlsx) o in file CSV.',
    from: 'Dalla settimana',
    to: 'Alla settimana',
    weekHint: 'Una settimana (2026-W05) o una data (31/01/2026).',
    network: 'Rete',
    allNetworks: 'tutte le reti',
    networkCode: 'Codice della rete (lascia vuoto per tutte)',
    format: 'Formato',
    xlsx: 'Excel (xlsx): un foglio per tipo di dati',
    csv: 'CSV: un file per tipo di dati',
    dataset: 'Dati (per il CSV)',
    download: 'Scarica',
    badWeek: (text: string) => `«${text}» non è una settimana né una data: scrivi per esempio 2026-W05 oppure 31/01/2026.`,
    badRange: 'La settimana finale viene prima di quella iniziale.',
    badNetwork: (code: string) => `Nessuna delle reti che puoi esportare ha codice «${code}».`,
    needNetwork: 'Scegli una delle tue reti.',
    forbidden: 'Le esportazioni sono per il coordinamento e per i referenti delle reti.',
    tooLong: 'Il periodo può essere al massimo di 104 settimane.',
  },
  number: n,
  percent: pct,
};

export type CruscottoTexts = typeof itCruscotto;
