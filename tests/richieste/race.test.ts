// Two coordinators pressing «Prendo in carico» at the same moment (each press its own transaction;
// on PostgreSQL each on its own connection): the request's row lock gives it to exactly one, the
// other is told who has it, and the network's referents are told once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryAdapter, MemoryUser } from '../../src/platform/memory/adapter.js';
import { onPostgres } from '../support/db.js';
import { testApp, type TestApp } from '../support/app.js';
import { open, told, who } from './helpers.js';

describe(`two coordinators take the same request at once (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const presses = (): [MemoryAdapter, MemoryUser, string][] => [
    [t.slack, { id: who.giulia.slack, name: who.giulia.name }, 'Giulia Ferri'],
    [t.telegram, { id: who.luca.telegram, name: who.luca.name }, 'Luca Bianchi'],
    [t.slack, { id: who.luca.slack, name: who.luca.name }, 'Luca Bianchi'],
  ];

  for (const round of [1, 2, 3]) {
    it(`gives it to one of them, tells the other who has it, and tells the referents once (round ${round})`, async () => {
      const kind = ['formazione', 'confronto_partner', 'supporto_tecnico'][round - 1]!;
      const request = await open(t, { code: 'BG01', kind, by: 'Maria Rossi' });
      t.telegram.clear();
      t.slack.clear();

      await Promise.all(presses().map(([platform, u]) => platform.press(u, platform.privateChat(u), 'richieste.prendo', String(request.id))));
      await t.deliver();

      const row = await t.db.prisma.supportRequest.findUniqueOrThrow({ where: { id: request.id } });
      const winner = (await t.db.prisma.person.findUniqueOrThrow({ where: { id: row.assigneeId! } })).name;
      expect(row.state).toBe('presa_in_carico');
      const taken = await t.db.prisma.supportRequestEvent.findMany({ where: { requestId: request.id, toState: 'presa_in_carico' } });
      expect(taken).toHaveLength(1);
      expect(taken[0]!.personId).toBe(row.assigneeId);

      // Each press answered once: the winner «Fatto», the others who has it (the winner's second
      // press, if any, «already yours»).
      const answers = presses().map(([platform, u, name]) => ({ name, texts: platform.texts(u.id) }));
      expect(answers.every((a) => a.texts.length === 1)).toBe(true);
      const texts = answers.map((a) => a.texts[0]!);
      expect(texts.filter((x) => x.startsWith(`Fatto: hai preso in carico la richiesta n. ${request.id}.`))).toHaveLength(1);
      for (const a of answers.filter((a) => a.name !== winner)) {
        expect(a.texts[0]).toBe(`La richiesta n. ${request.id} è già stata presa in carico da ${winner}.`);
      }
      for (const a of answers.filter((a) => a.name === winner && !a.texts[0]!.startsWith('Fatto'))) {
        expect(a.texts[0]).toContain(`Hai già preso in carico la richiesta n. ${request.id}: nulla da cambiare.`);
      }
      for (const referent of [who.maria, who.ahmed]) {
        expect(told(t, referent).filter((x) => x.includes(`richiesta n. ${request.id} `) && x.includes('presa in carico da'))).toEqual([
          expect.stringContaining(`è stata presa in carico da ${winner} di ANCI Lombardia.`),
        ]);
      }
    });
  }
});
