// The network's own objectives in the weekly check-in: after the eleven indicators, one question
// per objective not reached and not past due, with an optional note; the answers kept per
// objective and week, «raggiunto» marking the objective; the questions come every week, every
// other week or monthly as the network chose, and stop once an objective is past due or reached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importConfiguration } from '../../src/configuration.js';
import { objectiveQuestions } from '../../src/capabilities/scheda/checkin-questions.js';
import { testApp, type TestApp } from '../support/app.js';
import { person } from '../checkins/driver.js';
import { command } from '../richieste/helpers.js';

const chiara = { id: '100000005', name: 'Chiara Fontana' };
const chiaraWho = { name: 'Chiara Fontana', telegram: '100000005' };

const SCHEDA = `
schede:
  - network: CR04
    objective: Lavoro per i giovani stranieri
    needs: Pochi tirocini
    strategies:
      - title: Tirocini
        objectives:
          - { what: Tirocini avviati, target: 10, due: 2027-06-30, indicator: cittadini }
          - { what: Aziende coinvolte, due: 2026-11-25 }
`;

describe('the objectives in the check-in', () => {
  let t: TestApp;
  let cr04: number;
  beforeAll(async () => {
    t = await testApp();
    await importConfiguration(t.db.prisma, t.clock, SCHEDA);
    cr04 = (await t.db.prisma.network.findUniqueOrThrow({ where: { code: 'CR04' } })).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('asks where each active objective stands after the indicators, and keeps the answers', async () => {
    await t.app.jobs.run('checkin-open');
    await t.deliver();
    const c = person(t, 'telegram', chiara);
    expect(c.last()).toContain('15 domande brevi');
    await c.press('Inizia');
    for (const answer of ['2', '3', '1', '25', '0', '4', '3', '5', 'salta', 'salta']) await c.say(answer);
    const twelve = await c.say('salta');
    expect(twelve).toContain('12/15 A che punto è «Tirocini avviati»?');
    expect(c.buttons()).toEqual(['fermo', 'avviato', 'a buon punto', 'raggiunto', 'Indietro', 'Annulla']);
    expect(await c.say('boh')).toContain('Scegli una delle opzioni: fermo, avviato, a buon punto, raggiunto');
    expect(await c.press('avviato')).toContain('13/15 Una nota su «Tirocini avviati»?');
    expect(await c.say('Primi contatti con tre aziende')).toContain('14/15 A che punto è «Aziende coinvolte»?');
    expect(await c.press('raggiunto')).toContain('15/15 Una nota su «Aziende coinvolte»?');
    const summary = await c.say('salta');
    expect(summary).toContain('12. A che punto è «Tirocini avviati»?\n    avviato');
    await c.press('Conferma');

    const progress = await t.db.prisma.objectiveProgress.findMany({ orderBy: { objectiveId: 'asc' }, include: { objective: { select: { number: true } } } });
    expect(progress.map((p) => [p.objective.number, p.period, p.status, p.note])).toEqual([
      [1, '2026-W48', 'avviato', 'Primi contatti con tre aziende'],
      [2, '2026-W48', 'raggiunto', ''],
    ]);
    const reached = await t.db.prisma.schedaObjective.findFirstOrThrow({ where: { number: 2, networkId: cr04 } });
    expect(reached.reachedAt).toEqual(t.clock.now());
    // Not indicators: the check-in's own answers are the eleven.
    expect(await t.db.prisma.checkinAnswer.count()).toBe(11);
    const scheda = await command(t, chiaraWho, 'telegram', 'scheda');
    expect(scheda).toContain('O1. Tirocini avviati — traguardo 10, entro mer 30 giugno (indicatore cittadini) · avviato (23–29 novembre 2026)');
    expect(scheda).toContain('O2. Aziende coinvolte, entro mer 25 novembre · raggiunto');
    expect(await command(t, chiaraWho, 'telegram', 'scheda', 'storia')).toContain(
      'Chiara Fontana (chat): obiettivo specifico O2 «Aziende coinvolte» raggiunto (dal check-in)',
    );
  });

  it('an edit of the check-in shows the objectives’ answers and changes them', async () => {
    const c = person(t, 'telegram', chiara);
    const summary = await c.command('checkin');
    expect(summary).toContain('già inviato');
    await c.press('Modifica le risposte');
    expect(await c.say('modifica 12')).toContain('12/15 A che punto è «Tirocini avviati»?');
    await c.press('a buon punto');
    await c.press('Conferma');
    const p = await t.db.prisma.objectiveProgress.findFirstOrThrow({ where: { objective: { number: 1, networkId: cr04 } } });
    expect(p).toMatchObject({ status: 'buon_punto', note: 'Primi contatti con tre aziende' });
  });

  it('comes and goes with the due dates and the frequency', async () => {
    const ask = (period: string, now: string) =>
      t.db.prisma.$transaction(async (tx) => (await objectiveQuestions.questions(tx, { networkId: cr04, period, now: new Date(now) })).map((f) => f.label));
    // O2 is reached: only O1, every week.
    expect(await ask('2026-W49', '2026-11-30T08:00:00Z')).toEqual(['A che punto è «Tirocini avviati»?', 'Una nota su «Tirocini avviati»?']);
    await t.db.prisma.schedaObjective.updateMany({ where: { networkId: cr04, number: 2 }, data: { reachedAt: null } });
    // Not reached and due Wednesday 25 November: asked through that day, not after.
    expect(await ask('2026-W48', '2026-11-25T22:59:00Z')).toHaveLength(4);
    expect(await ask('2026-W49', '2026-11-25T23:00:00Z')).toHaveLength(2);

    expect(await command(t, chiaraWho, 'telegram', 'scheda', 'frequenza quindicinale')).toBe(
      'Fatto: per Rete Cremona e Casalasco (CR04) le domande sugli obiettivi arrivano ogni due settimane (settimane pari).',
    );
    expect(await ask('2026-W49', '2026-11-30T08:00:00Z')).toEqual([]);
    expect(await ask('2026-W50', '2026-12-07T08:00:00Z')).toHaveLength(2);
    await command(t, chiaraWho, 'telegram', 'scheda', 'frequenza mensile');
    // Monthly: the week whose Monday is among the month's first seven days (7 December), not the next.
    expect(await ask('2026-W50', '2026-12-07T08:00:00Z')).toHaveLength(2);
    expect(await ask('2026-W51', '2026-12-14T08:00:00Z')).toEqual([]);
    expect(await ask('2026-W49', '2026-11-30T08:00:00Z')).toEqual([]);
    expect(await command(t, chiaraWho, 'telegram', 'scheda', 'frequenza ogni_tanto')).toBe('Scegli la frequenza: settimanale, quindicinale o mensile.');
  });
});
