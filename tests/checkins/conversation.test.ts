import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { MemoryAdapter } from '../../src/platform/memory/adapter.js';
import { testApp, type TestApp } from '../support/app.js';
import { person, type Person } from './driver.js';

const chiara = { id: '100000005', name: 'Chiara Fontana' }; // the only referent of CR04

describe('the check-in conversation', () => {
  let t: TestApp;
  let c: Person;
  let confirm: { action: string; value: string };
  const storedAnswers = async () => {
    const conv = await t.db.prisma.conversation.findFirstOrThrow({ where: { flow: 'checkin' }, orderBy: { id: 'desc' } });
    return (conv.state as { answers: Record<string, unknown> }).answers;
  };

  beforeAll(async () => {
    t = await testApp();
    c = person(t, 'telegram', chiara);
  });
  afterAll(async () => {
    await t.close();
  });

  it('explains what is expected and asks again; an invalid answer is never stored', async () => {
    expect(await c.command('checkin')).toContain('1/11 Quanti incontri');
    for (const [typed, explanation] of [
      ['boh', 'Mi serve un numero intero (0 o più), per esempio 3.'],
      ['-1', 'Mi serve un numero intero (0 o più), per esempio 3.'],
      ['2,5', 'Mi serve un numero intero (0 o più), per esempio 3.'],
      ['salta', 'Questa domanda è obbligatoria, non si può saltare.'],
    ]) {
      const reply = await c.say(typed!);
      expect(reply).toContain(explanation);
      expect(reply).toContain('1/11 Quanti incontri');
    }
    expect(await storedAnswers()).toEqual({});
    for (const answer of ['4', '3', '1', '12', '0']) await c.say(answer);
    expect(c.last()).toContain('6/11 Da 1 a 5');
    const scale = await c.say('7');
    expect(scale).toContain('Rispondi con un numero da 1 a 5 (puoi usare i pulsanti).');
    expect(scale).toContain('6/11');
    expect(await storedAnswers()).not.toHaveProperty('squadra');
    await c.say('cinque');
    await c.say('2');
    await c.say('3');
    expect(c.last()).toContain('9/11 Quali ostacoli');
    await c.say('salta');
    const multi = await c.say('1, 9');
    expect(multi).toContain('Scegli una o più opzioni con i pulsanti');
    expect(multi).toContain('10/11');
    expect(await storedAnswers()).toMatchObject({ incontri: { number: 4 }, squadra: { number: 5 }, ostacoli: null });
    expect(await storedAnswers()).not.toHaveProperty('supporto');
    expect(await t.db.prisma.checkinAnswer.count()).toBe(0);
  });

  it('«indietro» goes back one question, «salta» skips an optional one', async () => {
    expect(await c.say('indietro')).toContain('9/11 Quali ostacoli');
    expect(await c.say('Mancano mediatori')).toContain('10/11');
    expect(await c.say('1, 3')).toContain('11/11');
    expect(await c.say('indietro')).toContain('10/11');
    expect(await c.press('Salta')).toContain('11/11');
    expect(await storedAnswers()).toMatchObject({ ostacoli: { text: 'Mancano mediatori' }, supporto: null });
  });

  it('«annulla» pauses keeping the answers; /checkin resumes at the same question', async () => {
    expect(await c.say('annulla')).toContain('Le risposte date finora sono salvate: scrivi /checkin per riprendere dalla stessa domanda.');
    // Told once where the paused check-in stands, then answered as usual.
    expect(await c.say('Una buona prassi')).toMatch(/^Hai in pausa «CR04 · settimana .+» alla domanda 11 di 11: scrivi \/checkin per continuare\.$/);
    expect(await c.say('Una buona prassi')).toBe('Non ho capito. Scrivi /aiuto per vedere cosa posso fare.');
    const resumed = await c.command('checkin');
    expect(resumed).toContain('Riprendiamo il check-in di Rete Cremona e Casalasco (CR04) da dove ci eravamo fermati.');
    expect(resumed).toContain('11/11 C’è una buona prassi');
    expect(await storedAnswers()).toMatchObject({ incontri: { number: 4 }, ostacoli: { text: 'Mancano mediatori' } });
  });

  it('continues where the referent was after a restart of the service (same database, new instance)', async () => {
    const telegram = new MemoryAdapter('telegram');
    await t.app.stop();
    const app = createApp({ config: loadConfig({ INSTANCE_ID: 'restarted' }), db: t.db, adapters: [telegram], clock: t.clock });
    await app.start({ scheduler: false, outbox: false });
    await telegram.message(chiara, telegram.privateChat(chiara), 'Corsi di italiano con i genitori a scuola');
    await app.outbox.drain();
    const summary = telegram.lastText(chiara.id);
    expect(summary).toContain('Riepilogo delle risposte — CR04');
    expect(summary).toContain('Corsi di italiano con i genitori a scuola');
    confirm = telegram.buttons(chiara.id).find((b) => b.label === 'Conferma')!;
    await telegram.press(chiara, telegram.privateChat(chiara), confirm.action, confirm.value);
    await app.outbox.drain();
    expect(telegram.lastText(chiara.id)).toContain('Grazie Chiara!');
    await app.stop();
    await t.app.start({ scheduler: false, outbox: false });
    const answers = await t.db.prisma.checkinAnswer.findMany({
      where: { indicatorCode: { in: ['buona_prassi', 'supporto', 'squadra'] } },
      orderBy: { indicatorCode: 'asc' },
    });
    expect(answers.map((a) => [a.indicatorCode, a.textValue ?? a.numberValue ?? a.skipped])).toEqual([
      ['buona_prassi', 'Corsi di italiano con i genitori a scuola'],
      ['squadra', 5],
      ['supporto', true],
    ]);
  });

  it('a press on an old button, or twice on Conferma, stores nothing twice', async () => {
    const before = await t.db.prisma.checkinAnswer.count();
    await t.telegram.press(chiara, t.telegram.privateChat(chiara), confirm.action, confirm.value);
    await t.deliver();
    expect(c.last()).toBe('Questa conversazione è già conclusa.');
    expect(await t.db.prisma.checkinAnswer.count()).toBe(before);
    expect(await t.db.prisma.checkinSubmission.count()).toBe(1);
  });
});
