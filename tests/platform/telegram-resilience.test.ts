// Telegram going wrong without taking Reti down: unreachable at start (Slack keeps working, /healthz
// says which platform is down, Telegram connects by itself later), an update without update_id, and
// a group upgraded to a supergroup (the channel follows it and the message is sent again there).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { defaultContributions } from '../../src/app.js';
import { systemClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { listen } from '../../src/http/server.js';
import { silentLogger } from '../../src/log.js';
import { enqueue } from '../../src/outbox/enqueue.js';
import { createSlackAdapter } from '../../src/platform/slack/adapter.js';
import { createTelegramAdapter } from '../../src/platform/telegram/adapter.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { SlackSender } from '../fakes/slack-requests.js';
import { FakeTelegramApi, tgErrors, until } from '../fakes/telegram-api.js';
import { groupChat, textMessage } from '../fakes/telegram-updates.js';
import { groups, testApp } from '../support/app.js';
import { SIGNING_SECRET, slackUsers } from '../support/slack.js';
import { telegramApp, tg } from './telegram-harness.js';

describe('Telegram unreachable at start', () => {
  it('does not stop the service: Slack answers, /healthz names Telegram as down, and Telegram connects later by itself', async () => {
    const slackApi = await FakeSlackApi.start({ users: slackUsers });
    const telegramApi = await FakeTelegramApi.start();
    telegramApi.fail('getMe', tgErrors.badGateway, 4);
    const env = loadConfig({
      SLACK_BOT_TOKEN: slackApi.token,
      SLACK_API_URL: slackApi.apiUrl,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      TELEGRAM_BOT_TOKEN: telegramApi.token,
      TELEGRAM_API_ROOT: telegramApi.apiRoot,
    }).env;
    const fast = { globalPerSecond: 1000, perChatIntervalMs: 0, perGroupPerMinute: 60_000 };
    const slack = createSlackAdapter(env, silentLogger, { commands: [], limits: fast });
    const telegram = createTelegramAdapter(env, silentLogger, { commands: defaultContributions.commands, limits: fast, connectRetryMs: 400 });
    const t = await testApp({ adapters: [slack, telegram], clock: systemClock });
    const server: Server = await listen(t.app.http, 0, '127.0.0.1');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ ok: false, database: true, adapters: { slack: true, telegram: false }, down: ['telegram'] });

      const sender = new SlackSender(`${base}/slack/events`, SIGNING_SECRET);
      expect((await sender.command({ command: '/rete', user: 'U0MARIA', channel: groups.slackBG01 })).status).toBe(200);
      await t.app.inbox.idle();
      await t.deliver();
      expect(slackApi.calls.some((c) => c.ok && String(c.args.text ?? '').includes('Rete Bergamo Ovest'))).toBe(true);

      await until(() => telegram.healthy(), 15_000, 'Telegram to connect');
      expect(telegramApi.callsTo('getMe').length).toBe(5);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await t.close();
      await slackApi.close();
      await telegramApi.close();
    }
  }, 60_000);
});

describe('Telegram updates and chats that change', () => {
  it('refuses an update without update_id as malformed (400) and records nothing', async () => {
    const t = await telegramApp({ webhook: true });
    try {
      const body = textMessage(tg.fatou, tg.BG01, '/rete');
      const res = await fetch(t.webhookUrl!, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': t.api.webhook!.secretToken! },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(400);
      expect(await t.db.prisma.inboundEvent.count()).toBe(0);
      // A well-formed update still goes through.
      const ok = await t.api.postToWebhook(body, { url: t.webhookUrl! });
      expect(ok.status).toBe(200);
      expect(await t.db.prisma.inboundEvent.count()).toBe(1);
    } finally {
      await t.close();
    }
  });

  it('follows a group upgraded to a supergroup: the message goes to the new chat and the channel is rewritten', async () => {
    const t = await telegramApp();
    const supergroup = '-1009876543210';
    try {
      t.api.migrated.set(groups.BG01, supergroup);
      await enqueue(t.db.prisma, [
        { delivery: { op: 'send', to: { platform: 'telegram', workspace: '', chatId: groups.BG01 }, message: { text: 'Nuovo laboratorio a Bergamo' } } },
        { delivery: { op: 'send', to: { platform: 'telegram', workspace: '', chatId: groups.BG01 }, message: { text: 'Promemoria per la rete' } } },
      ]);
      await t.deliver();
      expect(t.api.sentTo(supergroup).map((m) => m.text)).toEqual(['Nuovo laboratorio a Bergamo', 'Promemoria per la rete']);
      expect(await t.db.prisma.outboxMessage.count({ where: { status: 'sent' } })).toBe(2);
      const channels = await t.db.prisma.channel.findMany({ where: { platform: 'telegram', chatId: { in: [groups.BG01, supergroup] } } });
      expect(channels.map((c) => c.chatId)).toEqual([supergroup]);
      // The network is recognised in the new chat.
      await t.send(textMessage(tg.fatou, groupChat(supergroup, 'Rete Bergamo Ovest'), '/rete'));
      expect(t.api.sentTo(supergroup).at(-1)!.text).toContain('Rete Bergamo Ovest (BG01)');
    } finally {
      await t.close();
    }
  });
});
