// Issue 15: each answer of /laboratori nuovo is checked where it is given, against the answers
// before it; what is still wrong at the summary names its step and keeps the buttons; the Slack
// modal shows each mistake under its field and records nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryAdapter } from '../../src/platform/memory/adapter.js';
import { people, testApp, type TestApp } from '../support/app.js';
import { slackTestApp, type SlackTestApp } from '../support/slack.js';

describe('the guided /laboratori nuovo checks each answer at its step', () => {
  let t: TestApp;
  const telegram = new MemoryAdapter('telegram');
  const slack = new MemoryAdapter('slack', 'T0EXAMPLE');
  const luca = people.luca;
  const chat = () => telegram.privateChat(luca);
  const say = async (text: string) => {
    await telegram.message(luca, chat(), text);
    await t.deliver();
    return telegram.lastText(luca.id);
  };
  const press = async (label: string) => {
    const b = telegram.buttons(luca.id).find((x) => x.label === label);
    if (!b) throw new Error(`no button «${label}» in: ${telegram.lastText(luca.id)}`);
    await telegram.press(luca, chat(), b.action, b.value, telegram.last(luca.id)?.messageId);
    await t.deliver();
    return telegram.lastText(luca.id);
  };
  const labels = () => telegram.buttons(luca.id).map((b) => b.label);

  beforeAll(async () => {
    t = await testApp({ adapters: [telegram, slack] });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses an impossible date, an end before the start and unknown networks at their step, asking again', async () => {
    await telegram.command(luca, chat(), 'laboratori', 'nuovo');
    await t.deliver();
    await say('Mediazione nei servizi');
    expect(await say('mediazione')).toContain('3/9 Quando inizia?');

    const impossible = await say('31/02/2027 10:00');
    expect(impossible).toContain('Il 31/02/2027 non esiste: febbraio 2027 ha 28 giorni.');
    expect(impossible).not.toContain('Scrivi data e ora come');
    expect(impossible).toContain('3/9 Quando inizia?');

    expect(await say('03/12/2026 14:30')).toContain('4/9 A che ora finisce?');
    const early = await say('13:00');
    expect(early).toContain('La fine (gio 3 dicembre, 13:00) viene prima dell’inizio (gio 3 dicembre, 14:30)');
    expect(early).toContain('4/9 A che ora finisce?');
    expect(await say('17:00')).toContain('5/9 Dove si svolge?');
    expect(await say('Sala civica, Bergamo')).toContain('6/9 Quanti posti');
    expect(await say('20')).toContain('7/9 Per quali reti?');

    const unknown = await say('BG01, XX99');
    expect(unknown).toContain('Non conosco la rete «XX99»');
    expect(unknown).not.toContain('BG01»');
    expect(unknown).toContain('7/9 Per quali reti?');
    expect(await say('BG01, BS02')).toContain('8/9 Chi lo organizza?');
    await say('ANCI Lombardia');
    expect(await say('Casi e strumenti.')).toContain('Riepilogo delle risposte — Nuovo laboratorio');
    expect(await t.db.prisma.lab.count()).toBe(0);
  });

  it('«modifica N» shows the current answer; a start moved after the end is named at the summary, with its buttons', async () => {
    await press('Modifica');
    expect(labels()).toContain('3. Quando inizia?');
    const asked = await press('3. Quando inizia?');
    expect(asked).toContain('3/9 Quando inizia?');
    expect(asked).toContain('Risposta attuale: gio 3 dicembre, 14:30.');
    expect(labels()).toContain('Mantieni');
    expect(await say('03/12/2026 18:00')).toContain('Riepilogo delle risposte');

    telegram.clear();
    const refused = await say('conferma');
    expect(refused).toContain('Domanda 4 (A che ora finisce? (es. 17:00)): La fine (gio 3 dicembre, 17:00) viene prima dell’inizio (gio 3 dicembre, 18:00)');
    expect(refused).toContain('modifica 4');
    expect(refused).not.toContain('Riepilogo delle risposte');
    expect(labels()).toEqual(['Conferma', 'Modifica', 'Annulla']);
    expect(await t.db.prisma.lab.count()).toBe(0);

    const end = await say('modifica 4');
    expect(end).toContain('Risposta attuale: 17:00.');
    expect(await say('20:00')).toContain('Riepilogo delle risposte');
    expect(await press('Conferma')).toContain('Fatto: il laboratorio n. 1 è stato creato');
  });

  it('a wrong word at the summary is one line with the buttons, not the whole summary again', async () => {
    await telegram.command(luca, chat(), 'laboratori', 'nuovo');
    await t.deliver();
    for (const answer of ['Lavoro e tirocini', 'lavoro', '10/12/2026 10:00', '12:00', 'https://meet.example.org/lavoro', 'salta', 'salta', 'salta', 'salta'])
      await say(answer);
    telegram.clear();
    const reply = await say('boh');
    expect(reply).not.toContain('Riepilogo delle risposte');
    expect(reply).toContain('premi «Conferma»');
    expect(labels()).toEqual(['Conferma', 'Modifica', 'Annulla']);
  });
});

describe('the Slack modal of a laboratorio shows each mistake under its field (memory platform)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('records nothing and names the fields: end before the start, unknown network, bad link, past date', async () => {
    const luca = people.lucaSlack;
    const values = {
      title: 'Lavoro',
      theme: 'lavoro',
      date: '2026-12-03',
      start: '14:30',
      end: '13:00',
      where: 'online: meet.example',
      capacity: '',
      networks: 'BG01, XX99',
    };
    await t.slack.submit(luca, t.slack.privateChat(luca), 'laboratori.nuovo', values);
    await t.deliver();
    expect(t.slack.formErrors).toEqual({
      end: expect.stringContaining('La fine (gio 3 dicembre, 13:00) viene prima dell’inizio'),
      networks: expect.stringContaining('Non conosco la rete «XX99»'),
    });
    expect(await t.db.prisma.lab.count()).toBe(0);
    expect(await t.db.prisma.inboundEvent.count({ where: { platform: 'slack' } })).toBe(0);

    await t.slack.submit(luca, t.slack.privateChat(luca), 'laboratori.nuovo', { ...values, date: '2026-11-01', end: '17:00', networks: 'BG01', where: ' ' });
    expect(t.slack.formErrors).toEqual({ date: expect.stringContaining('già passata'), where: expect.stringContaining('Indica dove si svolge') });

    await t.slack.submit(luca, t.slack.privateChat(luca), 'laboratori.nuovo', { ...values, end: '17:00', networks: 'BG01' });
    await t.deliver();
    expect(t.slack.formErrors).toBeUndefined();
    expect(await t.db.prisma.lab.count()).toBe(1);
  });
});

describe('the Slack modal through the real adapter', () => {
  let s: SlackTestApp;
  beforeAll(async () => {
    s = await slackTestApp();
  });
  afterAll(async () => {
    await s.close();
  });

  it('answers the submission with response_action errors per field and records nothing', async () => {
    const plain = (value: string) => ({ type: 'plain_text_input', value });
    const res = await s.sender.interaction(
      s.sender.viewSubmission({
        user: 'U0COORD1',
        callbackId: 'laboratori.nuovo',
        privateMetadata: JSON.stringify({ reti: 1, c: '', ch: 'D0COORD1', k: 'private' }),
        values: {
          title: { title: plain('Lavoro') },
          theme: { theme: plain('lavoro') },
          date: { date: { type: 'datepicker', selected_date: '2030-03-12' } },
          start: { start: { type: 'timepicker', selected_time: '14:30' } },
          end: { end: { type: 'timepicker', selected_time: '13:00' } },
          where: { where: plain('Sala civica') },
          capacity: { capacity: plain('') },
          networks: { networks: plain('XX99') },
        },
      }),
    );
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors.end).toContain('viene prima dell’inizio');
    expect(body.errors.networks).toBe('Non conosco la rete «XX99». Scrivi i codici (es. BG01, BS02) oppure «tutte».');
    await s.settle();
    expect(await s.inboundCount()).toBe(0);
    expect(await s.t.db.prisma.lab.count()).toBe(0);
  });
});
