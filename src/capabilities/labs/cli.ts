// npm run reti -- laboratori …: the same validation, rows and announcements as the chat.
import type { Command } from 'commander';
import type { CliContext } from '../../capability.js';
import { cancelLabFromCli, createLabFromCli, listLabsForCli, updateLabFromCli } from './cli-actions.js';

export function registerLabsCli(program: Command, ctx: () => CliContext): void {
  const labs = program.command('laboratori').description('Laboratori: elenco, creazione, modifiche, annullamento');
  labs
    .command('elenco')
    .option('--tutti', 'anche quelli passati e annullati')
    .description('Elenca i laboratori in programma')
    .action(async (opts: { tutti?: boolean }) => {
      const c = ctx();
      await c.withDatabase(async (db) => {
        const lines = await listLabsForCli(db.prisma, c.clock, { all: Boolean(opts.tutti) });
        c.print(lines.length ? lines.join('\n') : 'Nessun laboratorio in programma.');
      });
    });
  labs
    .command('crea')
    .description('Crea un laboratorio e lo annuncia nei canali delle reti')
    .requiredOption('--titolo <testo>')
    .requiredOption('--tema <tema>')
    .requiredOption('--inizio <data e ora>', 'es. "12/03/2027 14:30"')
    .requiredOption('--fine <ora o data e ora>', 'es. "17:00"')
    .requiredOption('--dove <luogo o link>', 'un luogo, un link https://… o entrambi')
    .option('--descrizione <testo>', '', '')
    .option('--posti <n>', 'posti disponibili (senza: illimitati)')
    .option('--reti <codici>', '"tutte" oppure codici separati da virgole', 'tutte')
    .option('--organizzatore <nome>', '', 'ANCI Lombardia')
    .action(async (o: Record<string, string | undefined>) => {
      const c = ctx();
      await c.withDatabase(async (db) => {
        const res = await createLabFromCli(db.prisma, c.clock, {
          title: o.titolo,
          theme: o.tema,
          start: o.inizio,
          end: o.fine,
          where: o.dove,
          description: o.descrizione,
          capacity: o.posti ?? null,
          networks: o.reti,
          organiser: o.organizzatore,
        });
        c.print(`Laboratorio n. ${res.id} creato; annuncio in coda per ${res.channels} canali (lo consegna il servizio).`);
      });
    });
  labs
    .command('modifica')
    .argument('<numero>', 'il numero del laboratorio (vedi elenco)')
    .argument('<campo>', 'titolo, tema, descrizione, inizio, fine, dove, posti, reti, organizzatore')
    .argument('<valore...>')
    .description('Cambia un campo e avvisa canali e iscritti')
    .action(async (id: string, field: string, value: string[]) => {
      const c = ctx();
      await c.withDatabase(async (db) => {
        const res = await updateLabFromCli(db.prisma, c.clock, Number(id), field, value.join(' '));
        c.print(res.changed.length ? `Modificato: ${res.changed.join(', ')}; avvisi in coda: ${res.notified}.` : 'Nessuna modifica.');
      });
    });
  labs
    .command('annulla')
    .argument('<numero>')
    .argument('[motivo...]')
    .description('Annulla un laboratorio e avvisa canali e iscritti')
    .action(async (id: string, reason: string[] = []) => {
      const c = ctx();
      await c.withDatabase(async (db) => {
        const res = await cancelLabFromCli(db.prisma, c.clock, Number(id), reason.join(' '));
        c.print(`Laboratorio n. ${id} annullato; avvisi in coda: ${res.notified}.`);
      });
    });
}
