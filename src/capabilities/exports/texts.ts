// Italian catalogue of what /esporta and the export CLI say; each capability names its own sheets and
// columns (its report-texts.ts).
import { literal } from '../../platform/markup.js';
import { formatWeek } from '../../time.js';

export const itExport = {
  command: {
    description: 'Esporta check-in, iscrizioni e gradimento dei laboratori in un file (coordinatori)',
    usage: '/esporta [xlsx|csv] [DAL] [AL] [CODICE]',
    otherFormat: (text: string) =>
      `Non preparo file ${literal(text)}: i formati sono xlsx (il predefinito, per un foglio di calcolo) e csv. Per esempio /esporta csv 2026-W01 2026-W10.`,
    badToken: (text: string) =>
      `Non capisco «${literal(text)}»: scrivi il formato (xlsx o csv), le date (2026-01-31, 31/01/2026 o 2026-W05) e, se vuoi, il codice della rete.`,
    badRange: 'La data di fine viene prima di quella di inizio.',
    tooLarge: (mb: number) =>
      `Il file sarebbe di circa ${mb} MB, troppo grande da mandare in chat. Restringi il periodo o scegli una rete, oppure esporta da terminale con npm run reti -- export.`,
    caption: (fromWeek: string, toWeek: string, rows: number, network: string | null) =>
      `Esportazione${network ? ` della rete ${literal(network)}` : ''} dalla settimana ${formatWeek(fromWeek)} alla settimana ${formatWeek(toWeek)}: ${rows} ${rows === 1 ? 'risposta' : 'risposte'} ai check-in.`,
    sentPrivately: 'Ti ho mandato il file in chat privata.',
  },
  cli: {
    description: 'Esporta check-in, iscrizioni e gradimento dei laboratori (xlsx: un file con tre fogli; csv: tre file)',
    badDate: (text: string) => `Data non valida «${text}»: usa 2026-01-31, 31/01/2026 oppure 2026-W05.`,
    badFormat: (text: string) => `Formato non valido «${text}»: usa xlsx oppure csv.`,
    badRange: 'La data di fine (--to) viene prima di quella di inizio (--from).',
    written: (file: string, rows: number) => `Scritto ${file} (${rows} righe)`,
  },
} as const;
