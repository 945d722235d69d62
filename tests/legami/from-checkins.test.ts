// Check-ins feed Legami: the "buona_prassi" answer becomes a proposal for the coordinators, and the
// "supporto" answers are the requests the introductions match with other networks' practices.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlSupportSource } from '../../src/capabilities/legami/support.js';
import { testApp, type TestApp } from '../support/app.js';
import { answerAll, person } from '../checkins/driver.js';

const chiara = { id: '100000005', name: 'Chiara Fontana' }; // referente CR04, Telegram
const contains = (actual: string, expected: string) => expect(actual).toContain(expected);

describe('from check-ins to Legami', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
    await t.app.jobs.run('checkin-open');
    await t.deliver();
    const c = person(t, 'telegram', chiara);
    await c.press('Inizia');
    await answerAll(c, contains);
    await c.press('Conferma');
  });
  afterAll(async () => {
    await t.close();
  });

  it('proposes the good practice written in the check-in to the coordinators, once', async () => {
    const practices = await t.db.prisma.goodPractice.findMany({ include: { network: true } });
    expect(practices).toHaveLength(1);
    expect(practices[0]).toMatchObject({
      status: 'proposta',
      source: 'checkin',
      description: 'Sportello condiviso tra Comune e associazioni, il sabato mattina',
    });
    expect(practices[0]!.network.code).toBe('CR04');
    // Each coordinator is told privately, on one of their platforms (Luca: Telegram or Slack; Giulia: Slack).
    const luca = [...t.telegram.texts('100000001'), ...t.slack.texts('U0COORD1')].join('\n');
    expect(luca).toContain('Sportello condiviso tra Comune e associazioni');
    expect(t.slack.texts('U0COORD2').join('\n')).toContain('Sportello condiviso tra Comune e associazioni');
  });

  it('reads the support the network asked for, by the labels the introductions match', async () => {
    const cr04 = await t.db.prisma.network.findUniqueOrThrow({ where: { code: 'CR04' } });
    const requests = await sqlSupportSource().requested(t.db.prisma, new Date('2026-11-01T00:00:00Z'));
    expect(requests.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { networkId: cr04.id, kind: 'confronto tra partner' },
      { networkId: cr04.id, kind: 'formazione' },
    ]);
    expect(await sqlSupportSource().requested(t.db.prisma, new Date('2026-12-01T00:00:00Z'))).toEqual([]);
  });
});
