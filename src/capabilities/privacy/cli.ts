// npm run reti -- persona cancella ID|@handle
import type { Command } from 'commander';
import type { CliContext } from '../../capability.js';
import { audit, recentAudit } from '../../audit.js';
import { toPlain } from '../../platform/markup.js';
import { formatDateTime } from '../../time.js';
import { erasePerson, personByIdOrHandle } from '../networks/erase.js';
import { itPrivacy } from './texts.js';

export function registerPrivacyCli(program: Command, ctx: () => CliContext): void {
  program
    .command('registro')
    .description(itPrivacy.audit.description)
    .option('--limit <n>', 'quante voci (1–1000)', '50')
    .action(async (opts: { limit: string }) => {
      const limit = Math.min(Math.max(Number.parseInt(opts.limit, 10) || 50, 1), 1000);
      const c = ctx();
      await c.withDatabase(async (db) => {
        const rows = await recentAudit(db.prisma, limit);
        for (const r of rows) c.print(toPlain(itPrivacy.audit.line(formatDateTime(r.at), r.actor, r.action, r.detail)));
        if (!rows.length) c.print(itPrivacy.audit.empty);
      });
    });
  const persona = program.command('persona').description('Dati delle persone');
  persona
    .command('cancella <persona>')
    .description(itPrivacy.cli.eraseDescription)
    .action(async (who: string) => {
      const c = ctx();
      await c.withDatabase(async (db) => {
        const line = await db.prisma.$transaction(async (tx) => {
          const person = await personByIdOrHandle(tx, who);
          if (!person) return null;
          const report = await erasePerson(tx, person.id, c.clock.now());
          await audit(tx, {
            at: c.clock.now(),
            action: 'erase',
            subjectPersonId: person.id,
            detail: `dati cancellati della persona n. ${person.id} (riga di comando)`,
          });
          return itPrivacy.cli.erased(person.name, { ...report });
        });
        if (!line) {
          console.error(itPrivacy.cli.notFound(who));
          process.exitCode = 1;
          return;
        }
        c.print(line);
      });
    });
}
