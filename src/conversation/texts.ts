// Italian catalogue of the conversation engine and guided forms.
import { literal } from '../platform/markup.js';
import type { ImpossibleDate } from '../time.js';

export const itConversation = {
  pausedOther: 'Ho messo in pausa la conversazione precedente: potrai riprenderla più tardi.',
  notYours: 'Questo pulsante non è per te.',
  alreadyDone: 'Questa conversazione è già conclusa.',
  notCurrent: 'Questa domanda non è più quella attuale: ecco dove eravamo.',
  flowChanged: 'Nel frattempo questa procedura è cambiata e non posso riprenderla da dove era. Ricominciala con il suo comando.',
  form: {
    progress: (n: number, total: number) => `${n}/${total}`,
    optional: '(facoltativa: scrivi «salta» per saltarla)',
    controls: 'Comandi: «indietro» torna alla domanda precedente, «annulla» mette in pausa.',
    skip: 'Salta',
    back: 'Indietro',
    pause: 'Annulla',
    done: 'Fatto',
    confirm: 'Conferma',
    edit: 'Modifica',
    summaryTitle: 'Riepilogo delle risposte',
    summaryHint: 'Se è tutto giusto premi «Conferma» (o scrivi «conferma»); per cambiare una risposta premi «Modifica» o scrivi «modifica N».',
    whichToEdit: (total: number) => `Quale risposta vuoi modificare? Premi il pulsante o scrivi il numero (da 1 a ${total}).`,
    current: (answer: string) => `Risposta attuale: **${answer}**. Scrivi la nuova risposta o premi «Mantieni».`,
    keep: 'Mantieni',
    stepError: (n: number, label: string, message: string) => `Domanda ${n} (${literal(label)}): ${message}`,
    fixStep: (n: number) => `Per correggerla premi «Modifica» o scrivi «modifica ${n}».`,
    confirmYes: 'Sì, confermo',
    confirmNo: 'No, correggo',
    confirmAgain: 'Rispondi «sì» per confermare il numero o «no» per correggerlo.',
    badEditNumber: (total: number) => `Scrivi un numero da 1 a ${total}, per esempio «modifica 3».`,
    skipped: '— (saltata)',
    cannotSkip: 'Questa domanda è obbligatoria, non si può saltare.',
    atFirst: 'Siamo già alla prima domanda.',
    pausedAt: (title: string, n: number, total: number, resume: string) =>
      `Hai in pausa «${literal(title)}» alla domanda ${n} di ${total}: scrivi ${resume} per continuare.`,
    pausedAtSummary: (title: string, resume: string) =>
      `Hai in pausa «${literal(title)}» al riepilogo, manca solo la conferma: scrivi ${resume} per continuare.`,
    paused: (resume: string) => `Va bene, mi fermo qui. Le risposte date finora sono salvate: scrivi ${resume} per riprendere dalla stessa domanda.`,
    expected: {
      integer: (min?: number, max?: number) =>
        min !== undefined && max !== undefined
          ? `Mi serve un numero intero da ${min} a ${max}, per esempio ${min}.`
          : min !== undefined
            ? `Mi serve un numero intero${min === 0 ? ' (0 o più)' : ` da ${min} in su`}, per esempio 3.`
            : 'Mi serve un numero intero, per esempio 3.',
      decimal: (min?: number, max?: number) =>
        `Mi serve un numero${min !== undefined ? ` da ${String(min).replace('.', ',')}` : ''}${max !== undefined ? ` a ${String(max).replace('.', ',')}` : ''}, per esempio 2,5.`,
      scale: (min: number, max: number) => `Rispondi con un numero da ${min} a ${max} (puoi usare i pulsanti).`,
      yesno: 'Rispondi «sì» o «no».',
      choice: (labels: string[]) => `Scegli una delle opzioni: ${labels.map(literal).join(', ')} (anche scrivendo il numero).`,
      multi: 'Scegli una o più opzioni con i pulsanti e poi premi «Fatto», oppure scrivi i numeri separati da virgole (es. 1, 3).',
      text: (max: number) => `Scrivi un testo (al massimo ${max} caratteri).`,
      date: 'Scrivi una data come 12/03/2027.',
      datetime: 'Scrivi data e ora come 12/03/2027 14:30.',
      future: 'La data dev’essere nel futuro.',
      tooLarge: (n: string, max: string) => `${n} è oltre il massimo previsto (${max}): controlla il numero e scrivilo di nuovo.`,
      impossible: (d: ImpossibleDate) =>
        d.reason === 'day'
          ? `Il ${d.typed} non esiste: ${d.monthName} ${d.year} ha ${d.days} giorni. Scrivi una data che esiste.`
          : d.reason === 'month'
            ? `La data ${d.typed} non esiste: i mesi vanno da 1 a 12.`
            : `L’ora ${d.typed} non esiste: le ore vanno da 00:00 a 23:59.`,
    },
    hint: {
      integer: 'Scrivi un numero (es. 3).',
      decimal: 'Scrivi un numero (es. 2,5).',
      scale: (min: number, max: number) => `Da ${min} a ${max}.`,
      yesno: 'Sì o no.',
      choice: 'Scegli un’opzione.',
      multi: 'Puoi sceglierne più di una, poi premi «Fatto».',
      text: 'Scrivi la risposta.',
      date: 'Data come 12/03/2027.',
      datetime: 'Data e ora come 12/03/2027 14:30.',
    },
    yes: 'Sì',
    no: 'No',
  },
};
