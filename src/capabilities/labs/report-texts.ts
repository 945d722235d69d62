// Italian catalogue of what the laboratori contribute to the digests (sessions coming, feedback)
// and to the exports (the sign-ups and feedback sheets).
import { literal } from '../../platform/markup.js';
import { formatDate, formatRange } from '../../time.js';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const itLabsDigest = {
  header: 'Laboratori',
  upcoming: 'Nelle prossime due settimane:',
  none: 'Nessun laboratorio nelle prossime due settimane.',
  line: (start: Date, end: Date, title: string, theme: string, confirmed: number, capacity: number | null, waiting: number) =>
    `${formatRange(start, end)} · **${literal(title)}** (${literal(theme)}) · ` +
    (capacity === null ? `${confirmed} ${plural(confirmed, 'iscrizione', 'iscrizioni')}` : `${confirmed}/${capacity} posti`) +
    (waiting > 0 ? `, ${waiting} in lista d’attesa` : ''),
  feedback: 'Gradimento degli ultimi laboratori:',
  feedbackLine: (title: string, start: Date, average: string, responses: number, participants: number) =>
    `**${literal(title)}** (${formatDate(start)}): ${average}/5 da ${responses} ${plural(responses, 'risposta', 'risposte')} su ${participants} ${plural(participants, 'partecipante', 'partecipanti')}`,
} as const;

export const itLabsExport = {
  sheets: { signups: 'Iscrizioni laboratori', feedback: 'Gradimento laboratori' },
  columns: {
    lab: 'Laboratorio',
    theme: 'Tema',
    labStart: 'Inizio',
    person: 'Persona',
    networks: 'Reti',
    status: 'Stato',
    position: 'Ordine',
    platform: 'Piattaforma',
    signedUpAt: 'Data di iscrizione',
    withdrawnAt: 'Ritirato il',
    rating: 'Voto (1-5)',
    comment: 'Commento',
    givenAt: 'Data',
  },
  signupStatus: { confirmed: 'confermata', waiting: 'in lista d’attesa', withdrawn: 'ritirata' } as Record<string, string>,
} as const;
