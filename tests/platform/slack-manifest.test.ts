// The Slack app manifest an operator pastes at api.slack.com/apps must offer every command Reti
// registers, point every URL at the route the adapter serves, and ask for the scopes it uses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultContributions } from '../../src/app.js';

import { EVENTS_PATH } from '../../src/platform/slack/bolt.js';

const commands = defaultContributions.commands;

interface SlashCommand {
  command: string;
  url: string;
  description: string;
  usage_hint?: string;
  should_escape: boolean;
}

interface Manifest {
  display_information: { name: string; description: string; long_description: string };
  features: { bot_user: { display_name: string }; slash_commands: SlashCommand[]; app_home: { messages_tab_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(readFileSync(new URL('../../slack-manifest.yml', import.meta.url), 'utf8')) as Manifest;
const slash = manifest.features.slash_commands;

describe('slack-manifest.yml', () => {
  it('offers every command the capabilities contribute (hidden ones excepted)', () => {
    const offered = new Set(slash.map((c) => c.command));
    const missing = commands
      .filter((c) => !c.hidden)
      .map((c) => `/${c.name}`)
      .filter((name) => !offered.has(name));
    expect(missing).toEqual([]);
  });

  it('lists the commands Reti has or will have, each once', () => {
    const names = slash.map((c) => c.command);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining(['/aiuto', '/rete', '/checkin', '/laboratori', '/digest', '/esporta', '/partner', '/legami', '/buonapratica', '/buonepratiche']),
    );
  });

  it('gives each command a short description, escapes mentions, and sends it to /slack/events', () => {
    for (const c of slash) {
      expect(c.command).toMatch(/^\/[a-z]{1,31}$/);
      expect(c.url.endsWith(EVENTS_PATH)).toBe(true);
      expect(c.should_escape).toBe(true);
      expect(c.description.length).toBeGreaterThan(10);
      expect(c.description.length).toBeLessThanOrEqual(100);
    }
    const registered = commands.find((c) => c.name === 'rete')!;
    expect(slash.find((c) => c.command === '/rete')!.usage_hint).toContain('collega');
    expect(registered.subcommands).toHaveProperty('collega');
  });

  it('sends events and interactivity to the same route, bot named Reti, HTTP mode by default', () => {
    const url = slash[0]!.url;
    expect(manifest.settings.event_subscriptions.request_url).toBe(url);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: url });
    expect(manifest.settings.event_subscriptions.bot_events).toContain('message.im');
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.features.bot_user.display_name).toBe('Reti');
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.display_information.name).toBe('Reti');
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    expect(manifest.display_information.long_description.length).toBeGreaterThanOrEqual(175);
  });

  it('asks for the scopes the adapter uses', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining([
        'commands',
        'chat:write',
        'chat:write.public',
        'im:write',
        'im:history',
        'channels:history',
        'groups:history',
        'mpim:history',
        'mpim:write',
        'users:read',
        'files:write',
        'channels:read',
        'groups:read',
      ]),
    );
  });
});
