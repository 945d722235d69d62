import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SentMessage } from '../../src/platform/memory/adapter.js';
import { people, testApp, type TestApp } from '../support/app.js';
import { newLab } from './helpers.js';

/** The calendar file attached to a message, parsed back with ical.js (Mozilla's RFC 5545 parser). */
function parseIcs(message: SentMessage | undefined) {
  const attachment = message?.message.attachment;
  if (!attachment) throw new Error('no attachment');
  const text = Buffer.from(attachment.base64, 'base64').toString('utf8');
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vtimezone = calendar.getFirstSubcomponent('vtimezone')!;
  // Times are read through the file's own VTIMEZONE: this checks our summer/winter rules.
  ICAL.TimezoneService.register(vtimezone);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { text, attachment, calendar, vtimezone, vevent, event: new ICAL.Event(vevent) };
}

describe('the calendar file (.ics)', () => {
  let t: TestApp;
  const maria = people.maria;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('comes with the confirmation in a private chat, in the Europe/Rome time zone, with what the session is', async () => {
    const id = await newLab(t, {
      title: 'Mediazione, cultura; comunità',
      description:
        'Prima riga.\nSeconda riga, con virgole; e punti e virgola — e una frase abbastanza lunga da dover essere ripiegata su più righe secondo la RFC 5545 àèìòù.',
      where: 'Sala civica, Via Roma 1, Bergamo https://meet.example.org/mediazione',
    });
    await t.telegram.command(maria, t.telegram.privateChat(maria), 'laboratori', `iscrivimi ${id}`);
    await t.deliver();
    const { text, attachment, calendar, vtimezone, vevent, event } = parseIcs(t.telegram.last(maria.id));
    expect(attachment).toMatchObject({ filename: `laboratorio-${id}.ics`, mimeType: 'text/calendar' });
    expect(t.telegram.lastText(maria.id)).toContain('Iscrizione confermata: Mediazione, cultura; comunità, gio 3 dicembre, 14:30–17:00.');
    expect(t.telegram.lastText(maria.id)).toContain(`📎 laboratorio-${id}.ics`);

    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(vtimezone.getFirstPropertyValue('tzid')).toBe('Europe/Rome');
    expect(vevent.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Rome');
    expect(event.startDate.toString()).toBe('2026-12-03T14:30:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-03T13:30:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-03T16:00:00.000Z');
    expect(event.summary).toBe('Mediazione, cultura; comunità');
    expect(event.location).toBe('Sala civica, Via Roma 1, Bergamo');
    expect(event.description).toContain('Prima riga.\nSeconda riga, con virgole; e punti e virgola');
    expect(event.description).toContain('àèìòù.');
    expect(event.description).toContain('Organizza: ANCI Lombardia');
    expect(event.uid).toBe(`laboratorio-${id}@reti.anci.lombardia.it`);
    expect(event.sequence).toBe(0);
    expect(vevent.getFirstPropertyValue('url')).toBe('https://meet.example.org/mediazione');
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    // RFC 5545: CRLF line ends, lines of at most 75 octets (longer ones folded).
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(text.split('\r\n').some((line) => line.startsWith(' '))).toBe(true);
  });

  it('gives summer sessions the summer offset, also on the day the clocks change', async () => {
    const id = await newLab(t, { title: 'Estate', start: '28/03/2027 10:00', end: '12:00' });
    await t.telegram.command(maria, t.telegram.privateChat(maria), 'laboratori', `iscrivimi ${id}`);
    await t.deliver();
    const { event } = parseIcs(t.telegram.last(maria.id));
    expect(event.startDate.toString()).toBe('2027-03-28T10:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-03-28T08:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-03-28T10:00:00.000Z');
  });

  it('is offered by a button in a channel, and a cancelled session sends a file that removes it', async () => {
    const id = await newLab(t, { title: 'Da annullare' });
    const bg01 = t.telegram.group('-1001000000001');
    await t.telegram.press(people.ahmed, bg01, 'laboratori.join', String(id));
    await t.deliver();
    const buttons = t.telegram.buttons(bg01.chatId);
    expect(buttons.map((b) => b.label)).toEqual(['Annulla iscrizione', '📅 File per il calendario']);
    expect(t.telegram.last(bg01.chatId)?.message.attachment).toBeUndefined();
    await t.telegram.press(people.ahmed, bg01, 'laboratori.ics', String(id));
    await t.deliver();
    expect(parseIcs(t.telegram.last(bg01.chatId)).event.summary).toBe('Da annullare');

    await t.telegram.command(people.luca, t.telegram.privateChat(people.luca), 'laboratori', `annulla ${id} relatore malato`);
    await t.deliver();
    const { vevent, event } = parseIcs(t.telegram.last(people.ahmed.id));
    expect(t.telegram.lastText(people.ahmed.id)).toContain('❌ Laboratorio annullato');
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.sequence).toBe(1);
    expect(event.uid).toBe(`laboratorio-${id}@reti.anci.lombardia.it`);
  });
});
