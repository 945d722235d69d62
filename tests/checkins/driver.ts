// Drives a referent's private chat with the bot through an in-memory platform, as a person would.
import type { MemoryAdapter, MemoryUser } from '../../src/platform/memory/adapter.js';
import type { TestApp } from '../support/app.js';

export interface Person {
  /** Sends text in the private chat; returns the last thing the bot said there. */
  say(text: string): Promise<string>;
  command(name: string, text?: string): Promise<string>;
  /** Presses a button of the last message (by label, or by the label's last word for toggles). */
  press(label: string): Promise<string>;
  last(): string;
  texts(): string[];
  buttons(): string[];
}

export function person(t: TestApp, platform: 'telegram' | 'slack', user: MemoryUser): Person {
  const a: MemoryAdapter = platform === 'telegram' ? t.telegram : t.slack;
  const chat = () => a.privateChat(user);
  const last = () => a.lastText(user.id);
  return {
    async say(text) {
      await a.message(user, chat(), text);
      await t.deliver();
      return last();
    },
    async command(name, text = '') {
      await a.command(user, chat(), name, text);
      await t.deliver();
      return last();
    },
    async press(label) {
      const b = a.buttons(user.id).find((x) => x.label === label || x.label.endsWith(` ${label}`));
      if (!b) throw new Error(`no button «${label}» in: ${last()}`);
      await a.press(user, chat(), b.action, b.value, a.last(user.id)!.messageId);
      await t.deliver();
      return last();
    },
    last,
    texts: () => a.texts(user.id),
    buttons: () => a.buttons(user.id).map((b) => b.label),
  };
}

/** Answers the eleven default questions, checking each one is asked in turn. */
export async function answerAll(p: Person, expect: (actual: string, expected: string) => void): Promise<string> {
  expect(await p.say('2'), '2/11 Quanti partner hanno partecipato attivamente?');
  expect(await p.say('tre'), '3/11 Quanti nuovi partner');
  expect(await p.say('1'), '4/11 Quanti cittadini di paesi terzi');
  expect(await p.say('25'), '5/11 Quante associazioni di stranieri');
  expect(await p.say('nessuna'), '6/11 Da 1 a 5: quanto senti una cultura di squadra');
  expect(await p.press('4'), '7/11 Da 1 a 5: quanto gli attori si sentono corresponsabili?');
  expect(await p.say('3'), '8/11 Da 1 a 5: quanto i cittadini hanno avuto un ruolo attivo?');
  expect(await p.press('5'), '9/11 Quali ostacoli avete incontrato?');
  expect(await p.say('Poca disponibilità delle scuole a giugno'), '10/11 Di quale supporto di ANCI avreste bisogno?');
  await p.press('formazione');
  await p.press('confronto tra partner');
  expect(await p.press('Fatto'), '11/11 C’è una buona prassi da condividere');
  return p.say('Sportello condiviso tra Comune e associazioni, il sabato mattina');
}
