// Reti → Slack: deliveries through the real adapter and the outbox, against the Web API stand-in
// over HTTP: which method is called with what, how Slack's failures become DeliveryErrors, and
// that a rate-limited message is sent once, after the wait Slack asked for.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { DeliveryError, type Address, type Delivery } from '../../src/platform/port.js';
import { createSlackAdapter } from '../../src/platform/slack/adapter.js';
import { readBlocks, slackTestApp, type SlackTestApp } from '../support/slack.js';

let s: SlackTestApp;

beforeAll(async () => {
  s = await slackTestApp();
});
afterAll(async () => {
  await s.close();
});
beforeEach(() => {
  s.api.reset();
});

const channel: Address = { platform: 'slack', workspace: 'T0EXAMPLE', chatId: 'C0BG01' };
const maria: Address = { platform: 'slack', workspace: 'T0EXAMPLE', chatId: 'U0MARIA' };
const send = (to: Address, text: string, extra: Partial<Extract<Delivery, { op: 'send' }>> = {}): Delivery => ({ op: 'send', to, message: { text }, ...extra });

async function failureOf(delivery: Delivery): Promise<DeliveryError> {
  const err = await s.adapter.deliver(delivery).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError;
}

describe('sending', () => {
  it('posts to a channel and returns the message ts', async () => {
    const result = await s.adapter.deliver(send(channel, 'Il laboratorio **Mediazione** è _confermato_: [programma](https://example.org/p?a=1&b=2)'));
    const [call] = s.api.callsTo('chat.postMessage');
    expect(call!.args).toMatchObject({ channel: 'C0BG01', unfurl_links: 'false' });
    expect(call!.args.text).toBe('Il laboratorio *Mediazione* è _confermato_: <https://example.org/p?a=1&amp;b=2|programma>');
    expect(readBlocks(call!.args.blocks)).toBe(call!.args.text);
    expect(result).toEqual({ messageId: expect.stringMatching(/^\d+\.\d+$/), chatId: 'C0BG01' });
  });

  it('writes to a person through their user id and remembers the DM channel for updates', async () => {
    const sent = await s.adapter.deliver(send(maria, 'Ciao Maria'));
    expect(s.api.callsTo('chat.postMessage')[0]!.args.channel).toBe('U0MARIA');
    expect(sent.chatId).toBe('D0MARIA');
    await s.adapter.deliver({ op: 'update', to: maria, messageId: sent.messageId!, message: { text: 'Ciao Maria, grazie!' } });
    const [update] = s.api.callsTo('chat.update');
    expect(update!.args).toMatchObject({ channel: 'D0MARIA', ts: sent.messageId });
    expect(readBlocks(update!.args.blocks)).toBe('Ciao Maria, grazie!');
    expect(s.api.callsTo('conversations.open')).toEqual([]);
  });

  it('opens the DM with conversations.open when updating a message to someone not written to yet', async () => {
    await s.adapter.deliver({ op: 'update', to: { ...maria, chatId: 'U0PAOLO' }, messageId: '1764000000.000009', message: { text: 'aggiornato' } });
    expect(s.api.callsTo('conversations.open')[0]!.args.users).toBe('U0PAOLO');
    expect(s.api.callsTo('chat.update')[0]!.args).toMatchObject({ channel: 'D0PAOLO', ts: '1764000000.000009' });
  });

  it('sends an ephemeral message with chat.postEphemeral', async () => {
    const result = await s.adapter.deliver(send(channel, 'Solo per te', { visibility: 'ephemeral', ephemeralUserId: 'U0MARIA' }));
    expect(s.api.callsTo('chat.postEphemeral')[0]!.args).toMatchObject({ channel: 'C0BG01', user: 'U0MARIA', text: 'Solo per te' });
    expect(s.api.callsTo('chat.postMessage')).toEqual([]);
    expect(result.chatId).toBe('C0BG01');
  });

  it('answers in the DM when the bot is not in the channel where the command was typed', async () => {
    s.api.fail('chat.postEphemeral', { error: 'not_in_channel', channel: 'C0FUORI' });
    const result = await s.adapter.deliver(send({ ...channel, chatId: 'C0FUORI' }, 'Solo per te', { visibility: 'ephemeral', ephemeralUserId: 'U0MARIA' }));
    const [post] = s.api.callsTo('chat.postMessage');
    expect(post!.args.channel).toBe('U0MARIA');
    expect(readBlocks(post!.args.blocks)).toBe('Solo per te');
    expect(result.chatId).toBe('D0MARIA');
  });

  it('opens a group DM for several people and posts into it', async () => {
    const result = await s.adapter.deliver({
      op: 'group',
      platform: 'slack',
      workspace: 'T0EXAMPLE',
      userIds: ['U0PAOLO', 'U0MARIA'],
      message: { text: 'Vi presento: lavorate entrambi sul tema **mediazione**.' },
    });
    expect(s.api.callsTo('conversations.open')[0]!.args.users).toBe('U0MARIA,U0PAOLO');
    const [post] = s.api.callsTo('chat.postMessage');
    expect(post!.args.channel).toBe('G0MPIM1');
    expect(readBlocks(post!.args.blocks)).toBe('Vi presento: lavorate entrambi sul tema *mediazione*.');
    expect(result.chatId).toBe('G0MPIM1');
  });

  it('uploads an attachment (getUploadURLExternal, upload, completeUploadExternal) with the message as its blocks', async () => {
    const csv = 'rete;incontri\nBG01;3\n';
    const result = await s.adapter.deliver(
      send(channel, 'Esportazione check-in', {
        message: {
          text: 'Esportazione check-in',
          blocks: [{ type: 'text', text: 'Ecco i **check-in** di novembre.' }],
          attachment: { filename: 'checkin.csv', mimeType: 'text/csv', base64: Buffer.from(csv).toString('base64') },
        },
      }),
    );
    const [url] = s.api.callsTo('files.getUploadURLExternal');
    expect(url!.args).toMatchObject({ filename: 'checkin.csv', length: String(Buffer.byteLength(csv)) });
    expect(s.api.uploads).toHaveLength(1);
    expect(s.api.uploads[0]!.bytes.toString()).toBe(csv);
    const [complete] = s.api.callsTo('files.completeUploadExternal');
    expect(complete!.args.channel_id).toBe('C0BG01');
    expect(complete!.args.files).toEqual([{ id: s.api.uploads[0]!.fileId, title: 'checkin.csv' }]);
    expect(readBlocks(complete!.args.blocks)).toBe('Ecco i *check-in* di novembre.');
    expect(result.chatId).toBe('C0BG01');
    expect(s.api.callsTo('chat.postMessage')).toEqual([]);
  });

  it('sends a file meant for one person to their DM, since files cannot be ephemeral', async () => {
    await s.adapter.deliver(
      send(channel, 'Il tuo export', {
        visibility: 'ephemeral',
        ephemeralUserId: 'U0PAOLO',
        message: { text: 'Il tuo export', attachment: { filename: 'export.csv', mimeType: 'text/csv', base64: Buffer.from('a;b\n').toString('base64') } },
      }),
    );
    expect(s.api.callsTo('files.completeUploadExternal')[0]!.args.channel_id).toBe('D0PAOLO');
  });

  it('splits a long text into sections of at most 3,000 characters, at line breaks', async () => {
    const lines = Array.from({ length: 150 }, (_, i) => `Riga ${String(i + 1).padStart(3, '0')}: ${'partner attivi e nuovi '.repeat(2)}`);
    await s.adapter.deliver(send(channel, lines.join('\n')));
    const blocks = s.api.callsTo('chat.postMessage')[0]!.args.blocks as { type: string; text: { text: string } }[];
    expect(blocks.length).toBeGreaterThan(2);
    expect(blocks.every((b) => b.type === 'section' && b.text.text.length <= 3000)).toBe(true);
    expect(blocks.map((b) => b.text.text).join('\n')).toBe(lines.join('\n'));
    expect(blocks.every((b) => b.text.text.endsWith('nuovi '))).toBe(true);
  });
});

describe('Slack failures become DeliveryErrors', () => {
  it('429 → rate_limited with Retry-After in ms, for the whole bot, without the client retrying or waiting', async () => {
    s.api.rateLimit('chat.postMessage', 3);
    const started = Date.now();
    const err = await failureOf(send(channel, 'ciao'));
    expect(Date.now() - started).toBeLessThan(1500);
    expect([err.kind, err.retryAfterMs, err.scope]).toEqual(['rate_limited', 3000, 'bot']);
    expect(s.api.callsTo('chat.postMessage', false)).toHaveLength(1);
  });

  const unreachable = ['not_in_channel', 'channel_not_found', 'is_archived', 'user_not_found', 'cannot_dm_bot', 'account_inactive'];
  for (const error of unreachable) {
    it(`${error} → unreachable`, async () => {
      s.api.fail('chat.postMessage', { error, channel: 'C0ARCHIVIO' });
      const err = await failureOf(send({ ...channel, chatId: 'C0ARCHIVIO' }, 'ciao'));
      expect(err.kind).toBe('unreachable');
      expect(err.message).toContain(error);
    });
  }

  it('a Slack error about the request (invalid_blocks) → permanent', async () => {
    s.api.fail('chat.postMessage', { error: 'invalid_blocks' });
    expect((await failureOf(send(channel, 'x'))).kind).toBe('permanent');
  });

  it('HTTP 503 and network errors → transient', async () => {
    s.api.fail('chat.postMessage', { status: 503 });
    expect((await failureOf(send(channel, 'x'))).kind).toBe('transient');
    const env = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-x', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: 'http://127.0.0.1:9/api/' }).env;
    const offline = createSlackAdapter(env, silentLogger, { commands: [], authRetryMs: 60_000 });
    const err = await offline.deliver(send(channel, 'x')).catch((e: unknown) => e);
    expect((err as DeliveryError).kind).toBe('transient');
  });

  it('a refused token is permanent and makes the adapter unhealthy until auth.test succeeds again', async () => {
    s.api.fail('chat.postMessage', { error: 'invalid_auth' });
    expect((await failureOf(send(channel, 'x'))).kind).toBe('permanent');
    expect(s.adapter.healthy()).toBe(false);
    expect((await s.t.app.health()).adapters).toEqual({ slack: false });
    await s.adapter.start(s.t.app.inbox.sink);
    expect(s.adapter.healthy()).toBe(true);
  });
});

describe('through the outbox', () => {
  it('delivers a rate-limited answer once, after the wait Slack asked for', async () => {
    s.api.rateLimit('chat.postEphemeral', 1);
    await s.sender.command({ command: '/rete', user: 'U0MARIA', channel: 'C0BG01' });
    await s.settle();
    const row = await s.t.db.prisma.outboxMessage.findFirstOrThrow({ where: { chatId: 'C0BG01' }, orderBy: { id: 'desc' } });
    expect(row.status).toBe('pending');
    expect(row.notBefore.getTime()).toBeGreaterThan(Date.now() + 500);
    expect(await s.t.deliver()).toBe(0);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await s.t.deliver()).toBe(1);
    expect(await s.t.deliver()).toBe(0);
    const calls = s.api.calls.filter((c) => c.method === 'chat.postEphemeral');
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(readBlocks(calls[1]!.args.blocks)).toContain('*Rete Bergamo Ovest* (BG01)');
    const sent = await s.t.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect([sent.status, sent.attempts]).toEqual(['sent', 1]);
  });

  it('marks an unreachable person and does not retry', async () => {
    s.api.fail('chat.postMessage', { error: 'cannot_dm_bot', channel: 'U0PAOLO', times: 5 });
    await s.sender.event(s.sender.messageIm({ user: 'U0PAOLO', text: 'ciao' }));
    await s.settle();
    await s.t.deliver();
    expect(s.api.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
    const row = await s.t.db.prisma.outboxMessage.findFirstOrThrow({ where: { chatId: 'U0PAOLO' } });
    expect(row.status).toBe('failed');
    const account = await s.t.db.prisma.account.findFirstOrThrow({ where: { platform: 'slack', externalId: 'U0PAOLO' } });
    expect(account.unreachable).toContain('cannot_dm_bot');
  });
});

describe('configuration', () => {
  it('paces from SLACK_MAX_PER_SECOND and one message a second per channel; Socket Mode has no HTTP route', () => {
    const env = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-x', SLACK_SIGNING_SECRET: 'secret', SLACK_MAX_PER_SECOND: '7' }).env;
    const http = createSlackAdapter(env, silentLogger, { commands: [] });
    expect(http.limits).toMatchObject({ globalPerSecond: 7, perChatIntervalMs: 1000 });
    expect(http.capabilities).toEqual({ forms: true, ephemeral: true, groupDm: true, writesFirst: true, deepLinks: false, usernames: false, workspaces: true });
    expect(http.label).toBe('Slack');
    expect(http.httpRoutes?.().map((r) => r.path)).toEqual(['/slack/events']);
    expect([http.isGroupChat?.('C0BG01'), http.isGroupChat?.('U0MARIA')]).toEqual([true, false]);
    expect(http.healthy()).toBe(false);
    const socket = createSlackAdapter({ ...env, SLACK_APP_TOKEN: 'xapp-1-A0RETI-1-abc' }, silentLogger, { commands: [] });
    expect(socket.httpRoutes?.() ?? []).toEqual([]);
  });

  it('stays up but unhealthy when Slack cannot be reached at start-up', async () => {
    const env = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-x', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: 'http://127.0.0.1:9/api/' }).env;
    const offline = createSlackAdapter(env, silentLogger, { commands: [], authRetryMs: 60_000 });
    await offline.start(async () => ({ duplicate: false, done: Promise.resolve() }));
    expect(offline.healthy()).toBe(false);
    await offline.stop();
  });
});
