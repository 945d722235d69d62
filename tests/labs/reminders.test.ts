import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cancelLabFromCli, updateLabFromCli } from '../../src/capabilities/labs/cli-actions.js';
import { loadConfig } from '../../src/config.js';
import { people, testApp, type TestApp } from '../support/app.js';
import { newLab, personId } from './helpers.js';

describe('reminders before a laboratorio (job labs-remind)', () => {
  let t: TestApp;
  let lab: number;
  let cancelled: number;
  let thursday: number;
  const at = (iso: string) => t.clock.set(iso);
  const remind = async () => {
    const result = await t.app.jobs.run('labs-remind');
    await t.deliver();
    return result;
  };
  const join = async (user: { id: string; name: string }, id: number, platform = t.telegram) => {
    await platform.command(user, platform.privateChat(user), 'laboratori', `iscrivimi ${id}`);
    await t.deliver();
  };
  const reminders = (platform: typeof t.telegram, chatId: string) => platform.texts(chatId).filter((x) => x.includes('⏰ Promemoria'));

  beforeAll(async () => {
    t = await testApp();
    lab = await newLab(t); // Thu 3 December 2026, 14:30 Rome = 13:30Z
    cancelled = await newLab(t, { title: 'Annullato', start: '03/12/2026 18:00', end: '19:00' });
    await join(people.maria, lab);
    await join(people.lucaSlack, lab, t.slack);
    await join(people.maria, cancelled);
    thursday = await newLab(t, { title: 'Giovedì', start: '10/12/2026 10:00', end: '12:00' });
    await join(people.fatou, thursday);
    await cancelLabFromCli(t.db.prisma, t.clock, cancelled);
    await t.deliver();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    t.telegram.clear();
    t.slack.clear();
  });

  it('sends nothing while the session is far off', async () => {
    at('2026-12-01T13:30:00Z');
    expect(await remind()).toEqual({ labs: 0, sent: 0 });
    expect(t.telegram.sent).toEqual([]);
  });

  it('reminds the day before, on the platform each person signed up on, once however often it runs', async () => {
    at('2026-12-02T13:40:00Z');
    expect(await remind()).toEqual({ labs: 1, sent: 2 });
    const text = reminders(t.telegram, people.maria.id);
    expect(text).toHaveLength(1);
    expect(text[0]).toContain('⏰ Promemoria: il laboratorio Mediazione interculturale nei servizi inizia domani alle 14:30.');
    expect(text[0]).toContain('📍 Sala civica, Bergamo');
    expect(t.telegram.buttons(people.maria.id)).toEqual([{ label: 'Annulla iscrizione', action: 'laboratori.leave', value: String(lab) }]);
    expect(reminders(t.slack, 'U0COORD1')).toHaveLength(1);
    expect(reminders(t.telegram, people.luca.id)).toHaveLength(0);

    at('2026-12-02T13:50:00Z');
    expect(await remind()).toEqual({ labs: 1, sent: 0 });
    expect(reminders(t.telegram, people.maria.id)).toHaveLength(1);
  });

  it('does not send the day-before reminder to someone who signed up after it was due', async () => {
    at('2026-12-02T14:00:00Z');
    await join(people.ahmed, lab);
    expect(await remind()).toEqual({ labs: 1, sent: 0 });
    expect(reminders(t.telegram, people.ahmed.id)).toHaveLength(0);
  });

  it('reminds an hour before, everyone confirmed, and never a cancelled session', async () => {
    at('2026-12-03T12:40:00Z');
    expect(await remind()).toEqual({ labs: 1, sent: 3 });
    expect(reminders(t.telegram, people.maria.id)).toEqual([expect.stringContaining('inizia oggi alle 14:30.')]);
    expect(reminders(t.telegram, people.ahmed.id)).toHaveLength(1);
    expect(reminders(t.slack, 'U0COORD1')).toHaveLength(1);
    expect(t.telegram.texts(people.maria.id).join('\n')).not.toContain('Annullato');
    at('2026-12-03T16:30:00Z');
    expect(await remind()).toEqual({ labs: 0, sent: 0 });
    const maria = await personId(t, 'Maria Rossi');
    expect(await t.db.prisma.labReminder.count({ where: { labId: cancelled, personId: maria } })).toBe(0);
  });

  it('never reminds after the start', async () => {
    const late = await newLab(t, { title: 'Ritardo', start: '03/12/2026 18:30', end: '19:30' });
    await join(people.fatou, late);
    at('2026-12-03T17:31:00Z');
    expect(await remind()).toEqual({ labs: 0, sent: 0 });
    expect(reminders(t.telegram, people.fatou.id)).toHaveLength(0);
  });

  it('sends only the nearest reminder when the job could not run earlier, and reminds again a session moved to another day', async () => {
    // Signed up long before; the job then did not run until half an hour before the start.
    at('2026-12-10T08:30:00Z');
    expect(await remind()).toEqual({ labs: 1, sent: 1 });
    expect(reminders(t.telegram, people.fatou.id)).toEqual([expect.stringContaining('il laboratorio Giovedì inizia oggi alle 10:00.')]);
    expect(await remind()).toEqual({ labs: 1, sent: 0 });
    const kinds = await t.db.prisma.labReminder.findMany({ where: { labId: thursday }, select: { kind: true } });
    expect(kinds.map((k) => k.kind).sort()).toEqual(['remind:1440m:2026-12-10T09:00:00.000Z', 'remind:60m:2026-12-10T09:00:00.000Z']);

    await updateLabFromCli(t.db.prisma, t.clock, thursday, 'inizio', '17/12/2026 10:00');
    at('2026-12-16T09:10:00Z');
    expect(await remind()).toEqual({ labs: 1, sent: 1 });
    expect(reminders(t.telegram, people.fatou.id).at(-1)).toContain('il laboratorio Giovedì inizia domani alle 10:00.');
  });
});

describe('reminder settings (LABS_REMINDERS)', () => {
  it('reads durations before the start, and refuses what is not one, in Italian', () => {
    expect(loadConfig({}).env.LABS_REMINDERS).toEqual([1440, 60]);
    expect(loadConfig({ LABS_REMINDERS: '2d, 90m,3h' }).env.LABS_REMINDERS).toEqual([2880, 180, 90]);
    expect(loadConfig({ LABS_REMINDERS: 'off' }).env.LABS_REMINDERS).toEqual([]);
    expect(() => loadConfig({ LABS_REMINDERS: 'domani' })).toThrow(
      'Impostazione non valida: LABS_REMINDERS «domani» non è una durata: usa per esempio 24h,1h oppure 90m (off per nessuno)',
    );
  });

  it('sends reminders at the configured times only', async () => {
    const t = await testApp({ env: { LABS_REMINDERS: '2h' } });
    try {
      const lab = await newLab(t);
      await t.telegram.command(people.maria, t.telegram.privateChat(people.maria), 'laboratori', `iscrivimi ${lab}`);
      t.clock.set('2026-12-02T13:40:00Z');
      expect(await t.app.jobs.run('labs-remind')).toEqual({ labs: 0, sent: 0 });
      t.clock.set('2026-12-03T11:40:00Z');
      expect(await t.app.jobs.run('labs-remind')).toEqual({ labs: 1, sent: 1 });
      await t.deliver();
      expect(t.telegram.lastText(people.maria.id)).toContain('inizia oggi alle 14:30.');
    } finally {
      await t.close();
    }
  });
});
