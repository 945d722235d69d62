import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defineCommand } from '../../src/bus/types.js';
import { formFlow, newForm, type FieldSpec } from '../../src/conversation/form.js';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { MemoryAdapter } from '../../src/platform/memory/adapter.js';
import { people, testApp, type TestApp } from '../support/app.js';

// A small form exercising every field type, driven through the real engine and the memory adapter.
const fields: FieldSpec[] = [
  { key: 'incontri', label: 'Quanti incontri?', type: 'integer', required: true, min: 0 },
  { key: 'ore', label: 'Quante ore?', type: 'decimal', required: true, min: 0 },
  { key: 'squadra', label: 'Da 1 a 5: cultura di squadra?', type: 'scale', required: true, min: 1, max: 5 },
  {
    key: 'supporto',
    label: 'Di quale supporto?',
    type: 'multi',
    required: false,
    options: [
      { code: 'formazione', label: 'formazione' },
      { code: 'tecnico', label: 'supporto tecnico' },
      { code: 'confronto', label: 'confronto tra partner' },
    ],
  },
  { key: 'note', label: 'Note?', type: 'text', required: false },
];

const stored: unknown[] = [];
const prova = formFlow({
  id: 'prova',
  version: 1,
  resumeCommand: '/prova',
  async confirm(_ctx, state) {
    stored.push(state.answers);
    return ['Grazie, risposte salvate.'];
  },
});
const provaCommand = defineCommand({
  name: 'prova',
  description: 'Modulo di prova',
  usage: '/prova',
  where: 'private',
  async handler(ctx) {
    const [paused] = await ctx.services.conversations.find(ctx.tx, ctx.actor.personId, 'prova');
    if (paused) return ctx.services.conversations.resume(ctx, paused.id);
    await ctx.services.conversations.start(ctx, 'prova', {
      personId: ctx.actor.personId,
      address: ctx.chat,
      state: newForm('Prova', fields),
      step: 'ask',
    });
  },
});

describe('guided form conversation', () => {
  let t: TestApp;
  const maria = people.maria;
  const chat = () => t.telegram.privateChat(maria);
  const say = async (text: string) => {
    await t.telegram.message(maria, chat(), text);
    await t.deliver();
    return t.telegram.lastText(maria.id);
  };
  const press = async (label: string) => {
    const b = t.telegram.buttons(maria.id).find((x) => x.label === label || x.label.endsWith(` ${label}`));
    if (!b) throw new Error(`no button ${label} in: ${t.telegram.lastText(maria.id)}`);
    await t.telegram.press(maria, chat(), b.action, b.value, t.telegram.last(maria.id)!.messageId);
    await t.deliver();
    return t.telegram.lastText(maria.id);
  };

  beforeAll(async () => {
    t = await testApp({ commands: [provaCommand], flows: [prova] });
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    stored.length = 0;
  });

  it('asks one question at a time, validates, goes back, skips, summarises and stores on confirm', async () => {
    await t.telegram.command(maria, chat(), 'prova');
    await t.deliver();
    expect(t.telegram.lastText(maria.id)).toContain('1/5 Quanti incontri?');

    let reply = await say('boh');
    expect(reply).toContain('Mi serve un numero intero (0 o più), per esempio 3.');
    expect(reply).toContain('1/5 Quanti incontri?');

    expect(await say('tre')).toContain('2/5 Quante ore?');
    expect(await say('indietro')).toContain('1/5 Quanti incontri?');
    expect(await say('4')).toContain('2/5 Quante ore?');
    expect(await say('2,5')).toContain('3/5 Da 1 a 5');
    expect(await say('7')).toContain('Rispondi con un numero da 1 a 5');
    expect(await press('4')).toContain('4/5 Di quale supporto?');

    await press('formazione');
    const toggled = t.telegram.buttons(maria.id).map((b) => b.label);
    expect(toggled).toContain('☑ formazione');
    expect(toggled).toContain('☐ supporto tecnico');
    await press('confronto tra partner');
    expect(await press('Fatto')).toContain('5/5 Note?');
    reply = await say('salta');
    expect(reply).toContain('Riepilogo delle risposte — Prova');
    expect(reply).toContain('1. Quanti incontri?\n    4');
    expect(reply).toContain('2,5');
    expect(reply).toContain('formazione, confronto tra partner');
    expect(reply).toContain('— (saltata)');

    reply = await say('modifica 1');
    expect(reply).toContain('1/5 Quanti incontri?');
    expect(await say('6')).toContain('Riepilogo');
    expect(stored).toEqual([]);
    expect(await press('Conferma')).toBe('Grazie, risposte salvate.');
    expect(stored).toEqual([
      { incontri: { number: 6 }, ore: { number: 2.5 }, squadra: { number: 4 }, supporto: { choices: ['formazione', 'confronto'] }, note: null },
    ]);
  });

  it('pauses with «annulla», keeps the answers, and resumes at the same question', async () => {
    await t.telegram.command(maria, chat(), 'prova');
    await t.deliver();
    await say('2');
    expect(await say('annulla')).toContain('scrivi /prova per riprendere dalla stessa domanda');
    expect(await say('3')).toBe('Hai in pausa «Prova» alla domanda 2 di 5: scrivi /prova per continuare.');
    await t.telegram.command(maria, chat(), 'prova');
    await t.deliver();
    expect(t.telegram.lastText(maria.id)).toContain('2/5 Quante ore?');
  });

  it('continues where the person was after a restart of the service', async () => {
    // Same database, a new service instance: nothing but the database carries the state.
    const telegram = new MemoryAdapter('telegram');
    await t.app.stop();
    const app = createApp({
      config: loadConfig({ INSTANCE_ID: 'restarted' }),
      db: t.db,
      adapters: [telegram],
      clock: t.clock,
      commands: [provaCommand],
      flows: [prova],
    });
    await app.start({ scheduler: false, outbox: false });
    await telegram.message(maria, telegram.privateChat(maria), '1,5');
    await app.outbox.drain();
    expect(telegram.lastText(maria.id)).toContain('3/5 Da 1 a 5');
    await app.stop();
    await t.app.start({ scheduler: false, outbox: false });
  });

  it('recognises a press on an old question and does not store it', async () => {
    const ahmed = people.ahmed;
    const pchat = t.telegram.privateChat(ahmed);
    await t.telegram.command(ahmed, pchat, 'prova');
    await t.telegram.message(ahmed, pchat, '1');
    await t.telegram.message(ahmed, pchat, '1');
    await t.deliver();
    expect(t.telegram.lastText(ahmed.id)).toContain('3/5 Da 1 a 5');
    const oldTwo = t.telegram.buttons(ahmed.id).find((b) => b.label === '2')!;
    await t.telegram.message(ahmed, pchat, '3');
    await t.deliver();
    expect(t.telegram.lastText(ahmed.id)).toContain('4/5 Di quale supporto?');
    await t.telegram.press(ahmed, pchat, oldTwo.action, oldTwo.value);
    await t.deliver();
    const reply = t.telegram.lastText(ahmed.id);
    expect(reply).toContain('Questa domanda non è più quella attuale');
    expect(reply).toContain('4/5 Di quale supporto?');
    const conv = await t.db.prisma.conversation.findFirstOrThrow({
      where: { flow: 'prova', status: 'active', personId: (await t.db.prisma.person.findFirstOrThrow({ where: { name: ahmed.name } })).id },
    });
    expect((conv.state as { answers: Record<string, unknown> }).answers.squadra).toEqual({ number: 3 });
  });
});
