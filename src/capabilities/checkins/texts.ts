// Italian catalogue of the weekly check-in: prompts, reminders, the conversation around the form,
// who is answering, edits, and the YAML `indicators:` section.
import { literal } from '../../platform/markup.js';
import { formatDateTime, formatWeek } from '../../time.js';
import { formatDay, itCalendar } from '../networks/texts.js';

const range = itCalendar.range;

export interface NetworkRef {
  code: string;
  name: string;
}

/** Dates are formatted once per value: a week's opening writes 10,000 prompts with the same ones. */
function memo<K, V>(f: (k: K) => V): (k: K) => V {
  const cache = new Map<K, V>();
  return (k) => {
    let v = cache.get(k);
    if (v === undefined) {
      if (cache.size > 200) cache.clear();
      cache.set(k, (v = f(k)));
    }
    return v;
  };
}
const weekLabel = memo((period: string) => formatWeek(period));
const instant = memo((ms: number) => formatDateTime(new Date(ms)));
const when = (d: Date) => instant(d.getTime());

const net = (n: NetworkRef) => `**${literal(n.name)}** (${literal(n.code)})`;
const week = (period: string) => `la settimana ${weekLabel(period)}`;
const firstName = (name: string) => literal(name.split(/\s+/)[0] ?? name);

export const itCheckins = {
  deputy: {
    usage: '/checkin sostituto [@persona dal AAAA-MM-GG al AAAA-MM-GG | nessuno]',
    description: 'Indica chi risponde al check-in al tuo posto per un periodo, lo mostra o lo toglie',
    promptNote: (referent: string, to: string) =>
      `Ricevi questo check-in al posto di ${literal(referent)} fino a ${formatDay(to)}: puoi rispondere per la rete.`,
    none: 'Nessun sostituto indicato. Per indicarne uno: /checkin sostituto @persona dal 2027-01-04 al 2027-01-17',
    shown: (name: string, from: string, to: string) =>
      `Al tuo posto risponde ${literal(name)} ${range(from, to)}: riceve le domande e i promemoria del check-in. Per toglierlo: /checkin sostituto nessuno`,
    set: (name: string, from: string, to: string) =>
      `Fatto: ${literal(name)} risponde al check-in al tuo posto ${range(from, to)}. In quei giorni le domande e i promemoria arrivano a questa persona invece che a te; puoi comunque rispondere anche tu.`,
    removed: (name: string) => `Fatto: ${literal(name)} non risponde più al check-in al tuo posto.`,
    nothingToRemove: 'Non hai nessun sostituto da togliere.',
    who: 'Indica la persona con una menzione (@nome) prima delle date, per esempio: /checkin sostituto @maria dal 2027-01-04 al 2027-01-17',
    self: 'Il sostituto deve essere un’altra persona.',
    onlyReferents: 'Un sostituto può indicarlo solo chi è referente di una rete.',
    notified: (referent: string, from: string, to: string) =>
      `${literal(referent)} ti ha indicato per rispondere al check-in settimanale al suo posto ${range(from, to)}. In quei giorni ricevi tu le domande; scrivi /checkin per rispondere.`,
  },
  share: {
    off: '🔒 Le risposte scritte (per esempio gli ostacoli) restano riservate ai coordinatori: il riepilogo settimanale della rete non le riporta.',
    on: '👥 Le risposte scritte compariranno anche nel riepilogo settimanale della rete, letto da tutte le persone dei suoi canali.',
    shareButton: 'Condividi le risposte scritte con la rete',
    stopButton: 'Non condividere le risposte scritte',
  },
  command: {
    description: 'Compila, riprendi o modifica il check-in settimanale della tua rete',
    usage: '/checkin [CODICE]',
  },
  job: {
    open: 'Apre il check-in della settimana per ogni rete attiva, chiude il precedente e scrive ai referenti',
    remind: 'Ricorda il check-in alle reti che non l’hanno ancora inviato (al massimo una volta al giorno)',
    deferred: 'Scrive ai referenti il check-in spostato da un giorno festivo (nazionale o del patrono) al primo giorno lavorativo',
  },
  start: 'Inizia',
  resume: 'Riprendi',
  editButton: 'Modifica le risposte',
  prompt: {
    header: 'Check-in settimanale',
    text: (person: string, n: NetworkRef, period: string, questions: number) =>
      `Ciao ${firstName(person)}! È il momento del check-in di ${net(n)} per ${week(period)}: ${questions} domande brevi, bastano pochi minuti.`,
    context: (closesAt: Date) =>
      `Puoi rispondere fino a ${when(closesAt)}. Premi «Inizia» oppure scrivi /checkin quando vuoi; se un altro referente della rete risponde prima di te, te lo dico.`,
    plain: (n: NetworkRef, period: string) => `Check-in di ${n.code} per ${week(period)}`,
  },
  reminder: {
    text: (n: NetworkRef, period: string) => `Promemoria: il check-in di ${net(n)} per ${week(period)} non è ancora stato inviato.`,
    inProgress: (n: NetworkRef, period: string) => `Promemoria: hai iniziato il check-in di ${net(n)} per ${week(period)} ma non l’hai ancora inviato.`,
    context: (closesAt: Date) => `Puoi rispondere fino a ${when(closesAt)}: premi il pulsante o scrivi /checkin.`,
  },
  groupAsk: (mention: string, code: string, platform: string, link: string | undefined) =>
    `${mention}, per il check-in settimanale della rete ${literal(code)} devo scriverti in privato, ma ${platform} non me lo permette finché non avvii la chat con me. ` +
    (link ? `[Apri la chat con Reti](${link}) e premi «Avvia»: ti farò subito le domande.` : 'Scrivimi /start in privato: ti farò subito le domande.'),
  group: {
    openPrivately: (link: string) => `Il check-in si compila in chat privata: [apri la chat con Reti](${link}) e ti faccio le domande.`,
    wroteYou: 'Il check-in si compila in privato: ti ho scritto in chat privata.',
  },
  notReferent: 'Il check-in settimanale è per i referenti delle reti e non risulti referente di nessuna rete. Se è un errore, avvisa il coordinamento.',
  notReferentOf: (code: string) => `Non risulti referente della rete ${literal(code)}: scrivi /checkin senza codice per le tue reti.`,
  noQuestions: 'Per la tua rete non ci sono domande attive nel check-in: avvisa il coordinamento.',
  choose: 'Sei referente di più reti: per quale vuoi compilare il check-in?',
  chooseLabel: (n: NetworkRef, done: boolean) => `${n.code} · ${n.name}${done ? ' ✓' : ''}`,
  intro: (n: NetworkRef, period: string, questions: number) =>
    `Check-in di ${net(n)} per ${week(period)}: ${questions} domande, una alla volta. ` +
    'Scrivi «salta» per saltare una domanda facoltativa, «indietro» per tornare alla precedente, «annulla» per fermarti e riprendere più tardi con /checkin.',
  resumed: (n: NetworkRef) => `Riprendiamo il check-in di ${net(n)} da dove ci eravamo fermati.`,
  takeover: (previous: string, given: number, total: number) =>
    `${literal(previous)} aveva iniziato il check-in senza finirlo: continui tu, con le risposte già date (${given} di ${total}).`,
  takenOver: (by: string, n: NetworkRef, period: string) =>
    `${literal(by)} ha preso in carico il check-in di ${net(n)} per ${week(period)}, con le risposte che avevi già dato: non serve che tu continui.`,
  busy: (who: string, n: NetworkRef, lastActivity: Date, takeoverAt: Date) =>
    `${literal(who)} sta già compilando il check-in di ${net(n)} (ultima risposta ${when(lastActivity)}). ` +
    `Se si ferma, da ${when(takeoverAt)} potrai subentrare scrivendo di nuovo /checkin.`,
  alreadySubmitted: (who: string | null, at: Date, n: NetworkRef, period: string, closesAt: Date) =>
    `${who === null ? 'Hai già inviato il check-in' : 'Il check-in'} di ${net(n)} per ${week(period)}${who === null ? '' : ` è già stato inviato da ${literal(who)}`} (${when(at)}). Puoi modificarlo fino a ${when(closesAt)}.`,
  doneForOthers: (who: string, at: Date, n: NetworkRef, period: string) =>
    `✅ Il check-in di ${net(n)} per ${week(period)} è stato inviato da ${literal(who)} (${when(at)}): non serve che tu risponda. Per vederlo o modificarlo scrivi /checkin.`,
  roundClosed: (n: NetworkRef, period: string) =>
    `Il check-in di ${net(n)} per ${week(period)} è chiuso: le risposte di questa conversazione non sono state salvate. Scrivi /checkin per quello in corso.`,
  buttonClosed: 'Il check-in di quella settimana è chiuso. Scrivi /checkin per quello in corso.',
  editIntro: (n: NetworkRef, period: string) =>
    `Stai modificando il check-in già inviato di ${net(n)} per ${week(period)}: scrivi «modifica N» (o premi «Modifica») per cambiare una risposta, poi «Conferma».`,
  thanks: (person: string, n: NetworkRef, period: string, closesAt: Date) =>
    `Grazie ${firstName(person)}! Il check-in di ${net(n)} per ${week(period)} è registrato. Puoi modificarlo con /checkin fino a ${when(closesAt)}.`,
  lostRace: (who: string) =>
    `Nel frattempo ${literal(who)} ha già inviato il check-in della rete: le tue risposte non sono state salvate. Scrivi /checkin per vederlo o modificarlo.`,
  edited: (count: number, closesAt: Date) =>
    `Modifiche salvate (${count === 1 ? '1 risposta cambiata' : `${count} risposte cambiate`}). Puoi ancora modificarlo fino a ${when(closesAt)}.`,
  noChanges: 'Nessuna risposta è cambiata: il check-in resta com’era.',
  editedMeanwhile: (who: string) => `Nel frattempo ${literal(who)} ha modificato il check-in: ecco le risposte aggiornate.`,
  formTitle: (code: string, period: string) => `${code} · settimana ${weekLabel(period)}`,
  someone: 'un’altra persona referente',
  plausible: (value: string, code: string, highest: string) => `Confermi ${value}? Finora ${code} non ha mai risposto più di ${highest} a questa domanda.`,
  config: {
    maxTooLarge: (limit: string) => `max può arrivare al massimo a ${limit}`,
    unknownNetwork: (code: string) => `rete sconosciuta ${code}: dichiarala in networks o controlla il codice`,
    duplicate: (code: string) => `l’indicatore ${code} compare due volte`,
    newNeeds: (code: string) => `l’indicatore ${code} è nuovo: servono almeno question e type`,
    typeChange: (code: string, from: string, to: string) =>
      `l’indicatore ${code} ha già delle risposte come ${from}: non si può cambiare in ${to}. Ritiralo (active: false) e creane uno con un altro codice`,
    needsOptions: 'le domande a scelta (choice, multi) hanno bisogno di options',
    noOptions: 'options vale solo per le domande a scelta (choice, multi)',
    minMax: 'min deve essere minore di max',
    scaleRange: 'una scala va da un intero a un altro, con al massimo 10 valori (es. min: 1, max: 5)',
    integerBounds: 'min e max di un numero intero devono essere interi',
    optionCodes: 'due opzioni hanno lo stesso codice',
    code: 'il codice di un indicatore ha da 2 a 40 lettere minuscole, cifre o _ e inizia con una lettera (es. nuovi_partner)',
  },
};
