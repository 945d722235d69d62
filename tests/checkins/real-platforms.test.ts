// A whole weekly check-in through the REAL adapters: Telegram (telegraf, long polling) against the
// Bot API stand-in, and Slack (Bolt, signed HTTP requests) against the Web API stand-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonPress, privateChat, textMessage, user } from '../fakes/telegram-updates.js';
import { telegramApp, type TelegramTestApp } from '../platform/telegram-harness.js';
import { readBlocks, slackTestApp, type SlackTestApp } from '../support/slack.js';

async function typedAnswers(t: { db: TelegramTestApp['db'] }, personName: string) {
  const person = await t.db.prisma.person.findFirstOrThrow({ where: { name: personName } });
  const rows = await t.db.prisma.checkinAnswer.findMany({ where: { personId: person.id }, orderBy: { id: 'asc' } });
  return Object.fromEntries(rows.map((a) => [a.indicatorCode, a.skipped ? null : (a.numberValue ?? (a.choiceCodes.length ? a.choiceCodes : a.textValue))]));
}

describe('check-in on Telegram through the Bot API stand-in', () => {
  let t: TelegramTestApp;
  const chiara = user('100000005', 'Chiara Fontana'); // referente CR04
  const chat = privateChat(chiara);
  const last = () => t.api.sentTo(chiara.id).at(-1)!;
  const say = async (text: string) => {
    await t.send(textMessage(chiara, chat, text));
    return last().text;
  };
  const press = async (label: string) => {
    const message = [...t.api.sentTo(chiara.id)].reverse().find((m) => m.buttons?.flat().some((b) => b.text === label || b.text.endsWith(` ${label}`)))!;
    const button = message.buttons!.flat().find((b) => b.text === label || b.text.endsWith(` ${label}`))!;
    await t.send(buttonPress(chiara, chat, button.callback_data!, message.messageId));
    return last().text;
  };

  beforeAll(async () => {
    t = await telegramApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('prompts privately, asks one question at a time, validates, and stores the typed answers', async () => {
    await t.app.jobs.run('checkin-open');
    await t.deliver();
    expect(last().text).toContain('È il momento del check-in di Rete Cremona e Casalasco (CR04)');
    expect(
      last()
        .buttons!.flat()
        .map((b) => b.text),
    ).toEqual(['Inizia']);

    expect(await press('Inizia')).toContain('1/11 Quanti incontri di rete o di cabina di regia');
    expect(await say('molti')).toContain('Mi serve un numero intero');
    expect(await say('2')).toContain('2/11');
    expect(await say('tre')).toContain('3/11');
    expect(await say('0')).toContain('4/11');
    expect(await say('12')).toContain('5/11');
    expect(await say('1')).toContain('6/11 Da 1 a 5');
    expect(await press('4')).toContain('7/11');
    expect(await press('3')).toContain('8/11');
    expect(await say('5')).toContain('9/11 Quali ostacoli');
    expect(await say('Orari <serali> & poca sala')).toContain('10/11 Di quale supporto');
    await press('formazione');
    // The toggle edits the question in place: the same Telegram message now shows the choice.
    expect(
      last()
        .buttons!.flat()
        .map((b) => b.text),
    ).toContain('☑ formazione');
    expect(await press('Fatto')).toContain('11/11');
    const summary = await say('salta');
    expect(summary).toContain('Riepilogo delle risposte');
    expect(summary).toContain('Orari <serali> & poca sala');
    expect(await press('Conferma')).toContain('è registrato');

    expect(await typedAnswers(t, 'Chiara Fontana')).toEqual({
      incontri: 2,
      partner_attivi: 3,
      nuovi_partner: 0,
      cittadini: 12,
      associazioni: 1,
      squadra: 4,
      corresponsabilita: 3,
      ruolo_attivo: 5,
      ostacoli: 'Orari <serali> & poca sala',
      supporto: ['formazione'],
      buona_prassi: null,
    });
    expect(t.api.stats.duplicates).toBe(0);
  });
});

describe('check-in on Slack through the Web API stand-in', () => {
  let s: SlackTestApp;
  const paolo = 'U0PAOLO'; // referente MI03
  const posted = () => s.api.callsTo('chat.postMessage').filter((c) => c.args.channel === paolo);
  const lastText = () => readBlocks(posted().at(-1)!.args.blocks);
  const say = async (text: string) => {
    expect((await s.sender.event(s.sender.messageIm({ user: paolo, text }))).status).toBe(200);
    await s.settle();
    return lastText();
  };
  const press = async (label: string) => {
    type Element = { type: string; text?: { text: string }; action_id?: string; value?: string };
    const buttons = posted()
      .flatMap((c) => (c.args.blocks as { type: string; elements?: Element[] }[]).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : [])))
      .filter((e) => e.text?.text === label);
    const button = buttons.at(-1)!;
    const res = await s.sender.interaction(
      s.sender.blockActions({ user: paolo, channel: 'D0PAOLO', actionId: button.action_id!, ...(button.value ? { value: button.value } : {}) }),
    );
    expect(res.status).toBe(200);
    await s.settle();
    return lastText();
  };

  beforeAll(async () => {
    s = await slackTestApp();
  });
  afterAll(async () => {
    await s.close();
  });

  it('prompts by DM, takes buttons and typed answers, and stores the submission', async () => {
    await s.t.app.jobs.run('checkin-open');
    await s.settle();
    expect(lastText()).toContain('È il momento del check-in di *Rete Nord Milano* (MI03)');
    expect(await press('Inizia')).toContain('1/11');
    for (const [answer, next] of [
      ['1', '2/11'],
      ['2', '3/11'],
      ['nessuno', '4/11'],
      ['30', '5/11'],
      ['2', '6/11'],
    ] as const) {
      expect(await say(answer)).toContain(next);
    }
    expect(await press('5')).toContain('7/11');
    expect(await say('sei')).toContain('Rispondi con un numero da 1 a 5');
    expect(await say('4')).toContain('8/11');
    expect(await press('3')).toContain('9/11');
    expect(await say('salta')).toContain('10/11');
    expect(await say('1, 3')).toContain('11/11');
    expect(await say('Tavolo mensile con le associazioni')).toContain('Riepilogo delle risposte');
    expect(await press('Conferma')).toContain('è registrato');
    const answers = await typedAnswers(s.t, 'Paolo Colombo');
    expect(answers).toMatchObject({
      incontri: 1,
      partner_attivi: 2,
      nuovi_partner: 0,
      cittadini: 30,
      associazioni: 2,
      squadra: 5,
      corresponsabilita: 4,
      ruolo_attivo: 3,
      ostacoli: null,
    });
    expect(answers.supporto).toEqual(['formazione', 'confronto_partner']);
    expect(answers.buona_prassi).toBe('Tavolo mensile con le associazioni');
  });
});
