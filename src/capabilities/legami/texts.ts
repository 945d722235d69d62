// Italian catalogue of Legami: the partner directory, introductions between networks, follow-ups.
import { literal } from '../../platform/markup.js';

const net = (name: string, code: string) => `${literal(name)} (${literal(code)})`;

export const itLegami = {
  partner: {
    themesTitle: 'Temi dei partner',
    themesLine: (theme: string, count: number) => `• ${literal(theme)} (${count})`,
    themesHint: 'Scrivi /partner TEMA per vedere i partner su un tema, per esempio /partner mediazione.',
    noPartners: 'Non ci sono ancora partner nell’elenco. Coordinatori e referenti possono aggiungerne con /partner aggiungi.',
    title: (query: string, count: number) => `Partner sul tema «${literal(query)}» (${count})`,
    network: (name: string, code: string) => `**${net(name, code)}**`,
    item: (name: string, type: string) => `• **${literal(name)}** — ${literal(type)}`,
    description: (text: string) => `   ${literal(text)}`,
    contactsForReferents: 'I contatti dei partner sono visibili ai referenti delle reti e ai coordinatori: chiedi al referente della tua rete.',
    contact: (name: string, contact: string) => `   Contatto: ${[name, contact].filter(Boolean).map(literal).join(', ')}`,
    themes: (list: string[]) => `   Temi: ${list.map(literal).join(', ')}`,
    none: (query: string, available: string[]) =>
      `Nessun partner sul tema «${literal(query)}».${available.length ? ` Temi presenti: ${available.map(literal).join(', ')}.` : ''}`,
    exists: (name: string) => `Il partner «${literal(name)}» è già nell’elenco di questa rete.`,
    form: {
      title: 'Nuovo partner',
      intro: (network: string, code: string) => `Aggiungiamo un partner a ${net(network, code)}: qualche domanda breve.`,
      summaryIntro: (network: string, code: string) => `Nuovo partner di ${net(network, code)}.`,
      name: 'Come si chiama l’organizzazione?',
      type: 'Di che tipo è?',
      typeHelp: 'Per esempio: Comune, ente del terzo settore, associazione di stranieri, scuola, ASST.',
      themes: 'Su quali temi lavora? Scrivili separati da virgole.',
      description: 'Una descrizione breve (che cosa fa).',
      contactName: 'Chi è la persona di riferimento?',
      contactNameHelp: 'Il nome, oppure @nome se usa già Reti: così potrò presentarla ad altre reti.',
      contact: 'Come si contatta? (email o telefono)',
      continuePrivately: 'Ti scrivo in privato per le domande sul nuovo partner.',
      added: (name: string, code: string, person: string | null) =>
        `Fatto: «${literal(name)}» è nell’elenco dei partner di ${literal(code)}.${person ? ` Persona di riferimento: ${literal(person)}.` : ''}`,
    },
  },
  status: {
    active: (everyWeeks: number) =>
      `Le presentazioni di Legami sono attive per te: ${everyWeeks === 1 ? 'ogni settimana' : everyWeeks === 2 ? 'ogni due settimane' : `ogni ${everyWeeks} settimane`} potrei presentarti una persona di un’altra rete che lavora sui tuoi temi.`,
    paused: 'Hai messo in pausa le presentazioni di Legami. Scrivi /legami riprendi per riattivarle.',
    notEligible: 'Le presentazioni riguardano i referenti delle reti e le persone di riferimento dei partner: per ora non ne riceverai.',
    recentTitle: 'Le tue ultime presentazioni:',
    recent: (when: string, other: string, code: string, theme: string, answer: string | null) =>
      `• ${when}: ${literal(other)} (${literal(code)}) — ${literal(theme)}${answer ? ` — ${answer}` : ''}`,
    stats: (days: number, s: { introductions: number; si: number; nonAncora: number; nonInteressa: number; pending: number }) =>
      `Negli ultimi ${days} giorni: ${s.introductions} ${s.introductions === 1 ? 'presentazione' : 'presentazioni'}. Risposte al follow-up: Sì ${s.si} · Non ancora ${s.nonAncora} · Non interessa ${s.nonInteressa} · in attesa ${s.pending}.`,
    hint: 'Comandi: /legami pausa · /legami riprendi',
    answeredPrivately: 'Ti ho risposto in privato.',
  },
  optOut: {
    paused: 'Fatto: non riceverai nuove presentazioni. Scrivi /legami riprendi quando vuoi.',
    alreadyPaused: 'Le presentazioni erano già in pausa. Scrivi /legami riprendi per riattivarle.',
    resumed: 'Fatto: le presentazioni di Legami sono di nuovo attive.',
    alreadyActive: 'Le presentazioni sono già attive.',
  },
  intro: {
    header: 'Legami: vi presento!',
    headerOne: 'Legami: ti presento una persona',
    greetingBoth: (a: string, b: string) => `Ciao ${literal(a)} e ${literal(b)}!`,
    greetingOne: (name: string) => `Ciao ${literal(name)}!`,
    person: (name: string, role: string, network: string, code: string) => `• **${literal(name)}** — ${literal(role)} di ${net(network, code)}`,
    presentOther: (name: string, role: string, network: string, code: string) => `Ti presento **${literal(name)}**, ${literal(role)} di ${net(network, code)}.`,
    roleReferent: 'referente',
    rolePartner: (partner: string) => `persona di riferimento di ${partner}`,
    whyTheme: (theme: string) => `Vi metto in contatto perché le vostre reti lavorano entrambe sul tema **${literal(theme)}**.`,
    whySupport: (requester: string, kind: string, other: string, practice: string) =>
      `Vi metto in contatto perché ${literal(requester)} ha chiesto supporto su «${literal(kind)}» e ${literal(other)} ha una buona prassi che ne parla: «${literal(practice)}».`,
    invite: 'Vi va di sentirvi per una chiacchierata (bastano 20 minuti) e raccontarvi cosa state facendo? Tra una settimana vi chiederò com’è andata.',
    reachTitle: (name: string) => `Per contattare ${literal(name)}:`,
    reachByUsername: (platform: string, username: string, profile: string | undefined) =>
      profile ? `• ${platform}: [@${username}](${profile})` : `• ${platform}: @${literal(username)}`,
    reachInWorkspace: (platform: string, name: string) => `• ${platform}: cerca ${literal(name)} nello spazio di lavoro`,
    reachPartner: (contact: string) => `• ${literal(contact)}`,
    reachNone: '• non ho un suo contatto diretto: chiedilo al coordinamento di ANCI Lombardia.',
    alsoTold: (name: string) => `Anche ${literal(name)} ha ricevuto questo messaggio.`,
    footer: 'Non vuoi altre presentazioni? Scrivi /legami pausa.',
  },
  followUp: {
    header: 'Legami: com’è andata?',
    question: (other: string, code: string, when: string) => `Il ${when} ti ho presentato **${literal(other)}** (${literal(code)}). Vi siete sentiti?`,
    yes: 'Sì',
    notYet: 'Non ancora',
    notInterested: 'Non interessa',
    thanks: {
      si: 'Grazie! Che bello: se ne è nata un’idea da condividere, proponila con /buonapratica.',
      non_ancora: 'Grazie, nessuna fretta: magari nei prossimi giorni.',
      non_interessa: 'Grazie per avermelo detto: ne terrò conto.',
    } as Record<string, string>,
    recorded: (answer: string) => `Risposta registrata: ${answer}.`,
    already: (answer: string) => `Avevo già registrato la tua risposta: ${answer}.`,
    notYours: 'Questo pulsante non è per te.',
    gone: 'Non trovo più questa presentazione.',
  },
  answers: { si: 'Sì', non_ancora: 'Non ancora', non_interessa: 'Non interessa' } as Record<string, string>,
} as const;
