import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { people, testApp, type TestApp } from '../support/app.js';
import { newLab, pressLabel, seen, signupsOf, slackChannels, tgGroups } from './helpers.js';

describe('signing up: seats, waiting list, promotion', () => {
  let t: TestApp;
  let lab: number;
  const bg01 = () => t.telegram.group(tgGroups.BG01);
  const chiara = { id: '100000005', name: 'Chiara Fontana' }; // referente CR04
  const davide = { id: '100000006', name: 'Davide Ricci' }; // referente VA05

  beforeAll(async () => {
    t = await testApp();
    lab = await newLab(t, { capacity: 2 });
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    t.telegram.clear();
    t.slack.clear();
  });

  it('confirms sign-ups from the announcement’s button up to capacity, counting Slack and Telegram together', async () => {
    await t.telegram.press(people.fatou, bg01(), 'laboratori.join', String(lab));
    await t.slack.press(people.lucaSlack, t.slack.group(slackChannels.BG01), 'laboratori.join', String(lab));
    await t.deliver();
    expect(t.telegram.lastText(tgGroups.BG01)).toContain('Iscrizione confermata: Mediazione interculturale nei servizi, gio 3 dicembre, 14:30–17:00.');
    expect(t.slack.lastText(slackChannels.BG01)).toContain('Iscrizione confermata');
    expect(t.slack.last(slackChannels.BG01)?.visibleTo).toBe('U0COORD1');
    expect(await signupsOf(t, lab)).toEqual([
      ['Fatou Diop', 'confirmed', 'telegram'],
      ['Luca Bianchi', 'confirmed', 'slack'],
    ]);
  });

  it('puts the next ones on the waiting list with their position', async () => {
    await t.telegram.press(people.ahmed, bg01(), 'laboratori.join', String(lab));
    await t.deliver();
    expect(t.telegram.lastText(tgGroups.BG01)).toContain(
      'Il laboratorio Mediazione interculturale nei servizi è al completo: sei in lista d’attesa, posizione 1.',
    );
    await t.telegram.command(chiara, t.telegram.privateChat(chiara), 'laboratori', `iscrivimi ${lab}`);
    await t.deliver();
    expect(t.telegram.lastText(chiara.id)).toContain('sei in lista d’attesa, posizione 2');
    expect(await signupsOf(t, lab)).toEqual([
      ['Fatou Diop', 'confirmed', 'telegram'],
      ['Luca Bianchi', 'confirmed', 'slack'],
      ['Ahmed Benali', 'waiting', 'telegram'],
      ['Chiara Fontana', 'waiting', 'telegram'],
    ]);
  });

  it('does nothing twice when pressed twice, from any platform', async () => {
    await t.telegram.press(people.fatou, bg01(), 'laboratori.join', String(lab));
    await t.telegram.press(chiara, t.telegram.privateChat(chiara), 'laboratori.join', String(lab));
    // Luca signed up on Slack; the same person on Telegram is the same sign-up.
    await t.telegram.press(people.luca, t.telegram.privateChat(people.luca), 'laboratori.join', String(lab));
    await t.deliver();
    expect(t.telegram.lastText(tgGroups.BG01)).toContain('Hai già un posto a Mediazione interculturale nei servizi: non serve altro.');
    expect(t.telegram.lastText(chiara.id)).toBe('Sei già in lista d’attesa per Mediazione interculturale nei servizi, posizione 2.\n[Annulla iscrizione]');
    expect(t.telegram.lastText(people.luca.id)).toContain('Hai già un posto');
    expect((await signupsOf(t, lab)).length).toBe(4);
  });

  it('promotes the first on the waiting list when someone withdraws, and tells them privately with the calendar file', async () => {
    await t.telegram.press(people.fatou, bg01(), 'laboratori.join', String(lab));
    await t.deliver();
    await pressLabel(t, t.telegram, people.fatou, tgGroups.BG01, 'Annulla iscrizione');
    expect(t.telegram.lastText(tgGroups.BG01)).toContain('Ho annullato la tua iscrizione a Mediazione interculturale nei servizi.');
    const told = t.telegram.last(people.ahmed.id)!;
    expect(seen(t.telegram, people.ahmed.id)).toContain(
      'Buone notizie: si è liberato un posto. La tua iscrizione a Mediazione interculturale nei servizi (gio 3 dicembre, 14:30–17:00) è confermata.',
    );
    expect(told.message.attachment?.filename).toBe(`laboratorio-${lab}.ics`);
    expect(t.telegram.texts(chiara.id)).toEqual([]);
    expect(await signupsOf(t, lab)).toEqual([
      ['Fatou Diop', 'withdrawn', 'telegram'],
      ['Luca Bianchi', 'confirmed', 'slack'],
      ['Ahmed Benali', 'confirmed', 'telegram'],
      ['Chiara Fontana', 'waiting', 'telegram'],
    ]);
    // Withdrawing twice does nothing twice.
    await t.telegram.press(people.fatou, bg01(), 'laboratori.leave', String(lab));
    await t.deliver();
    expect(t.telegram.lastText(tgGroups.BG01)).toBe(
      'Fatou Diop: Non trovo una tua iscrizione a Mediazione interculturale nei servizi: non c’è niente da annullare.',
    );
    expect(t.telegram.texts(chiara.id)).toEqual([]);
  });

  it('sends someone who comes back to the end of the waiting list; leaving the list promotes nobody', async () => {
    await t.telegram.command(people.fatou, t.telegram.privateChat(people.fatou), 'laboratori', `iscrivimi ${lab}`);
    await t.deliver();
    expect(t.telegram.lastText(people.fatou.id)).toContain('posizione 2');
    await t.telegram.command(chiara, t.telegram.privateChat(chiara), 'laboratori', `ritirami ${lab}`);
    await t.deliver();
    expect(t.telegram.lastText(chiara.id)).toBe('Ti ho tolto dalla lista d’attesa di Mediazione interculturale nei servizi.');
    await t.telegram.command(people.fatou, t.telegram.privateChat(people.fatou), 'laboratori', '');
    await t.deliver();
    expect(t.telegram.lastText(people.fatou.id)).toContain('Sei in lista d’attesa, posizione 1');
  });

  it('gives free seats to the waiting list when a coordinator raises the capacity, and tells channels and people of the change', async () => {
    await t.telegram.command(people.luca, t.telegram.privateChat(people.luca), 'laboratori', `modifica ${lab} posti 3`);
    await t.deliver();
    expect(t.telegram.lastText(people.luca.id)).toMatch(
      /^Fatto: laboratorio n\. 1 aggiornato \(posti\)\. Ho inviato \d+ avvisi a canali e persone iscritte\.$/,
    );
    expect(seen(t.telegram, people.fatou.id)).toContain('Buone notizie: si è liberato un posto.');
    expect(seen(t.telegram, people.fatou.id)).not.toContain('Laboratorio modificato');
    expect(t.telegram.lastText(tgGroups.BS02)).toContain('✏️ Laboratorio modificato');
    expect(t.telegram.lastText(tgGroups.BS02)).toContain('• Posti: 3');
    expect(seen(t.telegram, people.ahmed.id)).toContain('Iscrizione confermata: ti aspettiamo.');
    expect((await signupsOf(t, lab)).filter(([, s]) => s === 'confirmed').length).toBe(3);
  });

  it('lists sign-ups and the waiting list to coordinators', async () => {
    await t.telegram.command(people.luca, t.telegram.privateChat(people.luca), 'laboratori', `iscritti ${lab}`);
    await t.deliver();
    expect(t.telegram.lastText(people.luca.id)).toBe(
      'Iscrizioni a Mediazione interculturale nei servizi (n. 1)\nConfermate (3/3): Luca Bianchi, Ahmed Benali, Fatou Diop\nLista d’attesa: vuota',
    );
  });

  it('tells a promoted person who cannot be written to privately on their other platform, or in their network’s channel', async () => {
    const small = await newLab(t, { title: 'Posti contati', capacity: 1 });
    await t.telegram.command(people.maria, t.telegram.privateChat(people.maria), 'laboratori', `iscrivimi ${small}`);
    await t.telegram.press(people.fatou, bg01(), 'laboratori.join', String(small));
    await t.telegram.press(people.luca, bg01(), 'laboratori.join', String(small));
    t.telegram.unreachable.add(people.fatou.id);
    t.telegram.unreachable.add(people.luca.id);
    await t.telegram.command(people.maria, t.telegram.privateChat(people.maria), 'laboratori', `ritirami ${small}`);
    await t.deliver();
    expect(t.telegram.lastText(tgGroups.BG01)).toBe(
      'Fatou Diop, si è liberato un posto per te: la tua iscrizione al laboratorio Posti contati (gio 3 dicembre, 14:30–17:00) è confermata. Non riesco a scriverti in privato: apri la chat con me da qui https://t.me/reti_bot?start=laboratori per ricevere i promemoria.',
    );
    await t.telegram.command(people.fatou, t.telegram.privateChat(people.fatou), 'laboratori', `ritirami ${small}`);
    await t.deliver();
    expect(t.slack.lastText('U0COORD1')).toContain('Buone notizie: si è liberato un posto. La tua iscrizione a Posti contati');
    expect(t.slack.last('U0COORD1')?.message.attachment?.filename).toBe(`laboratorio-${small}.ics`);
    t.telegram.unreachable.clear();
  });

  it('refuses sign-ups to sessions of other networks, started or cancelled', async () => {
    const bs02only = await newLab(t, { title: 'Solo per la Valle', networks: 'BS02' });
    await t.telegram.command(davide, t.telegram.privateChat(davide), 'laboratori', `iscrivimi ${bs02only}`);
    await t.deliver();
    expect(t.telegram.lastText(davide.id)).toMatch(/^Il laboratorio n. \d+ è riservato ad altre reti.$/);

    await t.telegram.command(people.maria, t.telegram.privateChat(people.maria), 'laboratori', 'iscrivimi 99');
    await t.deliver();
    expect(t.telegram.lastText(people.maria.id)).toBe('Non trovo il laboratorio n. 99. Scrivi /laboratori per vedere quelli in programma.');
    await t.telegram.command(people.maria, t.telegram.privateChat(people.maria), 'laboratori', 'iscrivimi primo');
    await t.deliver();
    expect(t.telegram.lastText(people.maria.id)).toContain('Indica il numero del laboratorio, per esempio /laboratori iscrivimi 3.');

    const other = await newLab(t, { title: 'Sarà annullato' });
    await t.telegram.command(people.maria, t.telegram.privateChat(people.maria), 'laboratori', `iscrivimi ${other}`);
    await t.telegram.command(people.luca, t.telegram.privateChat(people.luca), 'laboratori', `annulla ${other} sala non disponibile`);
    await t.deliver();
    expect(seen(t.telegram, people.maria.id)).toContain(
      'Il laboratorio Sarà annullato (n. 4) di gio 3 dicembre, 14:30–17:00 è stato annullato.\nMotivo: sala non disponibile',
    );
    expect(t.telegram.lastText(tgGroups.VA05)).toContain('❌ Laboratorio annullato');
    await t.telegram.press(people.fatou, bg01(), 'laboratori.join', String(other));
    await t.deliver();
    expect(t.telegram.lastText(tgGroups.BG01)).toBe('Il laboratorio Sarà annullato è stato annullato.');

    t.clock.set('2026-12-03T13:31:00Z');
    await t.telegram.press(chiara, t.telegram.privateChat(chiara), 'laboratori.join', String(lab));
    await t.deliver();
    expect(t.telegram.lastText(chiara.id)).toBe('Il laboratorio Mediazione interculturale nei servizi è già iniziato: le iscrizioni sono chiuse.');
    expect(
      await t.db.prisma.labSignup.count({
        where: { labId: lab, personId: (await t.db.prisma.person.findFirstOrThrow({ where: { name: 'Chiara Fontana' } })).id, status: { not: 'withdrawn' } },
      }),
    ).toBe(0);
  });
});
