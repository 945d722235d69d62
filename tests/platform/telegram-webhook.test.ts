// Webhook mode: Telegram POSTs updates to /telegram/webhook on the service's HTTP server with the
// secret token given to setWebhook. Requests without it are refused and record nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { buttonPress, privateChat, textMessage } from '../fakes/telegram-updates.js';
import { testCommands } from './telegram-commands.js';
import { PUBLIC_WEBHOOK_URL, WEBHOOK_SECRET, telegramApp, tg, type TelegramTestApp } from './telegram-harness.js';

describe('Telegram adapter, webhook', () => {
  let t: TelegramTestApp;
  beforeAll(async () => {
    t = await telegramApp({ webhook: true, commands: testCommands });
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (body: Parameters<typeof t.api.postToWebhook>[0], secret?: string | null) =>
    t.api.postToWebhook(body, { url: t.webhookUrl!, ...(secret !== undefined ? { secret } : {}) });
  const recorded = () => t.db.prisma.inboundEvent.count({ where: { platform: 'telegram' } });

  it('sets the webhook with the secret token and the updates it wants, and does not poll', async () => {
    expect(t.api.webhook).toEqual({ url: PUBLIC_WEBHOOK_URL, secretToken: WEBHOOK_SECRET, allowedUpdates: ['message', 'callback_query'] });
    expect(t.api.callsTo('setWebhook')[0]!.params.drop_pending_updates).toBe(false);
    expect(t.api.callsTo('getUpdates')).toEqual([]);
    expect(t.api.callsTo('deleteWebhook')).toEqual([]);
    expect(t.adapter.healthy()).toBe(true);
  });

  it('refuses a request without the secret token, or with a wrong one, and records nothing', async () => {
    const missing = await post(textMessage(tg.fatou, tg.BG01, '/rete'), null);
    const wrong = await post(textMessage(tg.fatou, tg.BG01, '/rete'), 'indovinato');
    const almost = await post(textMessage(tg.fatou, tg.BG01, '/rete'), `${WEBHOOK_SECRET}x`);
    expect([missing.status, wrong.status, almost.status]).toEqual([401, 401, 401]);
    expect(await recorded()).toBe(0);
    await t.deliver();
    expect(t.api.callsTo('sendMessage')).toEqual([]);
  });

  it('handles an update with the right secret: 200 once recorded, then the reply', async () => {
    const { status, update } = await post(textMessage(tg.fatou, tg.BG01, '/rete'));
    expect(status).toBe(200);
    // Answered only after the event was written: it is there now.
    expect(await t.db.prisma.inboundEvent.count({ where: { externalId: String(update.update_id) } })).toBe(1);
    await t.handled(update);
    await t.deliver();
    expect(t.api.sentTo(tg.BG01.id).at(-1)!.text).toContain('Rete Bergamo Ovest (BG01)');
  });

  it('handles the same update delivered twice only once', async () => {
    const before = t.api.sentTo(tg.BG01.id).length;
    const first = await post(textMessage(tg.maria, tg.BG01, '/aiuto'));
    const again = await post(first.update);
    expect([first.status, again.status]).toEqual([200, 200]);
    await t.handled(first.update);
    await t.deliver();
    expect(t.api.sentTo(tg.BG01.id).length).toBe(before + 1);
    expect(await t.db.prisma.inboundEvent.count({ where: { externalId: String(first.update.update_id) } })).toBe(1);
  });

  it('runs the button’s action and answers the callback query so the spinner stops', async () => {
    const shown = await post(textMessage(tg.maria, tg.BG01, '/prova'));
    await t.handled(shown.update);
    await t.deliver();
    const message = t.api.sentTo(tg.BG01.id).at(-1)!;
    const press = await post(buttonPress(tg.maria, tg.BG01, message.buttons![0]![0]!.callback_data!, message.messageId));
    expect(press.status).toBe(200);
    const queryId = (press.update.callback_query as { id: string }).id;
    expect(t.api.callsTo('answerCallbackQuery').map((c) => c.params.callback_query_id)).toContain(queryId);
    await t.handled(press.update);
    await t.deliver();
    expect(t.api.sentTo(tg.BG01.id).map((m) => m.text)).toContain('Hai scelto: si');
  });

  it('keeps accented text intact when a character’s bytes arrive in two pieces', async () => {
    const text = 'Perché è così difficile trovare la sede? Città, attività, caffè';
    const update = { update_id: 990001, ...textMessage(tg.maria, privateChat(tg.maria), text) };
    const body = Buffer.from(JSON.stringify(update));
    const cut = body.indexOf(Buffer.from('è')) + 1; // between the two bytes of "è"
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        t.webhookUrl!,
        { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length, 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode!));
        },
      );
      req.on('error', reject);
      req.write(body.subarray(0, cut));
      setTimeout(() => req.end(body.subarray(cut)), 50);
    });
    expect(status).toBe(200);
    const event = await t.db.prisma.inboundEvent.findFirstOrThrow({ where: { externalId: '990001' } });
    expect(event.payload).toMatchObject({ type: 'message', text });
  });

  it('answers 500 when the update cannot be recorded, so Telegram sends it again', async () => {
    await t.app.inbox.stop();
    const body = textMessage(tg.fatou, tg.BG01, '/rete');
    const refused = await post(body);
    expect(refused.status).toBe(500);
    expect(t.logs.some((l) => l.level === 50 && l.update === String(refused.update.update_id) && /rispondo 500/.test(l.msg))).toBe(true);
    expect(await t.db.prisma.inboundEvent.count({ where: { externalId: String(refused.update.update_id) } })).toBe(0);
    t.app.inbox.open();
    const retried = await post(refused.update);
    expect(retried.status).toBe(200);
    await t.handled(retried.update);
  });

  it('answers 503 once stopped (Telegram keeps the update and retries)', async () => {
    await t.adapter.stop();
    expect(t.adapter.healthy()).toBe(false);
    const late = await post(textMessage(tg.fatou, tg.BG01, '/rete'));
    expect(late.status).toBe(503);
    expect(await t.db.prisma.inboundEvent.count({ where: { externalId: String(late.update.update_id) } })).toBe(0);
  });
});
