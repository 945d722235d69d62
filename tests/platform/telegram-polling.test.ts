import { defaultContributions } from '../../src/app.js';

// Long polling against the Bot API stand-in: start-up calls, commands in groups and private chats,
// offsets and redeliveries, /start deep links, mentions, escaping, 409 Conflict, stop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../fakes/telegram-api.js';
import { tgErrors } from '../fakes/telegram-errors.js';
import { privateChat, textMessage, user } from '../fakes/telegram-updates.js';
import { telegramApp, tg, type TelegramTestApp } from './telegram-harness.js';

const commands = defaultContributions.commands;

describe('Telegram adapter, long polling', () => {
  let t: TelegramTestApp;
  beforeAll(async () => {
    t = await telegramApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const inboundCount = () => t.db.prisma.inboundEvent.count({ where: { platform: 'telegram' } });

  it('starts: asks who it is, publishes the Italian command menu, removes a stale webhook and polls', async () => {
    const methods = t.api.calls.map((c) => c.method);
    expect(methods.slice(0, 3)).toEqual(['getMe', 'setMyCommands', 'deleteWebhook']);
    // Every visible command, with its Italian description, straight from the specs.
    expect(t.api.commands).toEqual(commands.filter((c) => !c.hidden).map((c) => ({ command: c.name, description: c.description })));
    expect(t.api.commands).toContainEqual({ command: 'rete', description: 'Mostra la rete di questo canale' });
    expect(t.api.commands.map((c: { command: string }) => c.command)).not.toContain('start');
    expect(t.api.callsTo('setMyCommands')[0]!.params.scope).toEqual({ type: 'default' });
    const poll = await until(() => t.api.callsTo('getUpdates').find((c) => Number(c.params.timeout) > 0));
    expect(poll.params.allowed_updates).toEqual(['message', 'callback_query']);
    expect(t.adapter.healthy()).toBe(true);
    expect((await t.app.health()).adapters).toEqual({ telegram: true });
  });

  it('answers /rete in the BG01 group with the network’s name, in bold, and confirms the update', async () => {
    const update = await t.send(textMessage(tg.fatou, tg.BG01, '/rete'));
    const reply = t.api.sentTo(tg.BG01.id).at(-1)!;
    expect(reply.text).toContain('Rete Bergamo Ovest (BG01) · Bergamo');
    expect(reply.text).toContain('Referenti: Ahmed Benali, Maria Rossi');
    expect(reply.entities).toContainEqual({ type: 'bold', offset: 0, length: 'Rete Bergamo Ovest'.length });
    const call = t.api.callsTo('sendMessage').at(-1)!;
    expect(call.params.parse_mode).toBe('HTML');
    expect(call.params.link_preview_options).toEqual({ is_disabled: true });
    // The next getUpdates carries an offset past it: Telegram will not send it again.
    await until(() => t.api.callsTo('getUpdates').some((c) => Number(c.params.offset) > update.update_id));
    expect(t.api.queue).toEqual([]);
    const event = await t.db.prisma.inboundEvent.findFirstOrThrow({ where: { externalId: String(update.update_id) } });
    expect(event.payload).toMatchObject({ type: 'command', command: 'rete', text: '', chat: { kind: 'group', chatId: '-1001000000001', workspace: '' } });
  });

  it('handles once an update Telegram sends again after polling restarted before confirming it', async () => {
    const update = await t.send(textMessage(tg.maria, tg.BG01, '/rete'));
    const replies = t.api.sentTo(tg.BG01.id).length;
    const duplicates = t.api.stats.duplicates;
    const from = t.api.calls.length;
    t.api.requeue(update); // Telegram did not see the confirmation…
    t.api.fail('getUpdates', tgErrors.conflict); // …and polling restarts from offset 0
    const marker = await t.send(textMessage(tg.ahmed, privateChat(tg.ahmed), '/start'));
    const redelivered = await until(() =>
      t.api.calls
        .slice(from)
        .find((c) => c.method === 'getUpdates' && (c.result as { update_id: number }[] | undefined)?.some((u) => u.update_id === update.update_id)),
    );
    expect(redelivered.params.offset).toBe(0);
    await until(() => t.api.callsTo('getUpdates').some((c) => c.at > redelivered.at && Number(c.params.offset) > marker.update_id));
    await t.app.inbox.idle();
    await t.deliver();
    expect(t.api.sentTo(tg.BG01.id).length).toBe(replies);
    expect(await t.db.prisma.inboundEvent.count({ where: { externalId: String(update.update_id) } })).toBe(1);
    expect(t.api.stats.duplicates).toBe(duplicates);
  });

  it('takes /rete@this_bot, and ignores commands meant for another bot', async () => {
    const count = await inboundCount();
    const other = t.api.push(textMessage(tg.fatou, tg.BG01, '/rete@altro_bot'));
    const mine = await t.send(textMessage(tg.fatou, tg.BG01, '/RETE@Reti_Test_Bot'));
    expect(await inboundCount()).toBe(count + 1);
    expect(await t.db.prisma.inboundEvent.findFirst({ where: { externalId: String(other.update_id) } })).toBeNull();
    const event = await t.db.prisma.inboundEvent.findFirstOrThrow({ where: { externalId: String(mine.update_id) } });
    expect(event.payload).toMatchObject({ command: 'rete', text: '' });
    expect(t.api.sentTo(tg.BG01.id).at(-1)!.text).toContain('Rete Bergamo Ovest');
  });

  it('/start with a payload continues with that command in the private chat; without, says hello', async () => {
    const chat = privateChat(tg.maria);
    await t.send(textMessage(tg.maria, chat, '/start aiuto'));
    expect(t.api.sentTo(chat.id).at(-1)!.text).toContain('Comandi di Reti');
    await t.send(textMessage(tg.maria, chat, '/start'));
    expect(t.api.sentTo(chat.id).at(-1)!.text).toMatch(/^Ciao Maria Rossi! Sono Reti/);
  });

  it('makes deep links with the username getMe gave', () => {
    expect(t.adapter.privateChatLink('checkin')).toBe('https://t.me/reti_test_bot?start=checkin');
    expect(t.adapter.privateChatLink('non valido!')).toBeUndefined();
  });

  it('turns a text mention (someone without a username) into <@id>, so commands find the person', async () => {
    const senza = user('100000009', 'Giorgio Neri'); // unknown to Reti
    await t.send(textMessage(senza, tg.BG01, '/rete'));
    const update = await t.send(textMessage(tg.luca, tg.BG01, '/rete referente BG01 Giorgio Neri', [{ text: 'Giorgio Neri', user: senza }]));
    const event = await t.db.prisma.inboundEvent.findFirstOrThrow({ where: { externalId: String(update.update_id) } });
    expect(event.payload).toMatchObject({ command: 'rete', text: 'referente BG01 <@100000009>' });
    expect(t.api.sentTo(tg.BG01.id).at(-1)!.text).toBe('Giorgio Neri ora è referente della rete BG01.');
  });

  it('shows what people type literally: <b> and & are escaped, not formatting', async () => {
    await t.send(textMessage(tg.luca, tg.BG01, '/rete referente BG01 <b>Mario</b> & Co'));
    const reply = t.api.sentTo(tg.BG01.id).at(-1)!;
    expect(reply.text).toContain('«<b>Mario</b> & Co»');
    expect(reply.entities).toEqual([]);
    expect(t.api.callsTo('sendMessage').at(-1)!.params.text).toContain('«&lt;b&gt;Mario&lt;/b&gt; &amp; Co»');
  });

  it('logs a 409 Conflict with the advice to use the webhook, and polls again', async () => {
    t.api.fail('getUpdates', tgErrors.conflict);
    // The long poll waiting now returns this update; the next getUpdates gets the 409.
    await t.send(textMessage(tg.fatou, tg.BG01, '/aiuto'));
    const log = await until(() => t.logs.find((l) => l.level === 50 && /409 Conflict/.test(l.msg)));
    expect(log.msg).toContain('Con più repliche usa il webhook (TELEGRAM_WEBHOOK_URL e TELEGRAM_WEBHOOK_SECRET)');
    const after = await t.send(textMessage(tg.fatou, tg.BG01, '/rete'));
    expect(t.api.sentTo(tg.BG01.id).at(-1)!.text).toContain('Rete Bergamo Ovest');
    expect(after.update_id).toBeGreaterThan(0);
    expect(t.adapter.healthy()).toBe(true);
  });

  it('does not move the offset past an update it could not record: it retries until the inbox takes it', async () => {
    await t.app.inbox.stop(); // the inbox refuses events, as when the database is unavailable
    const update = t.api.push(textMessage(tg.fatou, tg.BG01, '/rete'));
    await until(() => t.logs.some((l) => l.update === String(update.update_id) && /non registrato, riprovo/.test(l.msg)));
    expect(t.api.queue.map((u) => u.update_id)).toContain(update.update_id);
    t.app.inbox.open();
    await t.handled(update);
    await t.deliver();
    expect(t.api.sentTo(tg.BG01.id).at(-1)!.text).toContain('Rete Bergamo Ovest');
    await until(() => !t.api.queue.some((u) => u.update_id === update.update_id));
  });
});

describe('Telegram adapter, start-up problems and stop', () => {
  it('starts and works when setMyCommands fails, with a warning', async () => {
    const t = await telegramApp({ beforeStart: (api) => api.fail('setMyCommands', tgErrors.badRequest('BOT_COMMAND_DESCRIPTION_INVALID')) });
    try {
      expect(t.adapter.healthy()).toBe(true);
      const warning = t.logs.find((l) => l.level === 40 && /setMyCommands non riuscito/.test(l.msg));
      expect(warning).toBeDefined();
      await t.send(textMessage(tg.maria, tg.BG01, '/aiuto'));
      expect(t.api.sentTo(tg.BG01.id).at(-1)!.text).toContain('Comandi di Reti');
    } finally {
      await t.close();
    }
  });

  it('starts with a token Telegram refuses, unhealthy, saying which variable to check, and connects once Telegram accepts it', async () => {
    const t = await telegramApp({ connectRetryMs: 300, beforeStart: (api) => api.fail('getMe', { error_code: 401, description: 'Unauthorized' }, 2) });
    try {
      expect(t.adapter.healthy()).toBe(false);
      expect(await t.app.health()).toMatchObject({ ok: false, adapters: { telegram: false }, down: ['telegram'] });
      const error = t.logs.find((l) => l.level === 50 && /getMe non riuscito \(Unauthorized\), controlla TELEGRAM_BOT_TOKEN e TELEGRAM_API_ROOT/.test(l.msg));
      expect(error?.msg).toContain('riprovo tra');
      await until(() => t.adapter.healthy(), 10_000, 'Telegram to connect');
      await t.send(textMessage(tg.maria, tg.BG01, '/aiuto'));
      expect(t.api.sentTo(tg.BG01.id).at(-1)!.text).toContain('Comandi di Reti');
    } finally {
      await t.close();
    }
  });

  it('uses TELEGRAM_BOT_USERNAME for deep links when set', async () => {
    const t = await telegramApp({ env: { TELEGRAM_BOT_USERNAME: '@ReteLombardiaBot' } });
    try {
      expect(t.adapter.privateChatLink('checkin')).toBe('https://t.me/ReteLombardiaBot?start=checkin');
    } finally {
      await t.close();
    }
  });

  it('stops polling on stop: no more getUpdates, and updates that arrive stay with Telegram', async () => {
    const t = await telegramApp();
    await until(() => t.api.callsTo('getUpdates').length > 0);
    await t.adapter.stop();
    expect(t.adapter.healthy()).toBe(false);
    const polls = t.api.callsTo('getUpdates').length;
    const update = t.api.push(textMessage(tg.fatou, tg.BG01, '/rete'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(t.api.callsTo('getUpdates').length).toBe(polls);
    expect(t.api.queue).toContainEqual(update);
    await t.close();
  });
});
