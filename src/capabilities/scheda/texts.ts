// Every Italian sentence of the scheda della rete (gender-neutral, dates in Europe/Rome).
import { literal } from '../../platform/markup.js';
import { formatDate, formatDateTime, formatWeek } from '../../time.js';
import { FLOW_HOW, FLOW_OFTEN, labelOf, PROGRESS, type Frequency, type Section, type Step } from './model.js';

type Net = { code: string; name: string };
const net = (n: Net) => `${literal(n.name)} (${n.code})`;
const q = (s: string) => `«${literal(s)}»`;
const num = (n: number) => String(n).replace('.', ',');

export const FREQUENCY_LABEL: Record<Frequency, string> = {
  settimanale: 'ogni settimana',
  quindicinale: 'ogni due settimane (settimane pari)',
  mensile: 'una volta al mese (la prima settimana del mese)',
};

export const itScheda = {
  steps: {
    obiettivo: 'Obiettivo di cambiamento e bisogni',
    strategie: 'Strategie e obiettivi specifici',
    ruoli: 'Ruoli',
    flussi: 'Interazioni e flussi di informazione',
  } satisfies Record<Step, string>,
  /** The question that fills a missing step. */
  stepQuestion: {
    obiettivo: 'Quale cambiamento vuole ottenere la rete sul territorio, e a quali bisogni risponde? → /scheda modifica obiettivo',
    strategie:
      'Con quali strategie la rete persegue l’obiettivo, e con quali obiettivi specifici (che cosa, quanto, entro quando)? → /scheda modifica strategia',
    ruoli: 'Chi porta avanti ciascuna strategia, e facendo che cosa? → /scheda modifica ruolo',
    flussi: 'Come interagiscono i ruoli e come circolano le informazioni (cabina di regia, riunioni, chat; ogni quanto)? → /scheda modifica flusso',
  } satisfies Record<Step, string>,
  sections: {
    obiettivo: 'Obiettivo di cambiamento',
    strategia: 'Nuova strategia',
    specifico: 'Obiettivo specifico',
    ruolo: 'Nuovo ruolo',
    flusso: 'Nuovo flusso',
  } satisfies Record<Section, string>,
  fields: {
    objective: 'Qual è l’obiettivo di cambiamento della rete?',
    objectiveHelp: 'Il cambiamento che la rete vuole ottenere sul territorio, in una o due frasi.',
    needs: 'A quali bisogni del territorio risponde?',
    needsHelp: 'I bisogni emersi dalla lettura del territorio.',
    title: 'Come si chiama la strategia?',
    titleHelp: 'Per esempio: «Sportello di orientamento al lavoro».',
    strategy: 'Per quale strategia?',
    what: 'Obiettivo specifico: che cosa volete ottenere?',
    whatHelp: 'Per esempio: «famiglie orientate ai servizi».',
    target: 'Quanto, in numero? (il traguardo)',
    targetHelp: 'Un numero da 1 a 1.000.000; salta se non c’è un traguardo misurabile.',
    unit: 'Che cosa conta il traguardo?',
    unitHelp: 'Per esempio: «famiglie», «incontri».',
    due: 'Entro quando?',
    dueHelp: 'Da oggi in poi.',
    indicator: 'Quale indicatore del check-in lo misura?',
    who: 'Chi ha il ruolo?',
    whoHelp: 'Una persona della rete o un partner (nome).',
    roleStrategy: 'Per quale strategia?',
    roleStrategyHelp: 'Salta se il ruolo riguarda tutto il progetto.',
    doing: 'Che cosa fa?',
    from: 'Da quale ruolo partono le informazioni?',
    to: 'A quale ruolo arrivano?',
    how: 'Come?',
    often: 'Ogni quanto?',
  },
  invalid: {
    duePast: 'La scadenza non può essere nel passato: scrivi una data da oggi in poi, per esempio 30/06/2027.',
    dueBad: 'Scrivi una data vera, per esempio 30/06/2027.',
    sameRole: 'Il flusso va da un ruolo a un altro: scegli un ruolo diverso da quello di partenza.',
    noStrategies: 'La scheda non ha ancora strategie: aggiungine una con /scheda modifica strategia.',
    noRoles: 'Servono almeno due ruoli per un flusso: aggiungili con /scheda modifica ruolo.',
    section: (typed: string) =>
      `Non conosco la sezione «${literal(typed)}». Sezioni: obiettivo, strategia, specifico, ruolo, flusso (oppure un elemento come O3).`,
    element: (typed: string) => `Non trovo l’elemento «${literal(typed)}» nella scheda: usa il codice mostrato da /scheda (S1, O2, R3, F1).`,
    frequency: 'Scegli la frequenza: settimanale, quindicinale o mensile.',
    target: 'Il traguardo è un numero da 1 a 1.000.000.',
    text: (max: number) => `Scrivi un testo (al massimo ${max} caratteri).`,
    choice: (what: string) => `Scegli ${what} tra quelli proposti.`,
  },
  refuse: {
    notMember: (code: string) => `La scheda di ${code} la vedono le persone della rete e i coordinatori.`,
    notReferent: (code: string) => `La scheda di ${code} la modificano i referenti della rete e i coordinatori.`,
    chooseNetwork: (codes: string[]) => `Fai parte di più reti: indica quale, per esempio /scheda ${codes[0] ?? 'BG01'} (${codes.join(', ')}).`,
    noNetwork: 'Non risulti in nessuna rete: chiedi a un coordinatore di aggiungerti.',
    coordinatorCode: 'Indica il codice della rete, per esempio /scheda BG01.',
  },
  view: {
    title: (n: Net) => `📋 Scheda della rete ${net(n)}`,
    complete: '✅ Scheda completa: ogni passo ha almeno un elemento.',
    incomplete: (done: number) => `🧩 Scheda completa a ${done} passi su 4.`,
    missingHeader: 'Cosa manca, e la domanda che lo completa:',
    missing: (step: string, question: string) => `• ${step}: ${question}`,
    objective: (text: string) => `Obiettivo di cambiamento: ${text ? literal(text) : '—'}`,
    needs: (text: string) => `Bisogni: ${text ? literal(text) : '—'}`,
    strategy: (n: number, title: string) => `S${n}. ${literal(title)}`,
    objectiveLine: (o: { number: number; what: string; target: number | null; unit: string; dueOn: Date; indicatorCode: string | null }, status: string) =>
      `   O${o.number}. ${literal(o.what)}${o.target !== null ? ` — traguardo ${num(o.target)}${o.unit ? ` ${literal(o.unit)}` : ''}` : ''}, entro ${formatDate(o.dueOn)}${o.indicatorCode ? ` (indicatore ${o.indicatorCode})` : ''}${status ? ` · ${status}` : ''}`,
    role: (n: number, who: string, doing: string, strategy: number | null) =>
      `R${n}. ${literal(who)}: ${literal(doing)}${strategy ? ` (S${strategy})` : ' (tutto il progetto)'}`,
    flow: (n: number, from: number, to: number, how: string, often: string) =>
      `F${n}. R${from} → R${to}: ${labelOf(FLOW_HOW, how)}, ${labelOf(FLOW_OFTEN, often)}`,
    none: '—',
    frequency: (f: Frequency) => `Domande sugli obiettivi nel check-in: ${FREQUENCY_LABEL[f]} (/scheda frequenza).`,
    updated: (at: Date, by: string | null) => `Ultima modifica: ${formatDateTime(at)}${by ? `, ${literal(by)}` : ''} (/scheda storia).`,
    edit: 'Per modificarla: /scheda modifica [obiettivo|strategia|specifico|ruolo|flusso|O3], /scheda rimuovi S2.',
    status: (code: string, period: string) => `${labelOf(PROGRESS, code)} (${formatWeek(period)})`,
    reached: 'raggiunto',
    pastDue: 'scaduto',
  },
  history: {
    title: (n: Net) => `🕓 Modifiche della scheda di ${net(n)}`,
    line: (at: Date, who: string, source: string, summary: string) => `${formatDateTime(at)} · ${literal(who)} (${source}): ${summary}`,
    none: 'Nessuna modifica finora.',
    more: (n: number) => `…e altre ${n} più vecchie (esportale con npm run reti -- scheda esporta).`,
    sources: { chat: 'chat', modulo: 'modulo', yaml: 'configurazione', cli: 'riga di comando' } as Record<string, string>,
    config: 'configurazione',
  },
  change: {
    objective: 'obiettivo di cambiamento e bisogni aggiornati',
    strategyAdded: (n: number, title: string) => `strategia S${n} ${q(title)} aggiunta`,
    strategyChanged: (n: number, title: string) => `strategia S${n} ${q(title)} modificata`,
    strategyRemoved: (n: number, title: string) => `strategia S${n} ${q(title)} tolta`,
    objectiveAdded: (n: number, what: string) => `obiettivo specifico O${n} ${q(what)} aggiunto`,
    objectiveChanged: (n: number, what: string) => `obiettivo specifico O${n} ${q(what)} modificato`,
    objectiveRemoved: (n: number, what: string) => `obiettivo specifico O${n} ${q(what)} tolto`,
    objectiveReached: (n: number, what: string) => `obiettivo specifico O${n} ${q(what)} raggiunto (dal check-in)`,
    roleAdded: (n: number, who: string) => `ruolo R${n} (${literal(who)}) aggiunto`,
    roleChanged: (n: number, who: string) => `ruolo R${n} (${literal(who)}) modificato`,
    roleRemoved: (n: number, who: string) => `ruolo R${n} (${literal(who)}) tolto`,
    flowAdded: (n: number, from: number, to: number) => `flusso F${n} (R${from} → R${to}) aggiunto`,
    flowChanged: (n: number, from: number, to: number) => `flusso F${n} (R${from} → R${to}) modificato`,
    flowRemoved: (n: number, from: number, to: number) => `flusso F${n} (R${from} → R${to}) tolto`,
    frequency: (f: Frequency) => `frequenza delle domande sugli obiettivi: ${FREQUENCY_LABEL[f]}`,
  },
  form: {
    title: (section: Section, n: Net) => `${itScheda.sections[section]} — ${n.code}`,
    intro: (section: Section, n: Net, count: number) =>
      `Scheda di ${net(n)}, sezione «${itScheda.sections[section]}»: ${count === 1 ? 'una domanda' : `${count} domande`}. Scrivi «annulla» per fermarti e riprendere dopo con /scheda modifica.`,
    continuePrivately: (link?: string) => `Continuiamo in privato${link ? `: ${link}` : ' (apri la chat con il bot)'}.`,
    saved: (n: Net, summary: string) => `Fatto: ${summary} nella scheda di ${net(n)}. Vedila con /scheda.`,
    chooseSection: (n: Net) => `Quale sezione della scheda di ${net(n)} vuoi modificare?`,
    modalSubmit: 'Salva',
    modalTitle: 'Scheda della rete',
    retryHint: 'Premi «Correggi» per riaprire il modulo con quello che avevi scritto.',
    retry: 'Correggi',
    removed: (n: Net, summary: string) => `Fatto: ${summary} dalla scheda di ${net(n)}.`,
    frequencySet: (n: Net, f: Frequency) => `Fatto: per ${net(n)} le domande sugli obiettivi arrivano ${FREQUENCY_LABEL[f]}.`,
    frequencyNow: (n: Net, f: Frequency) =>
      `Per ${net(n)} le domande sugli obiettivi arrivano ${FREQUENCY_LABEL[f]}. Per cambiare: /scheda frequenza settimanale|quindicinale|mensile.`,
    skipStrategy: 'tutto il progetto',
  },
  checkin: {
    question: (what: string) => `A che punto è «${what}»?`,
    note: (what: string) => `Una nota su «${what}»?`,
    noteHelp: 'Facoltativa: che cosa è successo, che cosa serve.',
  },
};

export const sectionButtons: { section: Section; label: string }[] = [
  { section: 'obiettivo', label: 'Obiettivo e bisogni' },
  { section: 'strategia', label: 'Nuova strategia' },
  { section: 'specifico', label: 'Nuovo obiettivo specifico' },
  { section: 'ruolo', label: 'Nuovo ruolo' },
  { section: 'flusso', label: 'Nuovo flusso' },
];
