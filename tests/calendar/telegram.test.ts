// The deputy through the REAL Telegram adapter (telegraf, long polling) against the Bot API stand-in:
// named with an @username, prompted instead of the referent, starting the check-in with the button.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { buttonPress, textMessage } from '../fakes/telegram-updates.js';
import { telegramApp, tg, type TelegramTestApp } from '../platform/telegram-harness.js';

describe('a deputy on Telegram, through the Bot API stand-in', () => {
  let t: TelegramTestApp;
  const fatouChat = tg.private(tg.fatou);
  const mariaChat = tg.private(tg.maria);
  const prompts = (id: number) => t.api.sentTo(id).filter((m) => m.text.includes('È il momento del check-in'));

  beforeAll(async () => {
    t = await telegramApp({ clock: new ManualClock('2026-12-29T10:00:00+01:00') });
  });
  afterAll(async () => {
    await t.close();
  });

  it('a referent names a deputy by @username; the deputy is prompted on the first day and starts with the button', async () => {
    // Fatou (a member of BG01) has written to the bot once: her @username is known, and the bot may write to her.
    await t.send(textMessage(tg.fatou, fatouChat, '/start'));
    await t.send(textMessage(tg.maria, mariaChat, '/checkin sostituto @fatou_diop dal 4/1/2027 al 2027-01-08'));
    expect(t.api.sentTo(tg.maria.id).at(-1)!.text).toContain(
      'Fatto: Fatou Diop risponde al check-in al tuo posto dal lun 4 gennaio 2027 al ven 8 gennaio 2027.',
    );
    expect(t.api.sentTo(tg.fatou.id).at(-1)!.text).toContain('Maria Rossi ti ha indicato per rispondere al check-in settimanale al suo posto');

    await t.send(textMessage(tg.maria, mariaChat, '/checkin sostituto @fatou_diop dal 2027-01-08 al 2027-01-04'));
    expect(t.api.sentTo(tg.maria.id).at(-1)!.text).toBe('L’ultimo giorno (lun 4 gennaio 2027) viene prima del primo (ven 8 gennaio 2027): controlla le date.');

    t.clock.set(new Date('2027-01-04T09:00:00+01:00'));
    await t.app.jobs.run('checkin-open');
    await t.deliver();
    expect(prompts(tg.maria.id)).toEqual([]);
    const prompt = prompts(tg.fatou.id);
    expect(prompt).toHaveLength(1);
    expect(prompt[0]!.text).toContain('Ricevi questo check-in al posto di Maria Rossi fino a ven 8 gennaio 2027');
    const button = prompt[0]!.buttons!.flat().find((b) => b.text === 'Inizia')!;
    await t.send(buttonPress(tg.fatou, fatouChat, button.callback_data!, prompt[0]!.messageId));
    expect(t.api.sentTo(tg.fatou.id).at(-1)!.text).toContain('1/11');
  });
});
