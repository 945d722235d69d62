import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryAdapter } from '../../src/platform/memory/adapter.js';
import { fixture, groups, people, testApp, type TestApp } from '../support/app.js';

const DAY = 24 * 60 * 60 * 1000;
const anna = { id: 'U0ANNA', name: 'Anna Verdi' };
const bruno = { id: 'U0BRUNO', name: 'Bruno Neri' };
const carla = { id: '200000003', name: 'Carla Bassi' };
const dario = { id: 'U0DARIO', name: 'Dario Riva' };

// tests/fixtures/legami.yaml: the run introduces Anna–Bruno, Carla–Dario and Elena–Fabio.
describe('legami-followup: a week later, did you meet?', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ yaml: fixture('legami.yaml') });
    await t.app.jobs.run('legami-intro');
    await t.deliver();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    t.telegram.clear();
    t.slack.clear();
  });

  const answers = () => t.db.prisma.introductionFollowUp.findMany({ include: { person: true }, orderBy: { id: 'asc' } });

  it('asks nobody before a week has passed', async () => {
    t.clock.advance(6 * DAY);
    expect(await t.app.jobs.run('legami-followup')).toEqual({ asked: 0, introductions: 0 });
    await t.deliver();
    expect(t.slack.sent).toEqual([]);
    expect(t.telegram.sent).toEqual([]);
  });

  it('asks both people once, privately, with three buttons; a person who paused is not asked', async () => {
    await t.slack.command(bruno, t.slack.privateChat(bruno), 'legami', 'pausa');
    t.clock.advance(1 * DAY);
    expect(await t.app.jobs.run('legami-followup')).toEqual({ asked: 5, introductions: 3 });
    await t.deliver();
    const question = t.slack.lastText(anna.id);
    expect(question).toContain('Legami: com’è andata?');
    expect(question).toContain('Il lun 23 novembre ti ho presentato Bruno Neri (BB02). Vi siete sentiti?');
    expect(t.slack.buttons(anna.id).map((b) => b.label)).toEqual(['Sì', 'Non ancora', 'Non interessa']);
    expect(t.slack.texts(bruno.id).some((m) => m.includes('com’è andata'))).toBe(false);
    expect(t.telegram.lastText(carla.id)).toContain('ti ho presentato Dario Riva (DD04)');
    expect(t.slack.lastText(dario.id)).toContain('ti ho presentato Carla Bassi (CC03)');
    for (const b of t.slack.buttons(anna.id)) expect(b.action.length + b.value.length).toBeLessThanOrEqual(60);

    // Once: running again (or the next day) asks nothing more.
    t.slack.clear();
    t.telegram.clear();
    expect(await t.app.jobs.run('legami-followup')).toEqual({ asked: 0, introductions: 0 });
    t.clock.advance(1 * DAY);
    expect(await t.app.jobs.run('legami-followup')).toEqual({ asked: 0, introductions: 0 });
    await t.deliver();
    expect(t.slack.sent).toEqual([]);
    expect(t.telegram.sent).toEqual([]);
  });

  it('stores the answer of the button pressed; pressing twice counts once', async () => {
    const row = (await answers()).find((a) => a.person.name === 'Carla Bassi')!;
    await t.telegram.press(carla, t.telegram.privateChat(carla), 'legami.esito', `${row.id}:si`, 'm-question');
    await t.deliver();
    expect(t.telegram.lastText(carla.id)).toContain('Grazie! Che bello');
    const edited = t.telegram.sent.find((m) => m.delivery.op === 'update')!;
    expect(edited.messageId).toBe('m-question');
    expect(JSON.stringify(edited.message)).toContain('Risposta registrata: Sì.');
    expect(JSON.stringify(edited.message)).not.toContain('legami.esito');

    await t.telegram.press(carla, t.telegram.privateChat(carla), 'legami.esito', `${row.id}:si`);
    await t.deliver();
    expect(t.telegram.lastText(carla.id)).toBe('Avevo già registrato la tua risposta: Sì.');
    const stored = (await answers()).filter((a) => a.answer === 'si');
    expect(stored).toHaveLength(1);
    expect(stored[0]!.person.name).toBe('Carla Bassi');
    expect(stored[0]!.answeredAt).toEqual(t.clock.now());
  });

  it('takes answers from Slack too, and a changed mind replaces the answer rather than adding one', async () => {
    const row = (await answers()).find((a) => a.person.name === 'Dario Riva')!;
    await t.slack.press(dario, t.slack.privateChat(dario), 'legami.esito', `${row.id}:non_ancora`);
    await t.slack.press(dario, t.slack.privateChat(dario), 'legami.esito', `${row.id}:non_interessa`);
    await t.deliver();
    expect(t.slack.texts(dario.id)).toEqual(['Grazie, nessuna fretta: magari nei prossimi giorni.', 'Grazie per avermelo detto: ne terrò conto.']);
    expect((await answers()).filter((a) => a.person.name === 'Dario Riva').map((a) => a.answer)).toEqual(['non_interessa']);
  });

  it('refuses a button meant for someone else, and stores nothing', async () => {
    const row = (await answers()).find((a) => a.person.name === 'Anna Verdi')!;
    await t.slack.press(dario, t.slack.privateChat(dario), 'legami.esito', `${row.id}:si`);
    await t.deliver();
    expect(t.slack.lastText(dario.id)).toBe('Questo pulsante non è per te.');
    expect((await answers()).find((a) => a.person.name === 'Anna Verdi')!.answer).toBeNull();
  });

  it('counts the answers for coordinators, and shows each person their introductions', async () => {
    await t.slack.command(people.lucaSlack, t.slack.privateChat(people.lucaSlack), 'legami');
    await t.deliver();
    expect(t.slack.lastText(people.lucaSlack.id)).toContain(
      'Negli ultimi 90 giorni: 3 presentazioni. Risposte al follow-up: Sì 1 · Non ancora 0 · Non interessa 1 · in attesa 3.',
    );
    await t.telegram.command(carla, t.telegram.privateChat(carla), 'legami');
    await t.deliver();
    const status = t.telegram.lastText(carla.id);
    expect(status).toContain('Le presentazioni di Legami sono attive per te');
    expect(status).toContain('Le tue ultime presentazioni:\n• lun 23 novembre: Dario Riva (DD04) — ');
    expect(status).toContain('— Sì');
    expect(status).not.toContain('Negli ultimi 90 giorni');
  });
});

describe('/legami in a group where replies cannot be private (Telegram)', () => {
  let t: TestApp;
  const telegram = Object.assign(new MemoryAdapter('telegram'), { capabilities: { forms: false, ephemeral: false, groupDm: false } });
  beforeAll(async () => {
    t = await testApp({ adapters: [telegram, new MemoryAdapter('slack', 'T0EXAMPLE')] });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers the personal status privately and says so in the group', async () => {
    await telegram.command(people.maria, telegram.group(groups.BG01), 'legami');
    await t.app.outbox.drain();
    expect(telegram.lastText(groups.BG01)).toBe('Ti ho risposto in privato.');
    expect(telegram.lastText(people.maria.id)).toContain('Le presentazioni di Legami sono attive per te: ogni due settimane');
  });
});
