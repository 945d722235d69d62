// Delivering to Telegram: what people see (HTML rendering, buttons, files, edits) and how Bot API
// failures reach the outbox (unreachable people, 429, bugs upstream).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { DeliveryError, type Address, type Delivery } from '../../src/platform/port.js';
import { createTelegramAdapter } from '../../src/platform/telegram/adapter.js';
import { tgErrors } from '../fakes/telegram-errors.js';
import { buttonPress, privateChat, textMessage } from '../fakes/telegram-updates.js';
import { csv, longText, png, testCommands } from './telegram-commands.js';
import { telegramApp, tg, type TelegramTestApp } from './telegram-harness.js';

const to = (chatId: string | number): Address => ({ platform: 'telegram', workspace: '', chatId: String(chatId) });

async function failure(p: Promise<unknown>): Promise<DeliveryError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError;
}

describe('Telegram delivery', () => {
  let t: TelegramTestApp;
  beforeAll(async () => {
    t = await telegramApp({ commands: testCommands });
  });
  afterAll(async () => {
    await t.close();
  });

  it('renders header, text with a link, divider and context as Telegram HTML, user text escaped', async () => {
    await t.send(textMessage(tg.maria, tg.BG01, '/prova'));
    const call = t.api.callsTo('sendMessage').at(-1)!;
    expect(call.params.text).toBe(
      '<b>Laboratorio &lt;lingua&gt; &amp; "cultura"</b>\n' +
        'Iscriviti su <a href="https://example.org/lab?a=1&amp;b=2">questa pagina</a> oppure con i pulsanti.\n' +
        '──────────\n' +
        '<i>Posti limitati: <b>12</b></i>',
    );
    const shown = t.api.sentTo(tg.BG01.id).at(-1)!;
    expect(shown.text).toBe('Laboratorio <lingua> & "cultura"\nIscriviti su questa pagina oppure con i pulsanti.\n──────────\nPosti limitati: 12');
    const header = 'Laboratorio <lingua> & "cultura"';
    expect(shown.entities).toContainEqual({ type: 'bold', offset: 0, length: header.length });
    expect(shown.entities).toContainEqual({
      type: 'text_link',
      offset: shown.text.indexOf('questa pagina'),
      length: 13,
      url: 'https://example.org/lab?a=1&b=2',
    });
    expect(shown.entities).toContainEqual({ type: 'italic', offset: shown.text.indexOf('Posti'), length: 'Posti limitati: 12'.length });
    expect(shown.entities).toContainEqual({ type: 'bold', offset: shown.text.indexOf('12'), length: 2 });
  });

  it('encodes buttons as an inline keyboard with action|value callback data', () => {
    const shown = t.api.sentTo(tg.BG01.id).at(-1)!;
    expect(shown.buttons).toEqual([
      [
        { text: 'Sì', callback_data: 'prova.scegli|si' },
        { text: 'No, grazie', callback_data: 'prova.scegli|no|forse' },
      ],
    ]);
  });

  it('a button press reaches the action with its value, is answered, and edits the message', async () => {
    const message = t.api.sentTo(tg.BG01.id).at(-1)!;
    const press = await t.send(buttonPress(tg.maria, tg.BG01, 'prova.scegli|no|forse', message.messageId));
    const event = await t.db.prisma.inboundEvent.findFirstOrThrow({ where: { externalId: String(press.update_id) } });
    expect(event.payload).toMatchObject({ type: 'action', action: 'prova.scegli', value: 'no|forse', messageId: String(message.messageId) });
    expect(t.api.callsTo('answerCallbackQuery').map((c) => c.params.callback_query_id)).toContain((press.callback_query as { id: string }).id);
    expect(t.api.sentTo(tg.BG01.id).at(-1)!.text).toBe('Hai scelto: no|forse');
    // The message with the buttons now shows the choice, without buttons.
    expect(message.text).toBe('Scelta registrata: no|forse');
    expect(message.entities).toEqual([{ type: 'bold', offset: 'Scelta registrata: '.length, length: 'no|forse'.length }]);
    expect(message.buttons).toBeUndefined();
    expect(message.edits).toBe(1);
  });

  it('treats "message is not modified" as done (the same button pressed twice)', async () => {
    const message = t.api.sentTo(tg.BG01.id).find((m) => m.text.startsWith('Scelta registrata'))!;
    await t.send(buttonPress(tg.maria, tg.BG01, 'prova.scegli|no|forse', message.messageId));
    const edit = t.api.callsTo('editMessageText').at(-1)!;
    expect(edit.error?.description).toMatch(/message is not modified/);
    expect(message.edits).toBe(1);
    const updates = await t.db.prisma.outboxMessage.findMany({ where: { kind: 'update' } });
    expect(updates.map((u) => u.status)).toEqual(['sent', 'sent']);
  });

  it('uploads a file with its name, the text as an HTML caption', async () => {
    await t.send(textMessage(tg.luca, tg.BG01, '/prova file'));
    const upload = t.api.callsTo('sendDocument').at(-1)!;
    expect(upload.file).toMatchObject({ field: 'document', filename: 'risposte.csv' });
    expect(upload.file!.content.toString('utf8')).toBe(csv);
    const shown = t.api.sentTo(tg.BG01.id).at(-1)!;
    expect(shown.document?.filename).toBe('risposte.csv');
    expect(shown.text).toBe("Ecco l'esportazione delle risposte");
    expect(shown.entities).toEqual([{ type: 'bold', offset: "Ecco l'".length, length: 'esportazione'.length }]);
    const row = await t.db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'send' }, orderBy: { id: 'desc' } });
    expect(row.externalId).toBe(String(shown.messageId));
  });

  it('sends an image as a photo (shown in the chat), the text as its caption', async () => {
    await t.send(textMessage(tg.luca, tg.BG01, '/prova foto'));
    const upload = t.api.callsTo('sendPhoto').at(-1)!;
    expect(upload.error).toBeUndefined();
    expect(upload.file).toMatchObject({ field: 'photo', filename: 'grafici.png' });
    expect(upload.file!.content.equals(png)).toBe(true);
    const shown = t.api.sentTo(tg.BG01.id).at(-1)!;
    expect(shown.photo?.filename).toBe('grafici.png');
    expect(shown.document).toBeUndefined();
    expect(shown.text).toBe('Il grafico della settimana');
  });

  it('sends a text too long for a caption first, then the file', async () => {
    expect(longText.length).toBeGreaterThan(1024);
    const before = t.api.sentTo(tg.BG01.id).length;
    await t.send(textMessage(tg.luca, tg.BG01, '/prova lungo'));
    const [text, file] = t.api.sentTo(tg.BG01.id).slice(before);
    expect(text!.text).toBe(longText);
    expect(file!.document?.filename).toBe('risposte.csv');
    expect(file!.text).toBe('');
  });

  it('a person who never pressed /start: the row fails as unreachable and the account is marked; /start clears it', async () => {
    t.api.neverStarted.add(tg.fatou.id.toString());
    await t.send(textMessage(tg.fatou, tg.BG01, '/prova privato'));
    const row = await t.db.prisma.outboxMessage.findFirstOrThrow({ where: { chatId: String(tg.fatou.id) } });
    expect(row.status).toBe('failed');
    expect(row.lastError).toBe("unreachable: Forbidden: bot can't initiate conversation with a user");
    const account = () => t.db.prisma.account.findFirstOrThrow({ where: { platform: 'telegram', externalId: String(tg.fatou.id) } });
    expect((await account()).unreachable).toBe("Forbidden: bot can't initiate conversation with a user");
    expect(t.api.sentTo(tg.fatou.id)).toEqual([]);

    const err = await failure(t.adapter.deliver({ op: 'send', to: to(tg.fatou.id), message: { text: 'Ciao' } }));
    expect(err.kind).toBe('unreachable');

    t.api.neverStarted.delete(tg.fatou.id.toString()); // she opens the deep link and presses Avvia
    await t.send(textMessage(tg.fatou, privateChat(tg.fatou), '/start'));
    expect((await account()).unreachable).toBeNull();
    expect(t.api.sentTo(tg.fatou.id).at(-1)!.text).toMatch(/^Ciao Fatou Diop!/);
  });

  it('maps Bot API failures to the outbox’s kinds', async () => {
    const send: Delivery = { op: 'send', to: to(tg.maria.id), message: { text: 'Promemoria' } };
    t.api.fail('sendMessage', tgErrors.tooManyRequests(7));
    const limited = await failure(t.adapter.deliver(send));
    expect([limited.kind, limited.retryAfterMs, limited.scope]).toEqual(['rate_limited', 7000, 'bot']);
    t.api.fail('sendMessage', tgErrors.badGateway);
    expect((await failure(t.adapter.deliver(send))).kind).toBe('transient');
    t.api.blocked.add(String(tg.maria.id));
    const blocked = await failure(t.adapter.deliver(send));
    expect([blocked.kind, blocked.message]).toEqual(['unreachable', 'Forbidden: bot was blocked by the user']);
    t.api.blocked.clear();
    t.api.unknownChats.add('-1009999999');
    expect((await failure(t.adapter.deliver({ ...send, to: to('-1009999999') }))).kind).toBe('unreachable');
    t.api.fail('sendMessage', tgErrors.badRequest('wrong parameter action in request'));
    expect((await failure(t.adapter.deliver(send))).kind).toBe('permanent');
    expect(await t.adapter.deliver(send)).toMatchObject({ chatId: String(tg.maria.id) });
  });

  it('refuses what Telegram would refuse or cut, without calling it: long text, long callback data, group DMs', async () => {
    const calls = t.api.calls.length;
    const long = await failure(t.adapter.deliver({ op: 'send', to: to(tg.maria.id), message: { text: 'x'.repeat(4097) } }));
    expect([long.kind, long.message]).toEqual(['permanent', 'messaggio di 4097 caratteri: Telegram ne accetta al massimo 4096']);
    const button = { label: 'Iscrivimi', action: 'laboratori.iscrivi', value: 'x'.repeat(50) };
    const data = await failure(
      t.adapter.deliver({ op: 'send', to: to(tg.maria.id), message: { text: 'Lab', blocks: [{ type: 'buttons', buttons: [button] }] } }),
    );
    expect(data.kind).toBe('permanent');
    expect(data.message).toMatch(/callback_data di 69 byte/);
    const group = await failure(t.adapter.deliver({ op: 'group', platform: 'telegram', workspace: '', userIds: ['1', '2'], message: { text: 'Ciao' } }));
    expect([group.kind, group.message]).toEqual(['permanent', 'unsupported']);
    expect(t.api.calls.length).toBe(calls);
  });

  it('sends an "ephemeral" message normally (Telegram has none) and counts 4,096 visible characters, not HTML', async () => {
    expect(t.adapter.capabilities).toEqual({
      forms: false,
      ephemeral: false,
      groupDm: false,
      writesFirst: false,
      deepLinks: true,
      usernames: true,
      workspaces: false,
    });
    expect([t.adapter.label, t.adapter.profileLink('carla_t')]).toEqual(['Telegram', 'https://t.me/carla_t']);
    const text = '&'.repeat(4096); // 20,480 characters of HTML, 4,096 visible
    const result = await t.adapter.deliver({
      op: 'send',
      to: to(tg.BG01.id),
      message: { text },
      visibility: 'ephemeral',
      ephemeralUserId: String(tg.maria.id),
    });
    expect(t.api.sentTo(tg.BG01.id).at(-1)!.text).toBe(text);
    expect(result.messageId).toBe(String(t.api.sentTo(tg.BG01.id).at(-1)!.messageId));
  });

  it('a network failure is transient', async () => {
    const env = loadConfig({ TELEGRAM_BOT_TOKEN: t.api.token, TELEGRAM_API_ROOT: 'http://127.0.0.1:9' }).env;
    const offline = createTelegramAdapter(env, silentLogger, { commands: [] });
    const err = await failure(offline.deliver({ op: 'send', to: to(tg.maria.id), message: { text: 'Ciao' } }));
    expect(err.kind).toBe('transient');
  });
});

describe('Telegram adapter settings', () => {
  it('paces at Telegram’s limits (global from TELEGRAM_MAX_PER_SECOND) and tells groups by their negative ids', () => {
    const env = loadConfig({ TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_MAX_PER_SECOND: '12' }).env;
    const adapter = createTelegramAdapter(env, silentLogger, { commands: [] });
    expect(adapter.limits).toEqual({ globalPerSecond: 12, perChatIntervalMs: 1100, perGroupPerMinute: 20 });
    expect(adapter.isGroupChat('-1001000000001')).toBe(true);
    expect(adapter.isGroupChat('100000002')).toBe(false);
    expect(adapter.healthy()).toBe(false);
    expect(adapter.httpRoutes()).toEqual([]);
    const defaults = createTelegramAdapter(loadConfig({ TELEGRAM_BOT_TOKEN: '123:abc' }).env, silentLogger, { commands: [] });
    expect(defaults.limits.globalPerSecond).toBe(30);
  });
});
