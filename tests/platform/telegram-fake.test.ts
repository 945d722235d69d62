// The Bot API stand-in itself: the benchmark measures delivery rates against it, so its limits,
// offsets and bookkeeping must be right.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeTelegramApi } from '../fakes/telegram-api.js';
import { tgErrors } from '../fakes/telegram-errors.js';
import { groupChat, textMessage, user } from '../fakes/telegram-updates.js';

let api: FakeTelegramApi;
beforeEach(async () => {
  api = await FakeTelegramApi.start();
});
afterEach(async () => {
  await api.close();
});

async function call(method: string, params: Record<string, unknown> = {}, token = api.token): Promise<{ status: number; body: any }> {
  const res = await fetch(`${api.apiRoot}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  return { status: res.status, body: await res.json() };
}

const send = (chatId: string | number, text: string) => call('sendMessage', { chat_id: chatId, text });
const sleepUntil = (t: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, t - Date.now())));

describe('Bot API stand-in: rate limits', () => {
  it('limits each chat over a sliding one-second window, not fixed seconds', async () => {
    api.enforceRateLimits({ perChatPerSecond: 2 });
    expect((await send(1, 'a')).status).toBe(200);
    const start = api.sentTo(1)[0]!.sentAt; // when the stand-in counted it
    await sleepUntil(start + 600);
    expect((await send(1, 'b')).status).toBe(200);
    const refused = await send(1, 'c');
    expect(refused).toEqual({
      status: 429,
      body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } },
    });
    expect((await send(2, 'c')).status).toBe(200); // another chat has its own window
    await sleepUntil(start + 1050); // "a" has left the window, "b" has not
    expect((await send(1, 'd')).status).toBe(200);
    expect((await send(1, 'e')).status).toBe(429); // a fixed window starting at 1 s would accept it
    expect(api.stats.tooManyRequests).toBe(2);
    expect(api.sentTo(1).map((m) => m.text)).toEqual(['a', 'b', 'd']);
  });

  it('limits the whole bot per second, and groups per minute (retry_after in seconds until a slot frees)', async () => {
    api.enforceRateLimits({ globalPerSecond: 3, perGroupPerMinute: 2 });
    for (const chat of [1, 2, 3]) expect((await send(chat, 'ciao')).status).toBe(200);
    expect((await send(4, 'ciao')).status).toBe(429);
    await sleepUntil(Date.now() + 1000);
    expect((await send(-100, 'uno')).status).toBe(200);
    expect((await send(-100, 'due')).status).toBe(200);
    const third = await send(-100, 'tre');
    expect(third.status).toBe(429);
    expect(third.body.parameters.retry_after).toBeGreaterThanOrEqual(59);
    expect(third.body.parameters.retry_after).toBeLessThanOrEqual(60);
  });

  it('counts the same text delivered twice to one chat', async () => {
    await send(1, 'Promemoria');
    await send(2, 'Promemoria');
    await send(1, 'Promemoria');
    await send(1, '<b>Promemoria</b>'); // plain parse mode: different text
    expect(api.stats).toMatchObject({ delivered: 4, duplicates: 1 });
    expect(api.duplicateDeliveries).toEqual([{ chatId: '1', text: 'Promemoria' }]);
  });

  it('answers injected failures and never-started chats with Telegram’s own words', async () => {
    api.fail('sendMessage', tgErrors.tooManyRequests(3));
    expect((await send(1, 'x')).body).toEqual({ ok: false, error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } });
    api.neverStarted.add('5');
    expect(await send(5, 'x')).toEqual({
      status: 403,
      body: { ok: false, error_code: 403, description: "Forbidden: bot can't initiate conversation with a user" },
    });
    expect((await call('getMe', {}, '1:wrong')).status).toBe(401);
    expect(api.stats.tooManyRequests).toBe(1);
  });
});

describe('Bot API stand-in: getUpdates', () => {
  const maria = user(100000002, 'Maria Rossi');
  const chat = groupChat(-1001000000001);

  it('confirms updates with the offset, so they are not sent again', async () => {
    const a = api.push(textMessage(maria, chat, '/rete'));
    const b = api.push(textMessage(maria, chat, '/aiuto'));
    expect((await call('getUpdates', { offset: 0 })).body.result.map((u: any) => u.update_id)).toEqual([a.update_id, b.update_id]);
    expect((await call('getUpdates', { offset: a.update_id + 1 })).body.result.map((u: any) => u.update_id)).toEqual([b.update_id]);
    expect((await call('getUpdates', { offset: b.update_id + 1 })).body.result).toEqual([]);
    expect((await call('getUpdates', { offset: 0 })).body.result).toEqual([]);
  });

  it('holds a long poll until an update arrives; a newer poll ends the older with 409', async () => {
    const started = Date.now();
    const waiting = call('getUpdates', { timeout: 5 });
    setTimeout(() => api.push(textMessage(maria, chat, '/rete')), 100);
    const { body } = await waiting;
    expect(body.result).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2000);

    const first = call('getUpdates', { offset: body.result[0].update_id + 1, timeout: 5 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = call('getUpdates', { offset: body.result[0].update_id + 1, timeout: 0 });
    expect((await first).body).toMatchObject({
      ok: false,
      error_code: 409,
      description: expect.stringMatching(/^Conflict: terminated by other getUpdates request/),
    });
    expect((await second).body.result).toEqual([]);
  });

  it('refuses getUpdates while a webhook is set', async () => {
    await call('setWebhook', { url: 'https://reti.example.org/telegram/webhook', secret_token: 's3greto' });
    expect(api.webhook).toEqual({ url: 'https://reti.example.org/telegram/webhook', secretToken: 's3greto' });
    expect((await call('getUpdates')).status).toBe(409);
    await call('deleteWebhook');
    expect((await call('getUpdates')).status).toBe(200);
  });
});

describe('Bot API stand-in: bodies and HTML', () => {
  it('reads form-urlencoded and multipart bodies', async () => {
    const form = await fetch(`${api.apiRoot}/bot${api.token}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ chat_id: '7', text: 'Ciao <b>a tutti</b>', parse_mode: 'HTML' }).toString(),
    });
    expect(form.status).toBe(200);
    expect(api.sentTo(7)[0]).toMatchObject({ text: 'Ciao a tutti', entities: [{ type: 'bold', offset: 5, length: 7 }] });

    const data = new FormData();
    data.set('chat_id', '7');
    data.set('caption', 'Esportazione');
    data.set('reply_markup', JSON.stringify({ inline_keyboard: [[{ text: 'Ok', callback_data: 'ok|' }]] }));
    data.set('document', new Blob(['a;b\n1;2\n']), 'dati.csv');
    const upload = await fetch(`${api.apiRoot}/bot${api.token}/sendDocument`, { method: 'POST', body: data });
    expect(upload.status).toBe(200);
    const doc = api.sentTo(7)[1]!;
    expect(doc.document).toMatchObject({ filename: 'dati.csv' });
    expect(doc.document!.content.toString()).toBe('a;b\n1;2\n');
    expect(doc.text).toBe('Esportazione');
    expect(doc.buttons).toEqual([[{ text: 'Ok', callback_data: 'ok|' }]]);
  });

  it('refuses HTML Telegram cannot parse, and long texts, as Telegram does', async () => {
    const html = (text: string) => call('sendMessage', { chat_id: 1, text, parse_mode: 'HTML' });
    expect((await html('<b>non chiuso')).body.description).toMatch(/^Bad Request: can't parse entities: Can't find end tag/);
    expect((await html('3 < 4')).body.description).toMatch(/^Bad Request: can't parse entities/);
    expect((await html('<script>x</script>')).body.description).toMatch(/Unsupported start tag "script"/);
    expect((await html('a &amp; b &lt;c&gt;')).status).toBe(200);
    expect(api.sentTo(1).at(-1)!.text).toBe('a & b <c>');
    expect((await send(1, 'x'.repeat(4097))).body.description).toBe('Bad Request: message is too long');
    expect(
      (await call('sendMessage', { chat_id: 1, text: 'x', reply_markup: { inline_keyboard: [[{ text: 'x', callback_data: 'y'.repeat(65) }]] } })).body
        .description,
    ).toBe('Bad Request: BUTTON_DATA_INVALID');
  });
});
