// The Bot API stand-in in its own process (as Telegram is: elsewhere), for the delivery benchmark:
// started by checkin-delivery.ts with fork(); answers its parent's questions over IPC.
import { FakeTelegramApi } from '../tests/fakes/telegram-api.js';

const perSecond = Number(process.env.STANDIN_PER_SECOND ?? 300);
const api = await FakeTelegramApi.start({
  rateLimits: { globalPerSecond: process.env.STANDIN_NO_GLOBAL_LIMIT ? undefined : perSecond, perChatPerSecond: 1, perGroupPerMinute: 20 },
});

export interface StandinReport {
  stats: FakeTelegramApi['stats'];
  /** When each accepted sendMessage arrived (ms). */
  accepted: number[];
  delivered: number;
  distinct: number;
}

process.on('message', (msg: string) => {
  if (msg === 'report') {
    const report: StandinReport = {
      stats: api.stats,
      accepted: api.calls.filter((c) => c.method === 'sendMessage' && c.ok).map((c) => c.at),
      delivered: api.messages.length,
      distinct: new Set(api.messages.map((m) => `${m.chatId}|${m.text}`)).size,
    };
    process.send!({ report });
  } else if (msg === 'close') {
    void api.close().then(() => process.exit(0));
  }
});
process.send!({ ready: { apiRoot: api.apiRoot, token: api.token, username: api.bot.username } });
