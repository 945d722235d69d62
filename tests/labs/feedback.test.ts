import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelLabFromCli } from '../../src/capabilities/labs/cli-actions.js';
import { people, testApp, type TestApp } from '../support/app.js';
import { newLab, personId, pressLabel, tgGroups } from './helpers.js';

describe('feedback after a laboratorio (job labs-feedback)', () => {
  let t: TestApp;
  let lab: number;
  const maria = people.maria;
  const feedback = async () => {
    const result = await t.app.jobs.run('labs-feedback');
    await t.deliver();
    return result;
  };

  beforeAll(async () => {
    t = await testApp();
    lab = await newLab(t); // Thu 3 December 2026, 14:30–17:00 Rome (ends 16:00Z)
    const cancelled = await newLab(t, { title: 'Annullato' });
    for (const id of [lab, cancelled]) {
      await t.telegram.command(maria, t.telegram.privateChat(maria), 'laboratori', `iscrivimi ${id}`);
      await t.slack.command(people.lucaSlack, t.slack.privateChat(people.lucaSlack), 'laboratori', `iscrivimi ${id}`);
    }
    await t.telegram.command(people.ahmed, t.telegram.privateChat(people.ahmed), 'laboratori', `iscrivimi ${lab}`);
    await t.telegram.command(people.ahmed, t.telegram.privateChat(people.ahmed), 'laboratori', `ritirami ${lab}`);
    await cancelLabFromCli(t.db.prisma, t.clock, cancelled);
    await t.deliver();
    t.telegram.clear();
    t.slack.clear();
  });
  afterAll(async () => {
    await t.close();
  });

  it('asks nothing before the end', async () => {
    t.clock.set('2026-12-03T15:50:00Z');
    expect(await feedback()).toEqual({ labs: 0, sent: 0 });
  });

  it('asks each confirmed participant once for a vote from 1 to 5, never those who withdrew or a cancelled session', async () => {
    t.clock.set('2026-12-03T16:10:00Z');
    expect(await feedback()).toEqual({ labs: 1, sent: 2 });
    expect(t.telegram.lastText(maria.id)).toContain(
      'Grazie per aver partecipato al laboratorio Mediazione interculturale nei servizi (gio 3 dicembre, 14:30–17:00). Com’è andato?',
    );
    expect(t.telegram.buttons(maria.id).map((b) => b.label)).toEqual(['1', '2', '3', '4', '5']);
    expect(t.slack.lastText('U0COORD1')).toContain('Com’è andato?');
    expect(t.telegram.texts(people.ahmed.id)).toEqual([]);
    expect(t.telegram.texts(maria.id).join('\n')).not.toContain('Annullato');
    t.clock.set('2026-12-03T16:40:00Z');
    expect(await feedback()).toEqual({ labs: 1, sent: 0 });
    expect(t.telegram.texts(maria.id)).toHaveLength(1);
  });

  it('stores the vote at once, then an optional comment', async () => {
    await pressLabel(t, t.telegram, maria, maria.id, '4');
    expect(t.telegram.lastText(maria.id)).toBe(
      'Grazie per il voto (4/5)!\nVuoi aggiungere un commento? Scrivilo qui in un messaggio, oppure premi «No, grazie».\n[No, grazie]',
    );
    const mariaId = await personId(t, 'Maria Rossi');
    expect(await t.db.prisma.labFeedback.findUniqueOrThrow({ where: { labId_personId: { labId: lab, personId: mariaId } } })).toMatchObject({
      rating: 4,
      comment: '',
    });
    await t.telegram.message(maria, t.telegram.privateChat(maria), 'Molto utile; più esempi pratici la prossima volta.');
    await t.deliver();
    expect(t.telegram.lastText(maria.id)).toBe('Grazie, ho salvato il tuo commento.');
    expect(await t.db.prisma.labFeedback.findUniqueOrThrow({ where: { labId_personId: { labId: lab, personId: mariaId } } })).toMatchObject({
      rating: 4,
      comment: 'Molto utile; più esempi pratici la prossima volta.',
    });
    // After the comment, free text is no longer taken as feedback.
    await t.telegram.message(maria, t.telegram.privateChat(maria), 'ciao');
    await t.deliver();
    expect(t.telegram.lastText(maria.id)).toBe('Non ho capito. Scrivi /aiuto per vedere cosa posso fare.');
  });

  it('lets the vote be changed, and the comment be skipped, on Slack too', async () => {
    const luca = people.lucaSlack;
    await pressLabel(t, t.slack, luca, 'U0COORD1', '2');
    await pressLabel(t, t.slack, luca, 'U0COORD1', 'No, grazie');
    expect(t.slack.lastText('U0COORD1')).toBe('Va bene, grazie ancora!');
    await t.slack.press(luca, t.slack.privateChat(luca), 'laboratori.voto', `${lab}:5`);
    await t.deliver();
    expect(t.slack.lastText('U0COORD1')).toBe('Ho aggiornato il tuo voto: 5/5.');
    const lucaId = await personId(t, 'Luca Bianchi');
    expect(await t.db.prisma.labFeedback.findUniqueOrThrow({ where: { labId_personId: { labId: lab, personId: lucaId } } })).toMatchObject({
      rating: 5,
      comment: '',
    });
  });

  it('refuses a vote from someone who did not take part', async () => {
    await t.telegram.press(people.ahmed, t.telegram.privateChat(people.ahmed), 'laboratori.voto', `${lab}:1`);
    await t.telegram.press(people.fatou, t.telegram.group(tgGroups.BG01), 'laboratori.voto', `${lab}:1`);
    await t.deliver();
    expect(t.telegram.lastText(people.ahmed.id)).toBe('Il questionario è per chi ha partecipato al laboratorio.');
    expect(await t.db.prisma.labFeedback.count({ where: { labId: lab } })).toBe(2);
  });

  it('does not ask about sessions that ended days ago (after an outage)', async () => {
    const old = await newLab(t, { title: 'Vecchio', start: '04/12/2026 09:00', end: '10:00' });
    await t.telegram.command(people.fatou, t.telegram.privateChat(people.fatou), 'laboratori', `iscrivimi ${old}`);
    t.clock.set('2026-12-08T09:00:00Z');
    expect(await feedback()).toEqual({ labs: 0, sent: 0 });
  });
});
