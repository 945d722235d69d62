// npm run reti -- scheda esporta|importa CODICE FILE: a network's scheda as a YAML file (the same
// form as an entry of the `schede:` section), read back with the same checks and history.
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parse } from 'yaml';
import type { CliContext } from '../../capability.js';
import { applyDoc, docOf, docYaml, planDoc } from './document.js';
import { schedaDocSchema } from './model.js';
import { loadScheda } from './repository.js';

export function registerSchedaCli(program: Command, ctx: () => CliContext): void {
  const scheda = program.command('scheda').description('La scheda di una rete: esporta e importa un file YAML');
  scheda
    .command('esporta')
    .argument('<codice>', 'il codice della rete (es. BG01)')
    .argument('<file>', 'il file YAML da scrivere')
    .description('Scrive la scheda della rete in un file YAML')
    .action(async (code: string, file: string) => {
      const c = ctx();
      await c.withDatabase(async (db) => {
        const network = await db.prisma.network.findUnique({ where: { code: code.toUpperCase() } });
        if (!network) throw new Error(`La rete ${code} non esiste.`);
        const doc = docOf(await loadScheda(db.prisma, network.id));
        await writeFile(file, docYaml(doc));
        c.print(`Scheda di ${network.code} scritta in ${file}.`);
      });
    });
  scheda
    .command('importa')
    .argument('<codice>', 'il codice della rete (es. BG01)')
    .argument('<file>', 'il file YAML da leggere')
    .description('Legge la scheda della rete da un file YAML (le differenze restano nella storia)')
    .action(async (code: string, file: string) => {
      const c = ctx();
      const parsed = schedaDocSchema.safeParse(parse(await readFile(file, 'utf8')) ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new Error(`Scheda non valida (${issue.path.join('.') || 'file'}): ${issue.message}`);
      }
      await c.withDatabase(async (db) => {
        const network = await db.prisma.network.findUnique({ where: { code: code.toUpperCase() } });
        if (!network) throw new Error(`La rete ${code} non esiste.`);
        if (parsed.data.network && parsed.data.network.toUpperCase() !== network.code)
          throw new Error(`Il file è la scheda di ${parsed.data.network}, non di ${network.code}.`);
        const lines = await db.prisma.$transaction(async (tx) => {
          const res = await planDoc(tx, c.clock.now(), network.id, parsed.data);
          if ('problem' in res) throw new Error(`Scheda non valida (${res.problem.path.join('.')}): ${res.problem.message}`);
          return applyDoc(tx, c.clock.now(), network.id, parsed.data, res.plan, { personId: null, source: 'cli' });
        });
        c.print(lines.length ? `Scheda di ${network.code} aggiornata: ${lines.join('; ')}.` : `Scheda di ${network.code}: nessuna modifica.`);
      });
    });
}
