import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('environment settings', () => {
  it('runs with nothing set: embedded database in ./data, port 3000, no platforms', () => {
    const { env } = loadConfig({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATA_DIR).toBe('./data');
    expect(env.PORT).toBe(3000);
    expect(env.SLACK_BOT_TOKEN).toBeUndefined();
  });

  const bad: [Record<string, string>, string][] = [
    [{ DATABASE_URL: 'mysql://x' }, 'Impostazione non valida: DATABASE_URL deve iniziare con postgres:// o postgresql://'],
    [{ PORT: 'abc' }, 'Impostazione non valida: PORT deve essere un numero intero ≥ 0'],
    [
      { SLACK_BOT_TOKEN: 'xoxb-1' },
      'Impostazione non valida: SLACK_SIGNING_SECRET è obbligatoria quando SLACK_BOT_TOKEN è impostata (oppure SLACK_APP_TOKEN per Socket Mode)',
    ],
    [{ SLACK_BOT_TOKEN: 'abc', SLACK_SIGNING_SECRET: 's' }, 'Impostazione non valida: SLACK_BOT_TOKEN deve iniziare con xoxb-'],
    [
      { TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_WEBHOOK_URL: 'https://reti.example.org/telegram/webhook' },
      'Impostazione non valida: TELEGRAM_WEBHOOK_SECRET è obbligatoria con TELEGRAM_WEBHOOK_URL',
    ],
    [{ ADMIN_TOKEN: 'short' }, 'Impostazione non valida: ADMIN_TOKEN deve avere almeno 16 caratteri'],
  ];
  for (const [env, message] of bad) {
    it(`stops with one line naming the variable: ${Object.keys(env).join(', ')}`, () => {
      expect(() => loadConfig(env)).toThrow(message);
    });
  }

  it('reads job schedules from SCHEDULE_<JOB>', () => {
    expect(loadConfig({ SCHEDULE_CHECKIN_OPEN: '0 8 * * 1' }).schedules).toEqual({ 'checkin-open': '0 8 * * 1' });
  });
});
