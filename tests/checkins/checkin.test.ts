import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/app.js';
import { answerAll, person } from './driver.js';

const chiara = { id: '100000005', name: 'Chiara Fontana' }; // referente CR04, Telegram
const paolo = { id: 'U0PAOLO', name: 'Paolo Colombo' }; // referente MI03, Slack
const contains = (actual: string, expected: string) => expect(actual).toContain(expected);

describe('a full weekly check-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('on Telegram: the Monday prompt, one question at a time, a summary, stored typed on Conferma', async () => {
    const result = await t.app.jobs.run('checkin-open');
    expect(result).toMatchObject({ period: '2026-W48', opened: 6 });
    await t.deliver();
    const c = person(t, 'telegram', chiara);
    const prompt = c.last();
    expect(prompt).toContain('Check-in settimanale');
    expect(prompt).toContain(
      'Ciao Chiara! È il momento del check-in di Rete Cremona e Casalasco (CR04) per la settimana 23–29 novembre 2026: 11 domande brevi',
    );
    expect(prompt).toContain('Puoi rispondere fino a lun 30 novembre, 09:00.');
    expect(c.buttons()).toEqual(['Inizia']);

    const first = await c.press('Inizia');
    expect(first).toContain('Check-in di Rete Cremona e Casalasco (CR04) per la settimana 23–29 novembre 2026: 11 domande, una alla volta.');
    expect(first).toContain('1/11 Quanti incontri di rete o di cabina di regia si sono svolti questa settimana?');

    const summary = await answerAll(c, contains);
    expect(summary).toContain('Riepilogo delle risposte — CR04 · settimana 23–29 novembre 2026');
    expect(summary).toContain('1. Quanti incontri di rete o di cabina di regia si sono svolti questa settimana?\n    2');
    expect(summary).toContain('formazione, confronto tra partner');
    expect(summary).toContain('Sportello condiviso tra Comune e associazioni, il sabato mattina');
    expect(await t.db.prisma.checkinSubmission.count()).toBe(0);

    const thanks = await c.press('Conferma');
    expect(thanks).toBe(
      'Grazie Chiara! Il check-in di Rete Cremona e Casalasco (CR04) per la settimana 23–29 novembre 2026 è registrato. Puoi modificarlo con /checkin fino a lun 30 novembre, 09:00.',
    );

    const submission = await t.db.prisma.checkinSubmission.findFirstOrThrow({ include: { answers: { orderBy: { id: 'asc' } } } });
    const cr04 = await t.db.prisma.network.findUniqueOrThrow({ where: { code: 'CR04' } });
    const who = await t.db.prisma.person.findFirstOrThrow({ where: { name: chiara.name } });
    expect(submission).toMatchObject({ networkId: cr04.id, period: '2026-W48', personId: who.id, platform: 'telegram', version: 1 });
    const typed = Object.fromEntries(submission.answers.map((a) => [a.indicatorCode, a.numberValue ?? (a.choiceCodes.length ? a.choiceCodes : a.textValue)]));
    expect(typed).toEqual({
      incontri: 2,
      partner_attivi: 3,
      nuovi_partner: 1,
      cittadini: 25,
      associazioni: 0,
      squadra: 4,
      corresponsabilita: 3,
      ruolo_attivo: 5,
      ostacoli: 'Poca disponibilità delle scuole a giugno',
      supporto: ['formazione', 'confronto_partner'],
      buona_prassi: 'Sportello condiviso tra Comune e associazioni, il sabato mattina',
    });
    expect(submission.answers.every((a) => a.personId === who.id && a.platform === 'telegram' && a.period === '2026-W48' && a.networkId === cr04.id)).toBe(
      true,
    );
    expect(submission.answers[0]!.answeredAt).toEqual(t.clock.now());
    // The good practice is kept verbatim, ready for the good-practice library.
    expect(await t.app.services.checkins.goodPractices(t.db.prisma, { period: '2026-W48' })).toEqual([
      expect.objectContaining({ networkId: cr04.id, personId: who.id, text: 'Sportello condiviso tra Comune e associazioni, il sabato mattina' }),
    ]);
  });

  it('on Slack: /checkin in the direct messages, answers typed or by button, stored with the platform', async () => {
    const p = person(t, 'slack', paolo);
    const first = await p.command('checkin');
    expect(first).toContain('Rete Nord Milano (MI03)');
    expect(first).toContain('1/11 Quanti incontri');
    await answerAll(p, contains);
    expect(await p.press('Conferma')).toContain('Grazie Paolo! Il check-in di Rete Nord Milano (MI03)');
    const mi03 = await t.db.prisma.network.findUniqueOrThrow({ where: { code: 'MI03' } });
    const submission = await t.db.prisma.checkinSubmission.findUniqueOrThrow({
      where: { networkId_period: { networkId: mi03.id, period: '2026-W48' } },
      include: { answers: true },
    });
    expect(submission.platform).toBe('slack');
    expect(submission.answers).toHaveLength(11);
    expect(submission.answers.every((a) => a.platform === 'slack')).toBe(true);
  });
});
