// Meetings between ANCI Lombardia and a network: set up by a coordinator (a guided conversation on
// Telegram, a modal on Slack, or from a request of presence at the cabina di regia), the referents
// invited privately with «Ci sarò» / «Non posso» and a calendar file, reminders the day before on
// the test clock, the note afterwards, and /incontri.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting } from '../../src/capabilities/richieste/meetings.js';
import type { SentMessage } from '../../src/platform/memory/adapter.js';
import { testApp, type TestApp } from '../support/app.js';
import { command, networkId, open, personId, press, say, snapshot, told, toldText, who } from './helpers.js';

/** The calendar file attached to a message, parsed back with ical.js, times read through its own VTIMEZONE. */
function parseIcs(message: SentMessage | undefined) {
  const attachment = message?.message.attachment;
  if (!attachment) throw new Error('no attachment');
  const text = Buffer.from(attachment.base64, 'base64').toString('utf8');
  const calendar = new ICAL.Component(ICAL.parse(text));
  ICAL.TimezoneService.register(calendar.getFirstSubcomponent('vtimezone')!);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { text, attachment, vevent, event: new ICAL.Event(vevent) };
}

/** The newest message sent privately to a person (either platform) that carries a file. */
function lastFileTo(t: TestApp, p: { telegram?: string; slack?: string }): SentMessage | undefined {
  return [...t.telegram.sent.filter((m) => m.chatId === p.telegram), ...t.slack.sent.filter((m) => m.chatId === p.slack)]
    .filter((m) => m.message.attachment)
    .at(-1);
}

describe('meetings with ANCI', () => {
  let t: TestApp;
  let bg01: number;
  beforeAll(async () => {
    t = await testApp();
    bg01 = await networkId(t, 'BG01');
  });
  afterAll(async () => {
    await t.close();
  });

  it('on Telegram: /incontro nuovo asks one thing at a time, checks each answer at its step, and invites the referents with the calendar file', async () => {
    expect(await command(t, who.luca, 'telegram', 'incontro', 'nuovo BG01')).toContain('1/5 Quando inizia l’incontro? Data e ora');
    const noTime = await say(t, who.luca, 'telegram', '10/12/2026');
    expect(noTime).toContain('Scrivi data e ora come 12/03/2027 14:30.');
    expect(noTime).toContain('1/5 Quando inizia l’incontro?');
    expect(await say(t, who.luca, 'telegram', '10/12/2026 10:00')).toContain('2/5 A che ora finisce?');
    // The end before the start is refused at its step, and the same question is asked again.
    const early = await say(t, who.luca, 'telegram', '09:00');
    expect(early).toContain('L’ora di fine dev’essere dopo l’inizio.');
    expect(early).toContain('2/5 A che ora finisce?');
    expect(await say(t, who.luca, 'telegram', '12:30')).toContain('3/5 Dove? Un luogo oppure un collegamento');
    expect(await say(t, who.luca, 'telegram', 'Sala consiliare, Comune di Bergamo https://meet.example.org/bg01')).toContain('4/5 Chi partecipa per ANCI');
    expect(await say(t, who.luca, 'telegram', 'Luca Bianchi, Giulia Ferri')).toContain('5/5 Ordine del giorno');
    expect(await say(t, who.luca, 'telegram', 'Avvio della cabina di regia; calendario 2027')).toContain(
      'Incontro con Rete Bergamo Ovest (BG01): controlla e conferma.',
    );
    expect(await t.db.prisma.meeting.count()).toBe(0);
    expect(await press(t, who.luca, 'Conferma', 'telegram')).toBe(
      'Incontro n. 1 con Rete Bergamo Ovest (BG01) fissato per gio 10 dicembre, 10:00. Ho invitato 2 referenti in privato, con il file per il calendario.',
    );

    const meeting = await t.db.prisma.meeting.findUniqueOrThrow({ where: { id: 1 }, include: { invites: { orderBy: { personId: 'asc' } } } });
    expect(meeting).toMatchObject({
      networkId: bg01,
      requestId: null,
      place: 'Sala consiliare, Comune di Bergamo',
      onlineUrl: 'https://meet.example.org/bg01',
      anci: 'Luca Bianchi, Giulia Ferri',
      agenda: 'Avvio della cabina di regia; calendario 2027',
      status: 'scheduled',
    });
    expect([meeting.startsAt.toISOString(), meeting.endsAt.toISOString()]).toEqual(['2026-12-10T09:00:00.000Z', '2026-12-10T11:30:00.000Z']);
    const ids = { luca: await personId(t, 'Luca Bianchi'), maria: await personId(t, 'Maria Rossi'), ahmed: await personId(t, 'Ahmed Benali') };
    expect(meeting.invites.map((i) => [i.personId, i.role, i.answer])).toEqual([
      [ids.luca, 'anci', 'si'],
      [ids.maria, 'referente', null],
      [ids.ahmed, 'referente', null],
    ]);

    const invitation = told(t, who.ahmed).at(-1)!;
    expect(invitation).toContain('🤝 Incontro con ANCI Lombardia');
    expect(invitation).toContain('ANCI Lombardia ti invita a un incontro con Rete Bergamo Ovest (BG01).');
    expect(invitation).toContain('🗓 gio 10 dicembre, 10:00–12:30');
    expect(invitation).toContain('📍 Sala consiliare, Comune di Bergamo');
    expect(invitation).toContain('💻 Collegamento (https://meet.example.org/bg01)');
    expect(invitation).toContain('Per ANCI Lombardia: Luca Bianchi, Giulia Ferri');
    expect(invitation).toContain('Ordine del giorno: Avvio della cabina di regia; calendario 2027');
    expect(invitation).toContain('[Ci sarò] [Non posso]');
    expect(invitation).toContain('📎 incontro-1.ics');
    expect(toldText(t, who.maria)).toContain('ANCI Lombardia ti invita a un incontro con Rete Bergamo Ovest (BG01).');

    const { text, attachment, vevent, event } = parseIcs(lastFileTo(t, who.ahmed));
    expect(attachment).toMatchObject({ filename: 'incontro-1.ics', mimeType: 'text/calendar' });
    expect(vevent.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Rome');
    expect(event.startDate.toString()).toBe('2026-12-10T10:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-10T09:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-10T11:30:00.000Z');
    expect(event.summary).toBe('Incontro ANCI Lombardia – Rete Bergamo Ovest (BG01)');
    expect(event.location).toBe('Sala consiliare, Comune di Bergamo');
    expect(event.description).toBe(
      'Ordine del giorno: Avvio della cabina di regia; calendario 2027\nPer ANCI Lombardia: Luca Bianchi, Giulia Ferri\nCollegamento: https://meet.example.org/bg01',
    );
    expect(event.uid).toBe('incontro-1@reti.anci.lombardia.it');
    expect(event.sequence).toBe(0);
    expect(vevent.getFirstPropertyValue('url')).toBe('https://meet.example.org/bg01');
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });

  it('the referents answer «Ci sarò» / «Non posso»; a second press changes nothing; the organiser hears who cannot come', async () => {
    expect(await press(t, who.ahmed, 'Ci sarò')).toBe('Grazie, ho segnato che ci sarai all’incontro n. 1. Ti ricordo l’incontro il giorno prima.');
    expect(await press(t, who.ahmed, 'Ci sarò')).toBe('Avevi già detto che ci sarai all’incontro n. 1: nulla da cambiare.');
    expect(await press(t, who.maria, 'Non posso')).toBe('Va bene, ho segnato che non puoi partecipare all’incontro n. 1. Lo dico a chi l’ha organizzato.');
    expect(toldText(t, who.luca)).toContain('Maria Rossi non può partecipare all’incontro con Rete Bergamo Ovest (BG01) del gio 10 dicembre, 10:00.');
    const answers = await t.db.prisma.meetingInvite.findMany({ where: { meetingId: 1, role: 'referente' }, orderBy: { personId: 'asc' } });
    expect(answers.map((a) => a.answer)).toEqual(['no', 'si']);
  });

  it('/incontri lists the upcoming meetings for the person; coordinators see all, with the answers', async () => {
    const ahmed = await command(t, who.ahmed, 'telegram', 'incontri');
    expect(ahmed).toContain('Prossimi incontri con ANCI Lombardia');
    expect(ahmed).toContain('n. 1 · Rete Bergamo Ovest (BG01) — gio 10 dicembre, 10:00–12:30');
    expect(ahmed).toContain('La tua risposta: ci sarai.');
    expect(await command(t, who.luca, 'telegram', 'incontri')).toContain('Ci saranno: 1 · non possono: 1 · senza risposta: 0');
    expect(await command(t, who.francesca, 'telegram', 'incontri')).toContain('Non hai incontri con ANCI Lombardia in programma.');
    const detail = await command(t, who.luca, 'telegram', 'incontro', '1');
    expect(detail).toContain('Incontro n. 1 — Rete Bergamo Ovest (BG01)');
    expect(detail).toContain('Ci saranno: Ahmed Benali\nNon possono: Maria Rossi\nSenza risposta: —');
  });

  it('reminds the day before, on the test clock, those who have not said «Non posso», once', async () => {
    t.clock.set('2026-12-09T08:00:00Z'); // 25 hours before
    expect(await t.app.jobs.run('incontri-remind')).toEqual({ meetings: 0, sent: 0 });
    t.clock.set('2026-12-09T09:30:00Z'); // 23 hours and a half before
    const before = { ahmed: told(t, who.ahmed).length, maria: told(t, who.maria).length };
    expect(await t.app.jobs.run('incontri-remind')).toEqual({ meetings: 1, sent: 2 });
    await t.deliver();
    const reminder = told(t, who.ahmed).at(-1)!;
    expect(reminder).toContain('⏰ Promemoria: domani alle 10:00 c’è l’incontro con ANCI Lombardia per Rete Bergamo Ovest (BG01).');
    expect(reminder).toContain('📍 Sala consiliare, Comune di Bergamo');
    expect(reminder).not.toContain('[Ci sarò]');
    expect(toldText(t, who.luca)).toContain('⏰ Promemoria: domani alle 10:00');
    expect(told(t, who.maria).length).toBe(before.maria);
    expect(told(t, who.ahmed).length).toBe(before.ahmed + 1);
    t.clock.advance(15 * 60_000);
    expect(await t.app.jobs.run('incontri-remind')).toEqual({ meetings: 1, sent: 0 });
  });

  it('from a request of presence at the cabina di regia, on Slack: the modal, «Correggi», the note afterwards and the request closed from there', async () => {
    const request = await open(t, { code: 'BG01', kind: 'cabina_di_regia', by: 'Maria Rossi', need: 'La prima cabina di regia con i sindaci' });
    const detail = await command(t, who.luca, 'slack', 'richieste', String(request.id));
    expect(detail).toContain('[Prendo in carico] [Fissa un incontro] [Vedi rete]');
    await press(t, who.luca, 'Fissa un incontro', 'slack');
    const form = t.slack.forms.at(-1)!.form;
    expect(form).toMatchObject({ form: 'incontro.nuovo', context: `${bg01}:${request.id}` });
    expect(form.fields.map((f) => [f.key, f.kind, f.initial ?? ''])).toEqual([
      ['date', 'date', ''],
      ['start', 'time', ''],
      ['end', 'time', ''],
      ['where', 'text', ''],
      ['anci', 'text', 'Luca Bianchi'],
      ['agenda', 'multiline', ''],
    ]);
    const luca = { id: who.luca.slack, name: who.luca.name };
    const chat = t.slack.privateChat(luca);
    const typed = { date: '2026-12-16', start: '15:00', end: '14:00', where: 'Municipio di Dalmine', anci: 'Luca Bianchi', agenda: 'Prima cabina di regia' };
    await t.slack.submit(luca, chat, 'incontro.nuovo', typed, form.context);
    await t.deliver();
    expect(t.slack.lastText(luca.id)).toContain('L’ora di fine dev’essere dopo l’inizio.');
    expect(await t.db.prisma.meeting.count()).toBe(1);
    await press(t, who.luca, 'Correggi', 'slack');
    const again = t.slack.forms.at(-1)!.form;
    expect(Object.fromEntries(again.fields.map((f) => [f.key, f.initial]))).toEqual(typed);
    await t.slack.submit(luca, chat, 'incontro.nuovo', { ...typed, end: '16:30' }, again.context);
    await t.deliver();
    expect(t.slack.lastText(luca.id)).toBe(
      'Incontro n. 2 con Rete Bergamo Ovest (BG01) fissato per mer 16 dicembre, 15:00. Ho invitato 2 referenti in privato, con il file per il calendario.',
    );
    const invitation = told(t, who.ahmed)
      .filter((x) => x.includes('🤝'))
      .at(-1)!;
    expect(invitation).toContain('🗓 mer 16 dicembre, 15:00–16:30');
    expect(invitation).toContain(`Per la richiesta n. ${request.id} (presenza di ANCI alle cabine di regia locali)`);
    // Setting the meeting took the request in charge and put it in corso; the referents know who follows it.
    const r = await t.db.prisma.supportRequest.findUniqueOrThrow({ where: { id: request.id }, include: { events: { orderBy: { id: 'asc' } } } });
    expect(r).toMatchObject({ state: 'in_corso', assigneeId: await personId(t, 'Luca Bianchi') });
    expect(r.events.map((e) => [e.kind, e.toState, e.note])).toEqual([
      ['aperta', 'nuova', 'La prima cabina di regia con i sindaci'],
      ['incontro', null, 'incontro n. 2 fissato per mer 16 dicembre, 15:00'],
      ['stato', 'presa_in_carico', ''],
      ['stato', 'in_corso', ''],
    ]);
    expect(toldText(t, who.ahmed)).toContain(
      `La richiesta n. ${request.id} di Rete Bergamo Ovest (BG01) (presenza di ANCI alle cabine di regia locali) è stata presa in carico da Luca Bianchi`,
    );

    // After the meeting, the organiser is asked for the note, once.
    t.clock.set('2026-12-16T16:00:00Z');
    expect(await t.app.jobs.run('incontri-nota')).toEqual({ meetings: 2, sent: 2 });
    expect(await t.app.jobs.run('incontri-nota')).toEqual({ meetings: 0, sent: 0 });
    await t.deliver();
    expect(toldText(t, who.luca)).toContain(
      'Com’è andato l’incontro con Rete Bergamo Ovest (BG01) del mer 16 dicembre, 15:00? Scrivi una breve nota: che cosa si è deciso e i prossimi passi.',
    );
    await press(t, who.luca, 'Scrivi la nota', 'slack');
    const noteForm = t.slack.forms.at(-1)!.form;
    expect(noteForm).toMatchObject({ form: 'incontro.nota', context: '2' });
    await t.slack.submit(
      luca,
      chat,
      'incontro.nota',
      { decisions: 'Calendario delle cabine di regia 2027 condiviso', next: 'ANCI manda la bozza di protocollo entro gennaio' },
      '2',
    );
    await t.deliver();
    const saved = t.slack.lastText(luca.id);
    expect(saved).toContain('Nota dell’incontro n. 2 salvata');
    expect(saved).toContain(`La richiesta n. ${request.id} è ancora aperta: vuoi chiuderla?`);
    expect(saved).toContain('[Segna la richiesta come svolta] [Chiudi la richiesta]');
    expect(await press(t, who.luca, 'Chiudi la richiesta', 'slack')).toBe(
      `La richiesta n. ${request.id} è chiusa. I referenti della rete sono stati avvisati con il motivo.`,
    );
    const closed = await t.db.prisma.supportRequest.findUniqueOrThrow({ where: { id: request.id }, include: { events: { orderBy: { id: 'asc' } } } });
    expect(closed).toMatchObject({ state: 'chiusa', closeReason: 'chiusa dopo l’incontro n. 2 del mer 16 dicembre, 15:00' });
    expect(closed.events.map((e) => e.kind)).toEqual(['aperta', 'incontro', 'stato', 'stato', 'nota', 'stato']);
    expect(closed.events[4]!.note).toBe(
      'nota dell’incontro n. 2: Calendario delle cabine di regia 2027 condiviso — prossimi passi: ANCI manda la bozza di protocollo entro gennaio',
    );
    expect(told(t, who.ahmed).at(-1)).toContain('è stata chiusa da Luca Bianchi di ANCI Lombardia. Motivo: chiusa dopo l’incontro n. 2');
    // The note stays with the network.
    const network = await command(t, who.luca, 'slack', 'incontri', 'BG01');
    expect(network).toContain('Note degli ultimi incontri');
    expect(network).toContain(
      'n. 2, mer 16 dicembre: Calendario delle cabine di regia 2027 condiviso — prossimi passi: ANCI manda la bozza di protocollo entro gennaio',
    );
  });

  it('a cancelled meeting is announced to the referents with a calendar file that removes it', async () => {
    const bs02 = await networkId(t, 'BS02');
    const luca = await personId(t, 'Luca Bianchi');
    const { meeting } = await t.db.prisma.$transaction((tx) =>
      createMeeting(tx, t.clock.now(), {
        networkId: bs02,
        requestId: null,
        input: {
          startsAt: new Date('2026-12-21T14:00:00Z'),
          endsAt: new Date('2026-12-21T15:00:00Z'),
          place: 'Breno',
          onlineUrl: '',
          anci: 'Luca Bianchi',
          agenda: 'Tavolo casa',
        },
        by: { personId: luca, name: 'Luca Bianchi' },
        reach: null,
      }),
    );
    await t.deliver();
    expect(toldText(t, who.francesca)).toContain('ANCI Lombardia ti invita a un incontro con Rete Valle Camonica (BS02).');
    expect(await command(t, who.luca, 'slack', 'incontro', `annulla ${meeting.id} Sovrapposizione con il consiglio comunale`)).toBe(
      `Incontro n. ${meeting.id} annullato. Ho avvisato 1 referente.`,
    );
    expect(told(t, who.francesca).at(-1)).toContain(
      '❌ L’incontro con ANCI Lombardia per Rete Valle Camonica (BS02) del lun 21 dicembre, 15:00 è annullato. Motivo: Sovrapposizione con il consiglio comunale',
    );
    const { vevent, event } = parseIcs(lastFileTo(t, who.francesca));
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.sequence).toBe(1);
    expect(event.uid).toBe(`incontro-${meeting.id}@reti.anci.lombardia.it`);
    expect(await command(t, who.francesca, 'telegram', 'incontri')).toContain('Non hai incontri con ANCI Lombardia in programma.');
  });

  it('refuses what a person may not do about meetings, says why, and changes nothing', async () => {
    const before = await snapshot(t);
    const francesca = { id: who.francesca.telegram, name: who.francesca.name };
    const ahmed = { id: who.ahmed.telegram, name: who.ahmed.name };
    const refusals: [string, string, () => Promise<unknown>, string][] = [
      [
        'a referent sets up a meeting',
        ahmed.id,
        () => command(t, who.ahmed, 'telegram', 'incontro', 'nuovo BG01'),
        'Questo comando è riservato ai coordinatori di ANCI Lombardia.',
      ],
      [
        'a referent presses «Scrivi la nota»',
        ahmed.id,
        () => t.telegram.press(ahmed, t.telegram.privateChat(ahmed), 'incontro.nota', '1'),
        'Solo i coordinatori di ANCI Lombardia possono fissare incontri con le reti e scriverne la nota: non ho cambiato nulla.',
      ],
      [
        'a referent of another network answers an invitation',
        francesca.id,
        () => t.telegram.press(francesca, t.telegram.privateChat(francesca), 'incontro.si', '2'),
        'L’incontro n. 2 è con un’altra rete: l’invito è per i suoi referenti.',
      ],
      [
        'a referent of another network asks for the meeting',
        francesca.id,
        () => command(t, who.francesca, 'telegram', 'incontro', '2'),
        'L’incontro n. 2 è con un’altra rete: lo vedono i suoi referenti e i coordinatori.',
      ],
      [
        'a member lists meetings',
        who.fatou.telegram,
        () => command(t, who.fatou, 'telegram', 'incontri'),
        'Questo comando è riservato ai referenti della rete.',
      ],
      [
        'a referent answers a meeting already past',
        ahmed.id,
        () => t.telegram.press(ahmed, t.telegram.privateChat(ahmed), 'incontro.no', '1'),
        'L’incontro n. 1 è già iniziato o passato: non si può più cambiare.',
      ],
      [
        'a coordinator writes the note of a meeting still to come',
        who.luca.telegram,
        () => command(t, who.luca, 'telegram', 'incontro', 'nota 3'),
        'L’incontro n. 3 è stato annullato.',
      ],
    ];
    for (const [what, chatId, act, why] of refusals) {
      const sent = t.telegram.sent.length + t.slack.sent.length;
      await act();
      await t.deliver();
      expect(t.telegram.lastText(chatId), what).toContain(why);
      expect(t.telegram.sent.length + t.slack.sent.length, what).toBe(sent + 1);
    }
    expect(await snapshot(t)).toEqual(before);
  });
});
