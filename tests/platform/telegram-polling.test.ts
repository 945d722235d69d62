// Long polling against the Bot API stand-in: start-up calls, commands in groups and private chats,
// offsets, /start deep links, mentions, 409 Conflict, stop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../fakes/telegram-api.js';
import { tgErrors } from '../fakes/telegram-errors.js';
import { textMessage } from '../fakes/telegram-updates.js';
import { telegramApp, tg, type TelegramTestApp } from './telegram-harness.js';

describe('Telegram adapter, long polling', () => {
  let t: TelegramTestApp;
  beforeAll(async () => {
    t = await telegramApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('starts: asks who it is, removes a stale webhook, publishes the Italian command menu and polls', async () => {
    const methods = t.api.calls.map((c) => c.method);
    expect(methods.slice(0, 3)).toEqual(['getMe', 'setMyCommands', 'deleteWebhook']);
    expect(t.api.commands).toEqual([
      { command: 'aiuto', description: 'Elenca i comandi che puoi usare' },
      { command: 'rete', description: 'Mostra la rete di questo canale' },
    ]);
    expect(t.api.callsTo('setMyCommands')[0]!.params.scope).toEqual({ type: 'default' });
    const poll = await until(() => t.api.callsTo('getUpdates').find((c) => Number(c.params.timeout) > 0));
    expect(poll.params.allowed_updates).toEqual(['message', 'callback_query']);
    expect(t.adapter.healthy()).toBe(true);
    expect((await t.app.health()).adapters).toEqual({ telegram: true });
  });

  it('answers /rete in the BG01 group with the network’s name, in bold', async () => {
    await t.send(textMessage(tg.fatou, tg.BG01, '/rete'));
    const [reply] = t.api.sentTo(tg.BG01.id);
    expect(reply!.text).toContain('Rete Bergamo Ovest (BG01) · Bergamo');
    expect(reply!.text).toContain('Referenti: Ahmed Benali, Maria Rossi');
    expect(reply!.entities).toContainEqual({ type: 'bold', offset: 0, length: 'Rete Bergamo Ovest'.length });
    const call = t.api.callsTo('sendMessage').at(-1)!;
    expect(call.params.parse_mode).toBe('HTML');
    expect(call.params.link_preview_options).toEqual({ is_disabled: true });
  });
});
