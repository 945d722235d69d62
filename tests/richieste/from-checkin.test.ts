// The check-in's «supporto» answer opens requests: each kind chosen in a confirmed check-in (the
// domain event checkins.submitted, in the confirming transaction) is a request for the network,
// or an update of its open request of that kind — never a duplicate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supportOptions } from '../../src/capabilities/checkins/defaults.js';
import { KIND_CODES } from '../../src/capabilities/richieste/kinds.js';
import { answerAll, person } from '../checkins/driver.js';
import { testApp, type TestApp } from '../support/app.js';
import { networkId, personId, told, toldText, who } from './helpers.js';

const chiara = { id: '100000005', name: 'Chiara Fontana' }; // referente CR04, Telegram
const contains = (actual: string, expected: string) => expect(actual).toContain(expected);

describe('requests from check-ins', () => {
  let t: TestApp;
  let cr04: number;
  let chiaraId: number;
  beforeAll(async () => {
    t = await testApp();
    cr04 = await networkId(t, 'CR04');
    chiaraId = await personId(t, 'Chiara Fontana');
  });
  afterAll(async () => {
    await t.close();
  });

  const requestsOf = () =>
    t.db.prisma.supportRequest.findMany({ where: { networkId: cr04 }, orderBy: { id: 'asc' }, include: { events: { orderBy: { id: 'asc' } } } });

  /** The event a confirmed (or edited) check-in emits, as check-ins emit it. */
  const submitted = (period: string, choices: string[], changed: string[] | null, obstacles = '') =>
    t.db.prisma.$transaction(async (tx) =>
      t.app.services.events.emit(tx, 'checkins.submitted', {
        submissionId: 1,
        networkId: cr04,
        period,
        personId: chiaraId,
        answers: { supporto: choices.length ? { choices } : null, ...(obstacles ? { ostacoli: { text: obstacles } } : {}) },
        changed,
        at: t.clock.now(),
      }),
    );

  it('uses the check-in’s own option codes for the seven kinds', () => {
    expect(KIND_CODES).toEqual(supportOptions.map((o) => o.code));
  });

  it('opens a request for each kind chosen when the check-in is confirmed, and tells the coordinators', async () => {
    await t.app.jobs.run('checkin-open');
    await t.deliver();
    const c = person(t, 'telegram', chiara);
    await c.press('Inizia');
    await answerAll(c, contains); // formazione and confronto tra partner, obstacles: «Poca disponibilità delle scuole a giugno»
    expect(await requestsOf()).toEqual([]);
    await c.press('Conferma');

    const requests = await requestsOf();
    expect(requests.map((r) => [r.kind, r.state, r.source, r.period, r.need, r.openedById])).toEqual([
      ['formazione', 'nuova', 'checkin', '2026-W48', 'Poca disponibilità delle scuole a giugno', chiaraId],
      ['confronto_partner', 'nuova', 'checkin', '2026-W48', 'Poca disponibilità delle scuole a giugno', chiaraId],
    ]);
    expect(requests.every((r) => r.events.length === 1 && r.events[0]!.kind === 'aperta')).toBe(true);
    const giulia = toldText(t, who.giulia);
    expect(giulia).toContain('Rete Cremona e Casalasco (CR04) chiede: formazione (n. 1).');
    expect(giulia).toContain('Rete Cremona e Casalasco (CR04) chiede: confronto tra partner (n. 2).');
    expect(giulia).toContain('Ostacoli indicati nel check-in: Poca disponibilità delle scuole a giugno');
    expect(giulia).toContain('Dal check-in della settimana 23–29 novembre 2026, inviato da Chiara Fontana');
  });

  it('the same kind asked again the next week updates the open request: no duplicate, no new notice', async () => {
    const before = told(t, who.giulia).length;
    t.clock.set('2026-11-30T09:00:00Z');
    await submitted('2026-W49', ['formazione', 'cabina_di_regia'], null, 'Ancora poche scuole');
    await t.deliver();
    const requests = await requestsOf();
    expect(requests.map((r) => [r.id, r.kind, r.period])).toEqual([
      [1, 'formazione', '2026-W49'],
      [2, 'confronto_partner', '2026-W48'],
      [3, 'cabina_di_regia', '2026-W49'],
    ]);
    expect(requests[0]!.events.map((e) => [e.kind, e.note])).toEqual([
      ['aperta', 'Poca disponibilità delle scuole a giugno'],
      ['aggiornata', 'chiesta di nuovo nel check-in della settimana 30 novembre – 6 dicembre 2026; ostacoli indicati: Ancora poche scuole'],
    ]);
    // Only the new kind is announced.
    const news = told(t, who.giulia).slice(before);
    expect(news).toHaveLength(1);
    expect(news[0]).toContain('chiede: presenza di ANCI alle cabine di regia locali (n. 3).');
  });

  it('an edit of the check-in that adds a kind opens it; one that does not touch «supporto», or repeats it, changes nothing', async () => {
    const events = await t.db.prisma.supportRequestEvent.count();
    await submitted('2026-W49', ['formazione', 'cabina_di_regia'], ['incontri']);
    await submitted('2026-W49', ['formazione', 'cabina_di_regia'], ['supporto']);
    expect(await t.db.prisma.supportRequestEvent.count()).toBe(events);
    await submitted('2026-W49', ['formazione', 'cabina_di_regia', 'dialogo_tecnico_politico'], ['supporto']);
    expect((await requestsOf()).map((r) => r.kind)).toEqual(['formazione', 'confronto_partner', 'cabina_di_regia', 'dialogo_tecnico_politico']);
    expect(await t.db.prisma.supportRequestEvent.count()).toBe(events + 1);
  });

  it('a kind asked after its request was closed opens a new one; a label instead of a code is understood', async () => {
    await t.db.prisma.supportRequest.update({ where: { id: 2 }, data: { state: 'chiusa', openKey: null, closeReason: 'fatto' } });
    await submitted('2026-W50', ['confronto tra partner', 'presenza alla cabina di regia'], null);
    const requests = await requestsOf();
    expect(requests.filter((r) => r.kind === 'confronto_partner').map((r) => r.state)).toEqual(['chiusa', 'nuova']);
    expect(requests.filter((r) => r.kind === 'cabina_di_regia')).toHaveLength(1);
  });
});
