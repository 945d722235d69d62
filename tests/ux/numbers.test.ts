// Issues 15 and 16: numbers that cannot be right. Every count has a maximum (100.000 unless the
// `indicators:` section says otherwise) enforced where the answer is parsed; a value far above
// what the network has ever answered is asked again («Confermi …?»); the digest sums the maximum
// of every network without overflowing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_NUMBER_MAX } from '../../src/conversation/form.js';
import { ConfigImportError } from '../../src/config-import/import.js';
import { importConfiguration } from '../../src/configuration.js';
import { person, type Person } from '../checkins/driver.js';
import { CheckinData } from '../digest/data.js';
import { testApp, type TestApp } from '../support/app.js';

const chiara = { id: '100000005', name: 'Chiara Fontana' }; // the only referent of CR04

describe('a check-in refuses impossible numbers and asks again about implausible ones', () => {
  let t: TestApp;
  let c: Person;
  const answers = async () => {
    const conv = await t.db.prisma.conversation.findFirstOrThrow({ where: { flow: 'checkin' }, orderBy: { id: 'desc' } });
    return (conv.state as { answers: Record<string, unknown> }).answers;
  };

  beforeAll(async () => {
    t = await testApp();
    const data = await new CheckinData(t.db).init();
    await data.submit({ network: 'CR04', week: '2026-W46', values: { incontri: 2, partner_attivi: 4, nuovi_partner: 1 } });
    await importConfiguration(t.db.prisma, t.clock, 'indicators:\n  - code: nuovi_partner\n    max: 500\n');
    c = person(t, 'telegram', chiara);
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a count above the default maximum at its step, and stores nothing', async () => {
    expect(await c.command('checkin')).toContain('1/11 Quanti incontri');
    const huge = await c.say('99999999999999999999');
    expect(huge).toContain('è oltre il massimo previsto (100.000): controlla il numero e scrivilo di nuovo.');
    expect(huge).toContain('1/11 Quanti incontri');
    expect(await answers()).toEqual({});
    expect(await c.say('3')).toContain('2/11 Quanti partner');
  });

  it('asks «Confermi …?» for a value far above the network’s own history; «no» asks again, «sì» keeps it', async () => {
    const asked = await c.say('1000');
    expect(asked).toBe('Confermi 1.000? Finora CR04 non ha mai risposto più di 4 a questa domanda.\n[Sì, confermo] [No, correggo]');
    expect(await answers()).not.toHaveProperty('partner_attivi');
    expect(await c.press('No, correggo')).toContain('2/11 Quanti partner');
    expect(await c.say('1.000')).toContain('Confermi 1.000?');
    expect(await c.press('Sì, confermo')).toContain('3/11 Quanti nuovi partner');
    expect(await answers()).toMatchObject({ partner_attivi: { number: 1000 } });
  });

  it('applies the maximum configured for the indicator in `indicators:`', async () => {
    const refused = await c.say('600');
    expect(refused).toContain('600 è oltre il massimo previsto (500)');
    expect(refused).toContain('3/11 Quanti nuovi partner');
    expect(await c.say('5')).toContain('4/11');
  });

  it('refuses a maximum in the configuration beyond what a sum can hold', async () => {
    const err = await importConfiguration(t.db.prisma, t.clock, 'indicators:\n  - code: incontri\n    max: 5000000000\n').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigImportError);
    expect((err as Error).message).toContain('max può arrivare al massimo a 1.000.000.000');
  });
});

describe('the digest sums the maximum of every network', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('builds the coordinators’ digest with every count at its maximum in every network, for weeks running', async () => {
    const data = await new CheckinData(t.db).init();
    const indicators = await t.db.prisma.indicator.findMany({ where: { type: { in: ['integer', 'decimal', 'scale'] } } });
    const networks = await t.db.prisma.network.findMany();
    for (const week of ['2026-W46', '2026-W47'])
      for (const n of networks)
        await data.submit({
          network: n.code,
          week,
          values: Object.fromEntries(indicators.map((i) => [i.code, i.max ?? DEFAULT_NUMBER_MAX])),
        });
    const result = await t.app.jobs.run('digest-coordinators');
    expect(result).toMatchObject({ week: '2026-W47', sent: 3 });
    await t.deliver();
    const text = t.telegram.texts('100000001').join('\n');
    expect(text).toContain(`Hanno risposto ${networks.length} reti su ${networks.length}`);
    expect(text).toContain((networks.length * DEFAULT_NUMBER_MAX).toLocaleString('it-IT'));
  });
});
