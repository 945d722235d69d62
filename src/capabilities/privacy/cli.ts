// npm run reti -- persona cancella ID|@handle
import type { Command } from 'commander';
import type { CliContext } from '../../capability.js';
import { erasePerson, personByIdOrHandle } from '../networks/erase.js';
import { itPrivacy } from './texts.js';

export function registerPrivacyCli(program: Command, ctx: () => CliContext): void {
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
