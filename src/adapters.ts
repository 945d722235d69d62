// Builds the platform adapters the environment enables (composition root: the only file besides
// main.ts that knows both adapters). Without credentials Reti still runs
// (health, metrics, console, CLI) and says which variables connect it.
import type { Config } from './config.js';
import type { Logger } from './log.js';
import type { CommandInfo, PlatformAdapter } from './platform/port.js';

export async function createAdapters(config: Config, logger: Logger, commands: CommandInfo[]): Promise<PlatformAdapter[]> {
  const adapters: PlatformAdapter[] = [];
  const env = config.env;
  if (env.SLACK_BOT_TOKEN) {
    const { createSlackAdapter } = await import('./platform/slack/adapter.js');
    adapters.push(createSlackAdapter(env, logger, { commands }));
  } else {
    logger.info('Slack non collegato: imposta SLACK_BOT_TOKEN e SLACK_SIGNING_SECRET (HTTP) oppure anche SLACK_APP_TOKEN (Socket Mode)');
  }
  if (env.TELEGRAM_BOT_TOKEN) {
    const { createTelegramAdapter } = await import('./platform/telegram/adapter.js');
    adapters.push(createTelegramAdapter(env, logger, { commands }));
  } else {
    logger.info('Telegram non collegato: imposta TELEGRAM_BOT_TOKEN (e TELEGRAM_WEBHOOK_URL con TELEGRAM_WEBHOOK_SECRET per il webhook)');
  }
  return adapters;
}
