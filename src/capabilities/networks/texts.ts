// Italian texts of the networks' calendar: pauses of the check-ins, periods typed in chat.
import { DateTime } from 'luxon';
import { literal } from '../../platform/markup.js';
import { ZONE } from '../../time.js';

/** "2027-08-01" → "dom 1 agosto 2027". */
export function formatDay(day: string): string {
  return DateTime.fromISO(day, { zone: ZONE }).setLocale('it').toFormat('ccc d LLLL yyyy');
}

const range = (from: string, to: string) => (from === to ? formatDay(from) : `dal ${formatDay(from)} al ${formatDay(to)}`);

export const itCalendar = {
  range,
  period: {
    twoDays: 'Indica il primo e l’ultimo giorno, per esempio 2027-08-01 2027-08-31 (oppure 1/8/2027 31/8/2027).',
    badDay: (text: string) => `«${literal(text)}» non è una data valida. Scrivi le date come 2027-08-01 oppure 1/8/2027.`,
    endBeforeStart: (from: string, to: string) => `L’ultimo giorno (${formatDay(to)}) viene prima del primo (${formatDay(from)}): controlla le date.`,
    past: (to: string) => `Il periodo è già finito (${formatDay(to)}): indica date da oggi in poi.`,
    startsInPast: (from: string) => `Il primo giorno (${formatDay(from)}) è già passato: indica un periodo che inizi da oggi in poi.`,
    tooLong: (days: number) => `Il periodo può durare al massimo ${days} giorni.`,
    tooFar: 'Il periodo può iniziare al massimo tra un anno.',
  },
  pause: {
    usage: '/rete pausa [CODICE] AAAA-MM-GG AAAA-MM-GG',
    description: 'Sospende i check-in di una rete per un periodo (referenti e coordinatori)',
    resumeUsage: '/rete riprendi [CODICE]',
    resumeDescription: 'Riprende i check-in di una rete in pausa',
    whichNetwork: 'Indica il codice della rete (es. /rete pausa BG01 2027-08-01 2027-08-31), oppure usa il comando nel canale della rete.',
    whichOfYours: (codes: string[]) => `Sei referente di più reti (${codes.map(literal).join(', ')}): indica il codice della rete dopo «pausa» o «riprendi».`,
    notYours: (code: string) =>
      `Non risulti referente della rete ${literal(code)}: solo i suoi referenti e i coordinatori possono metterne in pausa i check-in.`,
    overlaps: (code: string, from: string, to: string) =>
      `La rete ${literal(code)} ha già una pausa ${range(from, to)} che si sovrappone: scrivi /rete riprendi ${literal(code)} per toglierla, poi indica il nuovo periodo.`,
    done: (code: string, from: string, to: string) =>
      `Fatto: i check-in della rete ${literal(code)} sono in pausa ${range(from, to)}. In quei giorni non invio domande né promemoria e le settimane compaiono «in pausa» nei riepiloghi. Per riprendere prima: /rete riprendi ${literal(code)}.`,
    resumed: (code: string, from: string, to: string) =>
      `Fatto: la pausa dei check-in della rete ${literal(code)} (${range(from, to)}) è tolta. Le domande ripartono dal prossimo check-in settimanale.`,
    nothingToResume: (code: string) => `La rete ${literal(code)} non ha pause in corso o in programma: nulla da riprendere.`,
    shown: (from: string, to: string) => `Check-in in pausa ${range(from, to)}`,
  },
} as const;
