// Italian catalogue: every message the bot writes about the core. Capabilities keep their own
// catalogue next to this one (src/i18n/it-<capability>.ts) so this file stays small.
import { literal } from '../platform/markup.js';

export const coreTexts = {
  error: {
    internal: 'Qualcosa non ha funzionato dalla mia parte. Riprova tra poco; se il problema continua avvisa il coordinamento.',
    coordinatorsOnly: 'Questo comando è riservato ai coordinatori di ANCI Lombardia.',
    referentsOnly: 'Questo comando è riservato ai referenti della rete.',
    unknownCommand: (name: string, near?: string) =>
      `Non conosco il comando /${literal(name)}.${near ? ` Forse intendevi /${near}?` : ''} Scrivi /aiuto per vedere quelli disponibili.`,
    didYouMean: (command: string) => `Forse intendevi ${literal(command)}? Scrivilo così e riprova.`,
    unknownSubcommand: (name: string, sub: string, usage: string) => `/${literal(name)} non prevede «${literal(sub)}». Uso: ${usage}`,
    badArguments: (usage: string, detail?: string) => `${detail ? `${detail}\n` : ''}Uso: ${usage}`,
    privateOnly: 'Questo comando funziona solo in chat privata con me.',
    groupOnly: 'Questo comando va usato nel canale della rete.',
    buttonGone: 'Questo pulsante non è più attivo.',
    formGone: 'Questo modulo non è più attivo.',
  },
  erase: {
    confirm: (name: string) =>
      `Vuoi cancellare i dati di ${literal(name)}? Spariscono nome, account, ruoli, conversazioni e testi liberi; le risposte numeriche dei check-in restano alla rete, attribuite a «persona rimossa». Non si può annullare.`,
    button: 'Cancella i dati',
    notYourself: 'Non puoi cancellare i tuoi dati con questo comando: chiedilo a un altro coordinatore.',
    already: 'I dati di questa persona sono già stati cancellati.',
    done: (name: string, r: { accounts: number; memberships: number; conversations: number; textsBlanked: number; partnerContacts: number; other: number }) =>
      `Fatto: i dati di ${literal(name)} sono cancellati. Account ${r.accounts}, ruoli ${r.memberships}, conversazioni ${r.conversations}, testi svuotati ${r.textsBlanked}, contatti di partner ${r.partnerContacts}, altro ${r.other}.`,
  },
  access: {
    outsider:
      'Ciao! Reti è il servizio di ANCI Lombardia per le reti territoriali del programma: lo usano i referenti e i partecipanti delle reti, nei canali delle reti e in chat privata. ' +
      'Per accedere, chiedi al referente della tua rete o al coordinamento di ANCI Lombardia di inserirti, oppure scrivi una volta nel canale della tua rete.',
  },
  help: {
    title: 'Comandi di Reti',
    intro: 'Ecco cosa puoi chiedermi:',
    footer: 'I comandi funzionano allo stesso modo su Slack e su Telegram.',
    fallback: 'Non ho capito. Scrivi /aiuto per vedere cosa posso fare.',
    welcome: (name: string) => `Ciao ${literal(name)}! Sono Reti, il bot delle reti territoriali di ANCI Lombardia. Scrivi /aiuto per vedere cosa posso fare.`,
  },
  network: {
    unknownCode: (code: string) => `Non trovo nessuna rete con codice «${literal(code)}». Controlla il codice (es. BG01).`,
    channelNotLinked: 'Questo canale non è ancora collegato a nessuna rete. Un coordinatore può collegarlo con /rete collega CODICE.',
    privateChatNoNetwork: (list: string) => (list ? `Le tue reti: ${list}.` : 'Non risulti ancora in nessuna rete.'),
    show: (code: string, name: string, area: string) => `**${literal(name)}** (${literal(code)})${area ? ` · ${literal(area)}` : ''}`,
    themes: (themes: string[]) => (themes.length ? `Temi: ${themes.map(literal).join(', ')}` : 'Nessun tema indicato'),
    referents: (names: string[]) => (names.length ? `Referenti: ${names.map(literal).join(', ')}` : 'Nessun referente indicato'),
    counts: (members: number, partners: number, channels: number) =>
      `${members} ${members === 1 ? 'persona' : 'persone'} · ${partners} partner · ${channels} ${channels === 1 ? 'canale collegato' : 'canali collegati'}`,
    linked: (code: string, name: string) => `Fatto: questo canale ora è collegato a **${literal(name)}** (${literal(code)}).`,
    alreadyLinked: (code: string) => `Questo canale è già collegato a ${literal(code)}: nulla da cambiare.`,
    linkedElsewhere: (code: string) => `Questo canale era collegato a ${literal(code)}; ora è collegato alla nuova rete.`,
    referentAssigned: (person: string, code: string) => `${literal(person)} ora è referente della rete ${literal(code)}.`,
    referentAlready: (person: string, code: string) => `${literal(person)} è già referente della rete ${literal(code)}.`,
    referentRemoved: (person: string, code: string) =>
      `${literal(person)} non è più referente della rete ${literal(code)} (resta tra i partecipanti finché scrive nel canale; /rete rimuovi di nuovo per toglierla del tutto).`,
    memberRemoved: (person: string, code: string) => `${literal(person)} non fa più parte della rete ${literal(code)}.`,
    notInNetwork: (person: string, code: string) => `${literal(person)} non fa parte della rete ${literal(code)}: nulla da cambiare.`,
    personNotFound: (who: string) => `Non conosco «${literal(who)}». Menziona la persona (@nome) oppure chiedile di scrivermi una volta, così la registro.`,
    privateChatForLink: 'Per collegare una rete usa il comando nel canale della rete, non in chat privata.',
  },
} as const;
