import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLabFromCli } from '../../src/capabilities/labs/cli-actions.js';
import { isAppError } from '../../src/errors.js';
import { people, testApp, type TestApp } from '../support/app.js';
import { newLab, slackChannels } from './helpers.js';

describe('invalid laboratori are refused in Italian, and nothing is stored', () => {
  let t: TestApp;
  let lab: number;
  const luca = people.luca;
  const slackChat = () => t.slack.group(slackChannels.BG01);
  const form = {
    title: 'Titolo',
    theme: 'lavoro',
    date: '2026-12-15',
    start: '09:30',
    end: '12:00',
    where: 'Bergamo',
    capacity: '',
    networks: '',
    organiser: '',
    description: '',
  };

  /** Everything a refused request could have written. */
  const snapshot = async () => ({
    labs: await t.db.prisma.lab.findMany({ orderBy: { id: 'asc' } }),
    audience: await t.db.prisma.labAudience.count(),
    signups: await t.db.prisma.labSignup.findMany({ orderBy: { id: 'asc' } }),
    outbox: await t.db.prisma.outboxMessage.count(),
  });
  /** Runs a request; checks that only the one refusal was written, and returns it. */
  const refused = async (act: () => Promise<unknown>, chatId: string, platform = t.telegram) => {
    const before = await snapshot();
    await act();
    await t.deliver();
    const after = await snapshot();
    expect({ ...after, outbox: after.outbox - 1 }).toEqual(before);
    return platform.lastText(chatId);
  };
  /** A modal submission refused field by field before it is recorded: nothing written, the messages by field. */
  const fieldsRefused = async (values: Record<string, string>) => {
    const before = await snapshot();
    await t.slack.submit(people.lucaSlack, slackChat(), 'laboratori.nuovo', { ...form, ...values });
    await t.deliver();
    expect(await snapshot()).toEqual(before);
    return t.slack.formErrors;
  };
  const submit =
    (values: Record<string, string>, user = people.lucaSlack) =>
    () =>
      t.slack.submit(user, slackChat(), 'laboratori.nuovo', { ...form, ...values });
  const command =
    (text: string, user = luca) =>
    () =>
      t.telegram.command(user, t.telegram.privateChat(user), 'laboratori', text);

  beforeAll(async () => {
    t = await testApp();
    lab = await newLab(t, { capacity: 3 });
    await t.telegram.command(people.maria, t.telegram.privateChat(people.maria), 'laboratori', `iscrivimi ${lab}`);
    await t.telegram.command(people.ahmed, t.telegram.privateChat(people.ahmed), 'laboratori', `iscrivimi ${lab}`);
    await t.deliver();
  });
  afterAll(async () => {
    await t.close();
  });

  it('a date in the past', async () => {
    expect(await fieldsRefused({ date: '2026-11-20' })).toEqual({ date: 'La data di inizio è già passata: scegli una data nel futuro.' });
    expect(await refused(command(`modifica ${lab} inizio 01/11/2026 14:30`), luca.id)).toBe('La data di inizio è già passata: scegli una data nel futuro.');
    await expect(createLabFromCli(t.db.prisma, t.clock, { title: 'x', theme: 'y', start: '22/11/2026 10:00', end: '11:00', where: 'Lodi' })).rejects.toSatisfy(
      (e) => isAppError(e) && e.userMessage === 'La data di inizio è già passata: scegli una data nel futuro.',
    );
  });

  it('an end before the start', async () => {
    expect(await fieldsRefused({ start: '14:00', end: '12:00' })).toEqual({
      end: 'La fine (mar 15 dicembre, 12:00) viene prima dell’inizio (mar 15 dicembre, 14:00): controlla gli orari.',
    });
    expect(await refused(command(`modifica ${lab} fine 13:00`), luca.id)).toBe(
      'La fine (gio 3 dicembre, 13:00) viene prima dell’inizio (gio 3 dicembre, 14:30): controlla gli orari.',
    );
  });

  it('a capacity below the current sign-ups', async () => {
    expect(await refused(command(`modifica ${lab} posti 1`), luca.id)).toBe(
      'Ci sono già 2 iscrizioni confermate: i posti non possono scendere a 1. Indica almeno 2 posti.',
    );
    await t.slack.command(people.lucaSlack, slackChat(), 'laboratori', `modifica ${lab}`);
    expect(
      await refused(
        () => t.slack.submit(people.lucaSlack, slackChat(), 'laboratori.modifica', { ...form, capacity: '1' }, String(lab)),
        slackChannels.BG01,
        t.slack,
      ),
    ).toContain('Ci sono già 2 iscrizioni confermate');
  });

  it('a session for no one, nowhere, with a broken link or unknown networks', async () => {
    expect(await refused(submit({ title: '' }), slackChannels.BG01, t.slack)).toBe('Manca il titolo del laboratorio.');
    expect(await fieldsRefused({ where: '', networks: 'BG01, XX99', capacity: 'tanti' })).toEqual({
      where: 'Indica dove si svolge: un luogo, oppure il link per collegarsi (https://…).',
      networks: 'Non conosco la rete «XX99». Scrivi i codici (es. BG01, BS02) oppure «tutte».',
      capacity: 'I posti devono essere un numero intero da 1 in su (oppure nessun limite).',
    });
    expect(await refused(command(`modifica ${lab} colore blu`), luca.id)).toContain('Non conosco il campo «colore».');
  });

  it('someone who is not a coordinator creating, editing or cancelling', async () => {
    const maria = people.maria;
    expect(await refused(command('nuovo', maria), maria.id)).toBe('Questo comando è riservato ai coordinatori di ANCI Lombardia.');
    expect(await refused(command(`modifica ${lab} posti 50`, maria), maria.id)).toBe('Questo comando è riservato ai coordinatori di ANCI Lombardia.');
    expect(await refused(submit({}, people.mariaSlack), slackChannels.BG01, t.slack)).toBe('Questo comando è riservato ai coordinatori di ANCI Lombardia.');
  });

  it('the guided creation says what is wrong at the step, keeps the answers, and creates once corrected', async () => {
    const chat = t.telegram.privateChat(luca);
    await t.telegram.command(luca, chat, 'laboratori', 'nuovo');
    for (const answer of ['Lavoro e tirocini', 'lavoro', '15/12/2026 14:30']) await t.telegram.message(luca, chat, answer);
    const text = await refused(() => t.telegram.message(luca, chat, '13:00'), luca.id);
    expect(text).toContain('La fine (mar 15 dicembre, 13:00) viene prima dell’inizio (mar 15 dicembre, 14:30): controlla gli orari.');
    expect(text).toContain('4/9 A che ora finisce?');
    for (const answer of ['17:30', 'Bergamo', 'salta', 'BG01', 'salta', 'salta']) await t.telegram.message(luca, chat, answer);
    await t.deliver();
    expect(t.telegram.lastText(luca.id)).toContain('Riepilogo delle risposte');
    await t.telegram.message(luca, chat, 'conferma');
    await t.deliver();
    expect(t.telegram.lastText(luca.id)).toBe('Fatto: il laboratorio n. 2 è stato creato e annunciato in 2 canali.');
    const created = await t.db.prisma.lab.findUniqueOrThrow({ where: { id: 2 } });
    expect(created.endsAt.toISOString()).toBe('2026-12-15T16:30:00.000Z');
  });
});
