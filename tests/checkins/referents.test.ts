import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importConfiguration } from '../../src/configuration.js';
import { fixture, groups, people, testApp, type TestApp } from '../support/app.js';
import { person, type Person } from './driver.js';

const HOUR = 60 * 60 * 1000;

describe('two referents of one network (BG01: Maria Rossi and Ahmed Benali)', () => {
  let t: TestApp;
  let ahmed: Person;
  let maria: Person;
  const round = () => t.db.prisma.checkinRound.findFirstOrThrow({ where: { network: { code: 'BG01' } } });
  const idOf = async (name: string) => (await t.db.prisma.person.findFirstOrThrow({ where: { name } })).id;

  beforeAll(async () => {
    t = await testApp();
    ahmed = person(t, 'telegram', people.ahmed);
    maria = person(t, 'telegram', people.maria);
    await t.app.jobs.run('checkin-open');
    await t.deliver();
  });
  afterAll(async () => {
    await t.close();
  });

  it('the first to start answers for the network; the other is told who is answering', async () => {
    expect(await ahmed.press('Inizia')).toContain('1/11');
    await ahmed.say('3');
    t.clock.advance(5 * 60 * 1000);
    await ahmed.say('4');
    expect((await round()).answeringPersonId).toBe(await idOf('Ahmed Benali'));
    const told = await maria.command('checkin');
    expect(told).toBe(
      'Ahmed Benali sta già compilando il check-in di Rete Bergamo Ovest (BG01) (ultima risposta lun 23 novembre, 09:05). Se si ferma, da lun 23 novembre, 12:05 potrai subentrare scrivendo di nuovo /checkin.',
    );
    expect(await t.db.prisma.conversation.count({ where: { flow: 'checkin', personId: await idOf('Maria Rossi') } })).toBe(0);
  });

  it('when the one answering pauses, the other takes over with the answers given so far', async () => {
    await ahmed.say('annulla');
    const taken = await maria.command('checkin');
    expect(taken).toContain('Ahmed Benali aveva iniziato il check-in senza finirlo: continui tu, con le risposte già date (2 di 11).');
    expect(taken).toContain('3/11 Quanti nuovi partner');
    expect(ahmed.last()).toBe(
      'Maria Rossi ha preso in carico il check-in di Rete Bergamo Ovest (BG01) per la settimana 23–29 novembre 2026, con le risposte che avevi già dato: non serve che tu continui.',
    );
    expect((await round()).answeringPersonId).toBe(await idOf('Maria Rossi'));
    expect(await ahmed.command('checkin')).toContain('Maria Rossi sta già compilando il check-in di Rete Bergamo Ovest (BG01)');
  });

  it('after hours of silence the round can be taken over again', async () => {
    await maria.say('1');
    t.clock.advance(2 * HOUR);
    expect(await ahmed.command('checkin')).toContain('Maria Rossi sta già compilando');
    t.clock.advance(1 * HOUR);
    const taken = await ahmed.command('checkin');
    expect(taken).toContain('Maria Rossi aveva iniziato il check-in senza finirlo: continui tu, con le risposte già date (3 di 11).');
    expect(taken).toContain('4/11 Quanti cittadini');
    expect(maria.last()).toContain('Ahmed Benali ha preso in carico il check-in');
    // Maria's old conversation is closed: what she types now is not an answer.
    expect(await maria.say('25')).toBe('Non ho capito. Scrivi /aiuto per vedere cosa posso fare.');
  });

  it('once confirmed, the other referent’s prompt says it is done, and /checkin offers to edit', async () => {
    await ahmed.say('25');
    const summary = await ahmed.say('2');
    expect(summary).toContain('6/11');
    for (const a of ['3', '3', '3', 'salta', 'salta', 'salta']) await ahmed.say(a);
    expect(ahmed.last()).toContain('Riepilogo delle risposte');
    expect(await ahmed.press('Conferma')).toContain('Grazie Ahmed!');
    await t.deliver();
    // Maria's Monday prompt went to her Slack account (the one she set up first); it is rewritten in place.
    const prompt = t.slack.sent.filter((m) => m.chatId === people.mariaSlack.id);
    expect(prompt).toHaveLength(2);
    expect(prompt[1]!.delivery.op).toBe('update');
    expect(t.slack.lastText(people.mariaSlack.id)).toBe(
      '✅ Il check-in di Rete Bergamo Ovest (BG01) per la settimana 23–29 novembre 2026 è stato inviato da Ahmed Benali (lun 23 novembre, 12:05): non serve che tu risponda. Per vederlo o modificarlo scrivi /checkin.',
    );
    const offer = await maria.command('checkin');
    expect(offer).toContain(
      'Il check-in di Rete Bergamo Ovest (BG01) per la settimana 23–29 novembre 2026 è già stato inviato da Ahmed Benali (lun 23 novembre, 12:05). Puoi modificarlo fino a lun 30 novembre, 09:00.',
    );
    expect(maria.buttons()).toEqual(['Modifica le risposte']);
    const submission = await t.db.prisma.checkinSubmission.findFirstOrThrow({
      include: { answers: { where: { indicatorCode: { in: ['incontri', 'nuovi_partner', 'cittadini'] } }, orderBy: { id: 'asc' } } },
    });
    expect(submission.answers.map((a) => a.numberValue)).toEqual([3, 1, 25]);
    expect(submission.personId).toBe(await idOf('Ahmed Benali'));
  });
});

describe('/checkin for a referent of several networks, and in a group', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
    await importConfiguration(
      t.db.prisma,
      t.clock,
      // The whole file (roles follow it), with Francesca referent of LO06 too.
      fixture('networks.yaml').replace(
        'accounts: { telegram: 100000004 }\n    roles: [{ role: referente, network: BS02 }]',
        'accounts: { telegram: 100000004 }\n    roles: [{ role: referente, network: BS02 }, { role: referente, network: LO06 }]',
      ),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('asks which network, then starts that one', async () => {
    const f = person(t, 'telegram', people.francesca);
    expect(await f.command('checkin')).toContain('Sei referente di più reti: per quale vuoi compilare il check-in?');
    expect(f.buttons()).toEqual(['BS02 · Rete Valle Camonica', 'LO06 · Rete Lodigiana']);
    const first = await f.press('Rete Lodigiana');
    expect(first).toContain('Check-in di Rete Lodigiana (LO06)');
    expect(first).toContain('1/11');
    expect(await f.command('checkin', 'bs02')).toContain('Check-in di Rete Valle Camonica (BS02)');
  });

  it('refuses a network the person is not a referent of, and people who are not referents', async () => {
    const f = person(t, 'telegram', people.francesca);
    expect(await f.command('checkin', 'MI03')).toBe('Non risulti referente della rete MI03: scrivi /checkin senza codice per le tue reti.');
    const fatou = person(t, 'telegram', people.fatou);
    expect(await fatou.command('checkin')).toBe('Questo comando è riservato ai referenti della rete.');
    const luca = person(t, 'telegram', people.luca);
    expect(await luca.command('checkin')).toContain('non risulti referente di nessuna rete');
  });

  it('in a Telegram group it links to the private chat; /start checkin from the link starts it', async () => {
    await t.telegram.command(people.ahmed, t.telegram.group(groups.BG01), 'checkin');
    await t.deliver();
    expect(t.telegram.lastText(groups.BG01)).toBe(
      'Il check-in si compila in chat privata: apri la chat con Reti (https://t.me/reti_bot?start=checkin) e ti faccio le domande.',
    );
    const a = person(t, 'telegram', people.ahmed);
    expect(a.texts()).toEqual([]);
    expect(await a.command('start', 'checkin')).toContain('Check-in di Rete Bergamo Ovest (BG01)');
  });

  it('in a Slack channel it says so privately and writes in the direct messages', async () => {
    await t.slack.command(people.mariaSlack, t.slack.group(groups.slackBG01), 'checkin');
    await t.deliver();
    const inChannel = t.slack.sent.filter((m) => m.chatId === groups.slackBG01);
    expect(inChannel.map((m) => [m.visibleTo, m.message.text])).toEqual([['U0MARIA', 'Il check-in si compila in privato: ti ho scritto in chat privata.']]);
    // Ahmed is answering for BG01: Maria is told so in her direct messages.
    expect(t.slack.lastText(people.mariaSlack.id)).toContain('Ahmed Benali sta già compilando il check-in di Rete Bergamo Ovest (BG01)');
  });
});
