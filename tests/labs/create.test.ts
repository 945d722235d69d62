import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryAdapter } from '../../src/platform/memory/adapter.js';
import type { FormSpec } from '../../src/platform/port.js';
import { people, testApp, type TestApp } from '../support/app.js';
import { slackChannels, tgGroups } from './helpers.js';

/** The in-memory Slack has native forms (modals) and records the forms it was asked to open. */
class SlackWithForms extends MemoryAdapter {
  get opened(): FormSpec[] {
    return this.forms.map((f) => f.form);
  }
}

/** The in-memory Telegram, like the real one, has no ephemeral replies: answers in a group are public. */
class TelegramLike extends MemoryAdapter {}

describe('creating a laboratorio in chat', () => {
  let t: TestApp;
  const telegram = new TelegramLike('telegram');
  const slack = new SlackWithForms('slack', 'T0EXAMPLE');
  const luca = people.luca;
  const say = async (text: string) => {
    await telegram.message(luca, telegram.privateChat(luca), text);
    await t.deliver();
    return telegram.lastText(luca.id);
  };

  beforeAll(async () => {
    t = await testApp({ adapters: [telegram, slack] });
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    telegram.clear();
    slack.clear();
  });

  it('on Telegram, asks one thing at a time, then creates it and announces it in every channel of every network on both platforms', async () => {
    await telegram.command(luca, telegram.privateChat(luca), 'laboratori', 'nuovo');
    await t.deliver();
    expect(telegram.lastText(luca.id)).toContain('1/9 Titolo del laboratorio');
    expect(await say('Mediazione interculturale nei servizi')).toContain('2/9 Tema');
    expect(await say('mediazione')).toContain('3/9 Quando inizia?');
    expect(await say('ieri')).toContain('Scrivi data e ora come 12/03/2027 14:30.');
    expect(await say('01/11/2026 14:30')).toContain('La data dev’essere nel futuro.');
    expect(await say('03/12/2026 14:30')).toContain('4/9 A che ora finisce?');
    expect(await say('17:00')).toContain('5/9 Dove si svolge?');
    expect(await say('Sala civica, Via Roma 1, Bergamo')).toContain('6/9 Quanti posti');
    expect(await say('25')).toContain('7/9 Per quali reti?');
    expect(await say('salta')).toContain('8/9 Chi lo organizza?');
    expect(await say('ANCI Lombardia')).toContain('9/9 Una breve descrizione');
    const summary = await say('Come lavorare con i mediatori culturali: casi, strumenti, contatti.');
    expect(summary).toContain('Riepilogo delle risposte — Nuovo laboratorio');
    expect(summary).toContain('alla conferma il laboratorio viene annunciato');
    expect(summary).toContain('gio 3 dicembre, 14:30');
    expect(await t.db.prisma.lab.count()).toBe(0);

    expect(await say('conferma')).toBe('Fatto: il laboratorio n. 1 è stato creato e annunciato in 7 canali.');
    const lab = await t.db.prisma.lab.findUniqueOrThrow({ where: { id: 1 }, include: { createdBy: true } });
    expect(lab).toMatchObject({
      title: 'Mediazione interculturale nei servizi',
      theme: 'mediazione',
      capacity: 25,
      allNetworks: true,
      place: 'Sala civica, Via Roma 1, Bergamo',
      onlineUrl: '',
      organiser: 'ANCI Lombardia',
      status: 'scheduled',
    });
    expect(lab.startsAt.toISOString()).toBe('2026-12-03T13:30:00.000Z');
    expect(lab.endsAt.toISOString()).toBe('2026-12-03T16:00:00.000Z');
    expect(lab.createdBy?.name).toBe('Luca Bianchi');

    for (const chat of Object.values(tgGroups)) {
      const text = telegram.lastText(chat);
      expect(text, chat).toContain('📣 Nuovo laboratorio');
      expect(text).toContain('Mediazione interculturale nei servizi (n. 1)');
      expect(text).toContain('gio 3 dicembre, 14:30–17:00 · Tema: mediazione');
      expect(text).toContain('📍 Sala civica, Via Roma 1, Bergamo');
      expect(text).toContain('Posti: 25');
      expect(text).toContain('Aperto a tutte le reti');
      expect(text).toContain('Organizza: ANCI Lombardia');
      expect(text).toContain('Come lavorare con i mediatori culturali');
      expect(telegram.buttons(chat)).toEqual([{ label: 'Mi iscrivo', action: 'laboratori.join', value: '1' }]);
    }
    for (const chat of Object.values(slackChannels)) {
      expect(slack.lastText(chat), chat).toContain('📣 Nuovo laboratorio');
      expect(slack.buttons(chat)).toEqual([{ label: 'Mi iscrivo', action: 'laboratori.join', value: '1' }]);
    }
    expect(telegram.sent.filter((m) => m.chatId.startsWith('-')).length).toBe(4);
    expect(slack.sent.length).toBe(3);
  });

  it('announces a laboratorio for some networks only in their channels', async () => {
    await telegram.command(luca, telegram.privateChat(luca), 'laboratori', 'nuovo');
    for (const answer of [
      'Orientamento al lavoro',
      'lavoro',
      '10/12/2026 10:00',
      '12:30',
      'online https://meet.example.org/lavoro',
      'salta',
      'bg01, cr04',
      'salta',
      'salta',
      'conferma',
    ]) {
      await telegram.message(luca, telegram.privateChat(luca), answer);
    }
    await t.deliver();
    expect(telegram.lastText(luca.id)).toBe('Fatto: il laboratorio n. 2 è stato creato e annunciato in 3 canali.');
    expect(telegram.lastText(tgGroups.BG01)).toContain('Per le reti: BG01, CR04');
    expect(telegram.lastText(tgGroups.BG01)).toContain('💻 Collegamento online (https://meet.example.org/lavoro)');
    expect(telegram.lastText(tgGroups.BG01)).toContain('Posti senza limite');
    expect(telegram.lastText(tgGroups.CR04)).toContain('Orientamento al lavoro');
    expect(slack.lastText(slackChannels.BG01)).toContain('Orientamento al lavoro');
    expect(telegram.texts(tgGroups.BS02)).toEqual([]);
    expect(telegram.texts(tgGroups.VA05)).toEqual([]);
    expect(slack.texts(slackChannels.MI03)).toEqual([]);
    const audience = await t.db.prisma.labAudience.findMany({ where: { labId: 2 }, include: { network: true } });
    expect(audience.map((a) => a.network.code).sort()).toEqual(['BG01', 'CR04']);
  });

  it('on Slack, opens a modal and creates the laboratorio from its submission', async () => {
    await slack.command(people.lucaSlack, slack.group(slackChannels.BG01), 'laboratori', 'nuovo');
    await t.deliver();
    const form = slack.opened.at(-1)!;
    expect(form.form).toBe('laboratori.nuovo');
    expect(form.fields.map((f) => [f.key, f.kind])).toEqual([
      ['title', 'text'],
      ['theme', 'text'],
      ['date', 'date'],
      ['start', 'time'],
      ['end', 'time'],
      ['where', 'text'],
      ['capacity', 'number'],
      ['networks', 'text'],
      ['organiser', 'text'],
      ['description', 'multiline'],
    ]);
    await slack.submit(people.lucaSlack, slack.group(slackChannels.BG01), 'laboratori.nuovo', {
      title: 'Scuola e famiglie',
      theme: 'scuola',
      date: '2026-12-15',
      start: '09:30',
      end: '12:00',
      where: 'Istituto Comprensivo, Casalmaggiore',
      capacity: '30',
      networks: 'CR04 VA05',
      organiser: '',
      description: '',
    });
    await t.deliver();
    expect(slack.lastText(slackChannels.BG01)).toBe('Fatto: il laboratorio n. 3 è stato creato e annunciato in 3 canali.');
    expect(slack.last(slackChannels.BG01)?.visibleTo).toBe('U0COORD1');
    expect(telegram.lastText(tgGroups.CR04)).toContain('mar 15 dicembre, 09:30–12:00 · Tema: scuola');
    expect(telegram.lastText(tgGroups.VA05)).toContain('Scuola e famiglie');
    expect(slack.lastText(slackChannels.VA05)).toContain('Scuola e famiglie');
  });

  it('refuses /laboratori nuovo and the form to someone who is not a coordinator, storing nothing', async () => {
    const before = await t.db.prisma.lab.count();
    const outbox = await t.db.prisma.outboxMessage.count();
    await telegram.command(people.maria, telegram.privateChat(people.maria), 'laboratori', 'nuovo');
    await slack.submit(people.mariaSlack, slack.group(slackChannels.BG01), 'laboratori.nuovo', {
      title: 'Abusivo',
      theme: 'x',
      date: '2026-12-15',
      start: '09:30',
      end: '12:00',
      where: 'Bergamo',
    });
    await t.deliver();
    expect(telegram.lastText(people.maria.id)).toBe('Questo comando è riservato ai coordinatori di ANCI Lombardia.');
    expect(slack.lastText(slackChannels.BG01)).toBe('Questo comando è riservato ai coordinatori di ANCI Lombardia.');
    expect(await t.db.prisma.lab.count()).toBe(before);
    expect(await t.db.prisma.outboxMessage.count()).toBe(outbox + 2);
    expect(
      await t.db.prisma.conversation.count({
        where: { flow: 'labs-new', personId: (await t.db.prisma.person.findFirstOrThrow({ where: { name: 'Maria Rossi' } })).id },
      }),
    ).toBe(0);
  });

  it('in a Telegram group, sends the coordinator to the private chat for the guided creation', async () => {
    await telegram.command(luca, telegram.group(tgGroups.BG01), 'laboratori', 'nuovo');
    await t.deliver();
    expect(telegram.lastText(tgGroups.BG01)).toContain('Per creare un laboratorio scrivimi in privato /laboratori nuovo');
    expect(telegram.lastText(tgGroups.BG01)).toContain('https://t.me/reti_bot?start=laboratori');
  });

  it('on Slack, opens the laboratorio prefilled to edit it, and applies the submission with its notices', async () => {
    await slack.command(people.lucaSlack, slack.privateChat(people.lucaSlack), 'laboratori', 'modifica 3');
    const form = slack.opened.at(-1)!;
    expect(form).toMatchObject({ form: 'laboratori.modifica', title: 'Modifica laboratorio', context: '3' });
    const initial = Object.fromEntries(form.fields.map((f) => [f.key, f.initial ?? '']));
    expect(initial).toEqual({
      title: 'Scuola e famiglie',
      theme: 'scuola',
      date: '2026-12-15',
      start: '09:30',
      end: '12:00',
      where: 'Istituto Comprensivo, Casalmaggiore',
      capacity: '30',
      networks: 'CR04, VA05',
      organiser: '',
      description: '',
    });
    await slack.submit(
      people.lucaSlack,
      slack.privateChat(people.lucaSlack),
      'laboratori.modifica',
      { ...initial, start: '10:00', end: '12:30', capacity: '40' },
      '3',
    );
    await t.deliver();
    expect(slack.lastText('U0COORD1')).toBe('Fatto: laboratorio n. 3 aggiornato (quando, posti). Ho inviato 3 avvisi a canali e persone iscritte.');
    expect(telegram.lastText(tgGroups.CR04)).toContain('• Quando: mar 15 dicembre, 10:00–12:30\n• Posti: 40');
  });

  it('answers a sign-up in a Telegram group publicly, naming the person', async () => {
    await telegram.press(people.fatou, telegram.group(tgGroups.BG01), 'laboratori.join', '1');
    await t.deliver();
    expect(telegram.lastText(tgGroups.BG01)).toContain(
      'Fatou Diop: Iscrizione confermata: Mediazione interculturale nei servizi, gio 3 dicembre, 14:30–17:00.',
    );
    expect(telegram.last(tgGroups.BG01)?.visibleTo).toBeUndefined();
  });
});
