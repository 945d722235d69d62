// Italian catalogue of the digests' frame (title, empty digests), /digest and the digest jobs; each
// capability words its own sections (its report-texts.ts).
import { literal } from '../../platform/markup.js';
import { formatDateTime, formatWeek } from '../../time.js';

export const itDigest = {
  title: (week: string) => `Digest settimanale · ${formatWeek(week)}`,
  networkTitle: (code: string, week: string) => `Digest di ${code} · ${formatWeek(week)}`,
  imageTitle: (week: string) => `Reti · settimana ${formatWeek(week)} (${week})`,
  generated: (week: string, at: Date) => `Settimana ${week} · aggiornato a ${formatDateTime(at)}`,
  empty: (week: string) =>
    `Digest della settimana ${formatWeek(week)}: nessun dato da riassumere. Nessuna rete ha inviato il check-in e non ci sono laboratori, buone prassi o legami da segnalare.`,
  emptyNetwork: (code: string, week: string) =>
    `Digest di ${literal(code)} per la settimana ${formatWeek(week)}: nessun dato da riassumere (nessun check-in, nessun laboratorio in arrivo, nessuna buona prassi sui vostri temi).`,
  command: {
    description: 'Mostra ora il digest della settimana (coordinatori)',
    usage: '/digest [CODICE] [AAAA-Wnn]',
    badWeek: 'La settimana si scrive come 2026-W47.',
    sentPrivately: 'Ti ho mandato il digest in chat privata.',
  },
  jobs: {
    coordinators: 'Digest settimanale ai coordinatori, in privato su ogni piattaforma (lunedì 8:30)',
    networks: 'Riepilogo settimanale di ogni rete nei suoi canali (lunedì 8:40)',
  },
} as const;
