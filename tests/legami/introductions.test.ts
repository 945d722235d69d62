import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import legamiIntro, { legamiIntroJob } from '../../jobs/legami-intro.js';
import type { SupportSource } from '../../src/capabilities/legami/support.js';
import { sqlSupportSource } from '../../src/capabilities/legami/support.js';
import { fixture, testApp, type TestApp } from '../support/app.js';

const DAY = 24 * 60 * 60 * 1000;

// tests/fixtures/legami.yaml: each person has exactly one possible match, so every introduction
// is predictable: Anna–Bruno (mediazione/mediazioni, both on Slack), Carla–Dario (casa/case,
// Telegram and Slack), Elena (contact of a partner, lavoro)–Fabio; Gino and Hana share nothing.
describe('legami-intro: introductions between networks', () => {
  let t: TestApp;
  let ids: Record<string, number>;
  const names = async () =>
    (await t.db.prisma.introduction.findMany({ orderBy: { id: 'asc' }, include: { personA: true, personB: true } })).map((i) =>
      [i.personA.name, i.personB.name].sort().join(' + '),
    );
  const run = (support?: SupportSource) =>
    (support ? legamiIntroJob({ support }) : legamiIntro).run({
      db: t.db.prisma,
      clock: t.clock,
      now: t.clock.now(),
      logger: t.app.logger,
      services: t.app.services,
      trigger: 'manual',
    });

  beforeAll(async () => {
    t = await testApp({ yaml: fixture('legami.yaml') });
    const networks = await t.db.prisma.network.findMany();
    ids = Object.fromEntries(networks.map((n) => [n.code, n.id]));
    const hana = await t.db.prisma.person.findFirstOrThrow({ where: { name: 'Hana Mori' } });
    await t.db.prisma.goodPractice.create({
      data: {
        networkId: ids.HH08!,
        title: 'Tavolo mensile con le associazioni',
        description: 'Ogni mese il Comune incontra le associazioni di stranieri del territorio.',
        themes: ['associazioni di stranieri'],
        proposedById: hana.id,
        status: 'pubblicata',
        publishedAt: new Date('2026-11-01T10:00:00Z'),
      },
    });
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    t.telegram.clear();
    t.slack.clear();
  });

  it('pairs people of different networks on a shared theme, leniently, and says why', async () => {
    const result = await run();
    expect(result).toMatchObject({ runKey: '2026-W48', introductions: 3, byTheme: 3, bySupport: 0 });
    expect((await names()).sort()).toEqual(['Anna Verdi + Bruno Neri', 'Carla Bassi + Dario Riva', 'Elena Sala + Fabio Conti']);
    await t.deliver();

    // Both on Slack in the same workspace: one group conversation.
    const group = t.slack.texts('G-U0ANNA-U0BRUNO');
    expect(group).toHaveLength(1);
    expect(group[0]).toContain('Legami: vi presento!');
    expect(group[0]).toMatch(/Ciao (Anna Verdi e Bruno Neri|Bruno Neri e Anna Verdi)!/);
    expect(group[0]).toContain('• Anna Verdi — referente di Rete Alfa (AA01)');
    expect(group[0]).toContain('• Bruno Neri — referente di Rete Beta (BB02)');
    expect(group[0]).toMatch(/lavorano entrambe sul tema (mediazione|mediazioni)\./);
    expect(group[0]).toContain('Non vuoi altre presentazioni? Scrivi /legami pausa.');
    expect(t.slack.texts('U0ANNA')).toEqual([]);

    // Telegram and Slack: a private message to each, naming the other and how to reach them.
    const carla = t.telegram.texts('200000003');
    expect(carla).toHaveLength(1);
    expect(carla[0]).toContain('Ciao Carla Bassi! Ti presento Dario Riva, referente di Rete Delta (DD04).');
    expect(carla[0]).toMatch(/sul tema (casa|case)\./);
    // Dario is only on Slack, Carla only on Telegram: no way for her to use, and the message says so.
    expect(carla[0]).toContain('Per contattare Dario Riva:\n• non ho un suo contatto diretto: chiedilo al coordinamento di ANCI Lombardia.');
    expect(carla[0]).toContain('Anche Dario Riva ha ricevuto questo messaggio.');
    const dario = t.slack.texts('U0DARIO');
    expect(dario).toHaveLength(1);
    expect(dario[0]).toContain('Ti presento Carla Bassi, referente di Rete Gamma (CC03).');
    expect(dario[0]).toContain('• Telegram: @carla_t (https://t.me/carla_t)');

    // A partner's contact person is introduced as such, with the directory's contact.
    const fabio = t.telegram.texts('200000006')[0]!;
    expect(fabio).toContain('Ti presento Elena Sala, persona di riferimento di Cooperativa Sole di Rete Epsilon (EE05).');
    expect(fabio).toContain('sul tema lavoro.');
    expect(fabio).toContain('• elena@sole.example');
    expect(t.telegram.texts('200000005')[0]).toContain('Ti presento Fabio Conti, referente di Rete Zeta (FF06).');
    // Nobody else heard anything.
    expect(t.telegram.texts('200000007')).toEqual([]);
    expect(t.telegram.texts('200000008')).toEqual([]);
  });

  it('introduces a network that asked for support to one whose good practice covers it', async () => {
    const support: SupportSource = { requested: async () => [{ networkId: ids.GG07!, kind: 'sostegno_associazioni_stranieri' }] };
    const result = await run(support);
    // Same week, same run: the people already introduced are left alone, Gino and Hana are added.
    expect(result).toMatchObject({ runKey: '2026-W48', introductions: 1, bySupport: 1, byTheme: 0 });
    const intro = await t.db.prisma.introduction.findFirstOrThrow({ where: { reason: 'supporto' }, include: { practice: true } });
    expect(intro.theme).toBe('sostegno con le associazioni di stranieri');
    expect(intro.practice?.title).toBe('Tavolo mensile con le associazioni');
    await t.deliver();
    const gino = t.telegram.texts('200000007');
    expect(gino).toHaveLength(1);
    expect(gino[0]).toContain('Ti presento Hana Mori, referente di Rete Theta (HH08).');
    expect(gino[0]).toContain(
      'Vi metto in contatto perché Rete Eta ha chiesto supporto su «sostegno con le associazioni di stranieri» e Rete Theta ha una buona prassi che ne parla: «Tavolo mensile con le associazioni».',
    );
    expect(t.telegram.texts('200000008')[0]).toContain('Ti presento Gino Russo, referente di Rete Eta (GG07).');
  });

  it('is idempotent: running again in the same week introduces nobody and sends nothing', async () => {
    const before = await t.db.prisma.outboxMessage.count();
    const support: SupportSource = { requested: async () => [{ networkId: ids.GG07!, kind: 'sostegno con le associazioni di stranieri' }] };
    expect(await run(support)).toMatchObject({ introductions: 0 });
    expect(await run()).toMatchObject({ introductions: 0 });
    expect(await t.db.prisma.outboxMessage.count()).toBe(before);
    expect(await t.db.prisma.introduction.count()).toBe(4);
  });

  it('never introduces a pair again within the window (180 days by default), and may after it', async () => {
    t.clock.advance(14 * DAY);
    expect(await run()).toMatchObject({ runKey: '2026-W50', introductions: 0 });
    t.clock.advance(160 * DAY);
    expect(await run()).toMatchObject({ introductions: 0 });
    t.clock.advance(10 * DAY); // 184 days after the first run
    const later = await run();
    expect(later.introductions).toBe(3);
    expect((await names()).slice(4).sort()).toEqual(['Anna Verdi + Bruno Neri', 'Carla Bassi + Dario Riva', 'Elena Sala + Fabio Conti']);
  });

  it('reads no support requests, and fails nothing, while the check-in tables do not exist', async () => {
    expect(await sqlSupportSource().requested(t.db.prisma, new Date(0))).toEqual([]);
  });
});

describe('legami-intro with a shorter window (LEGAMI_INTRO_WINDOW_DAYS)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ yaml: fixture('legami.yaml'), env: { LEGAMI_INTRO_WINDOW_DAYS: '10' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('introduces the same pair again once the window has passed', async () => {
    expect(await t.app.jobs.run('legami-intro')).toMatchObject({ introductions: 3 });
    t.clock.advance(7 * DAY);
    expect(await t.app.jobs.run('legami-intro')).toMatchObject({ introductions: 0 });
    t.clock.advance(7 * DAY);
    expect(await t.app.jobs.run('legami-intro')).toMatchObject({ introductions: 3 });
  });
});

describe('legami-intro when Slack refuses the group conversation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ yaml: fixture('legami.yaml') });
  });
  afterAll(async () => {
    await t.close();
  });

  it('sends the introduction to each person privately instead', async () => {
    t.slack.unreachable.add('G-U0ANNA-U0BRUNO');
    await t.app.jobs.run('legami-intro');
    await t.deliver();
    expect(t.slack.texts('G-U0ANNA-U0BRUNO')).toEqual([]);
    for (const user of ['U0ANNA', 'U0BRUNO']) {
      const texts = t.slack.texts(user);
      expect(texts).toHaveLength(1);
      expect(texts[0]).toContain('Legami: vi presento!');
      expect(texts[0]).toContain('• Anna Verdi — referente di Rete Alfa (AA01)');
    }
  });
});
