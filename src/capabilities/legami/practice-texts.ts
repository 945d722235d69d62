// Italian catalogue of good practices ("buone prassi"): proposals, publication, the library.
import { literal } from '../../platform/markup.js';

const themes = (list: string[]) => (list.length ? list.map(literal).join(', ') : 'nessun tema');
const net = (name: string, code: string) => `${literal(name)} (${literal(code)})`;

export const itPractices = {
  form: {
    title: 'Nuova buona prassi',
    fieldTitle: 'Come si chiama la buona prassi? Un titolo breve.',
    fieldDescription: 'Raccontala in poche righe: cosa avete fatto, con chi, cosa ha funzionato.',
    fieldThemes: 'Su quali temi? Scrivili separati da virgole.',
    themesHelp: (suggestions: string[]) =>
      suggestions.length ? `Per esempio: ${suggestions.map(literal).join(', ')}.` : 'Per esempio: lavoro, scuola, mediazione.',
    intro: (network: string, code: string) => `Proponi una buona prassi di ${net(network, code)}: tre domande brevi, poi la invio al coordinamento.`,
    summaryIntro: (network: string, code: string) => `Buona prassi di ${net(network, code)}.`,
    modalTitle: 'Buona prassi',
    modalSubmit: 'Invia',
    noThemes: 'Indica almeno un tema (per esempio: lavoro, scuola).',
    missing: 'Servono un titolo e una breve descrizione.',
    continuePrivately: 'Ti scrivo in privato per le domande sulla buona prassi.',
    openPrivately: (link: string) => `Se non vedi il mio messaggio, apri la chat privata: [apri la chat con Reti](${link})`,
    sent: (title: string) => `Grazie! Ho inviato la buona prassi «${literal(title)}» al coordinamento di ANCI Lombardia. Ti scrivo quando viene pubblicata.`,
  },
  chooseNetwork: (command: string, codes: string[]) =>
    codes.length
      ? `Sei referente di più reti (${codes.map(literal).join(', ')}): indica quale, per esempio ${command} ${literal(codes[0]!)}.`
      : `Indica la rete, per esempio ${command} BG01.`,
  onlyCode: 'Indica al massimo il codice della rete (es. BG01).',
  notReferentOf: (code: string) => `Non sei referente della rete ${literal(code)}.`,
  notify: {
    header: 'Nuova proposta di buona prassi',
    body: (title: string, network: string, code: string, description: string) => `**${literal(title)}** — ${net(network, code)}\n${literal(description)}`,
    meta: (list: string[], proposer: string | null, source: string) =>
      `Temi: ${themes(list)} · proposta da ${proposer ? literal(proposer) : 'una persona non più registrata'}${source === 'checkin' ? ' (dal check-in)' : ''}`,
    publish: 'Pubblica',
    published: (by: string, when: string) => `✅ Pubblicata da ${literal(by)} (${when}).`,
  },
  publish: {
    coordinatorsOnly: 'Solo i coordinatori di ANCI Lombardia possono pubblicare le buone prassi.',
    notFound: 'Non trovo più questa buona prassi.',
    done: (title: string, codes: string[]) =>
      codes.length
        ? `Pubblicata: «${literal(title)}» è stata condivisa nei canali di ${codes.map(literal).join(', ')}.`
        : `Pubblicata: «${literal(title)}». Nessuna rete con canali collegati condivide i suoi temi, quindi non l’ho annunciata in nessun canale.`,
    already: (title: string, by: string, when: string) => `«${literal(title)}» è già stata pubblicata da ${literal(by)} (${when}): non la ripubblico.`,
    toProposer: (title: string, codes: string[]) =>
      `La tua buona prassi «${literal(title)}» è stata pubblicata${codes.length ? ` e condivisa con le reti ${codes.map(literal).join(', ')}` : ''}. Grazie!`,
  },
  announce: {
    header: (network: string, code: string) => `Buona prassi da ${net(network, code)}`,
    body: (title: string, description: string) => `**${literal(title)}**\n${literal(description)}`,
    meta: (list: string[], proposer: string | null) =>
      `Temi: ${themes(list)}${proposer ? ` · proposta da ${literal(proposer)}` : ''} · /buonepratiche per vederle tutte`,
  },
  list: {
    title: (query: string | null) => (query ? `Buone prassi sul tema «${literal(query)}»` : 'Buone prassi pubblicate'),
    item: (title: string, network: string, code: string, when: string, description: string) =>
      `**${literal(title)}** — ${net(network, code)} · ${when}\n${literal(description)}`,
    themes: (list: string[]) => `Temi: ${themes(list)}`,
    more: (n: number) => `…e altre ${n}. Scrivi /buonepratiche TEMA per filtrare per tema.`,
    none: 'Non ci sono ancora buone prassi pubblicate. I referenti possono proporne una con /buonapratica.',
    noneForTheme: (query: string, available: string[]) =>
      `Nessuna buona prassi pubblicata sul tema «${literal(query)}».${available.length ? ` Temi con buone prassi: ${available.map(literal).join(', ')}.` : ''}`,
  },
} as const;
