// Socket Mode (SLACK_APP_TOKEN): the adapter opens a WebSocket from apps.connections.open,
// serves no HTTP route, and acknowledges each envelope only after the event is recorded.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readBlocks, slackTestApp, type SlackTestApp } from '../support/slack.js';

let s: SlackTestApp;

beforeAll(async () => {
  s = await slackTestApp({ socketMode: true });
});
afterAll(async () => {
  await s.close();
});
beforeEach(() => {
  s.api.reset();
});

describe('Socket Mode', () => {
  it('connects with the app-level token and serves no /slack/events route', async () => {
    expect(s.api.socketMode.connections).toBe(1);
    expect(s.adapter.healthy()).toBe(true);
    expect(s.adapter.httpRoutes?.() ?? []).toEqual([]);
    const res = await s.sender.command({ command: '/rete', user: 'U0MARIA', channel: 'C0BG01' });
    expect(res.status).toBe(404);
  });

  it('acknowledges a slash command once it is recorded, then answers it', async () => {
    const before = await s.inboundCount();
    const id = s.api.socketMode.push('slash_commands', s.sender.commandPayload({ command: '/rete', user: 'U0MARIA', channel: 'C0BG01' }));
    const ack = await s.api.socketMode.ackOf(id);
    expect(ack).toBeDefined();
    expect(ack!.payload ?? {}).toEqual({});
    expect(await s.inboundCount()).toBe(before + 1);
    await s.settle();
    const [answer] = s.api.callsTo('chat.postEphemeral');
    expect(answer!.args).toMatchObject({ channel: 'C0BG01', user: 'U0MARIA' });
    expect(readBlocks(answer!.args.blocks)).toContain('*Rete Bergamo Ovest* (BG01)');
  });

  it('handles an Events API envelope once, even when Slack sends it again', async () => {
    const envelope = s.sender.messageIm({ user: 'U0MARIA', text: 'ciao', eventId: 'Ev0SOCKET1' });
    const first = s.api.socketMode.push('events_api', envelope);
    expect(await s.api.socketMode.ackOf(first)).toBeDefined();
    const again = s.api.socketMode.push('events_api', envelope, { retryAttempt: 1 });
    expect(await s.api.socketMode.ackOf(again)).toBeDefined();
    await s.settle();
    expect(await s.t.db.prisma.inboundEvent.count({ where: { externalId: 'ev:Ev0SOCKET1' } })).toBe(1);
    const posts = s.api.callsTo('chat.postMessage');
    expect(posts.map((p) => [p.args.channel, readBlocks(p.args.blocks)])).toEqual([['U0MARIA', 'Non ho capito. Scrivi /aiuto per vedere cosa posso fare.']]);
  });

  it('routes a button press from an interactive envelope', async () => {
    const id = s.api.socketMode.push('interactive', s.sender.blockActions({ user: 'U0MARIA', channel: 'C0BG01', actionId: 'nessuno.pulsante' }));
    expect(await s.api.socketMode.ackOf(id)).toBeDefined();
    await s.settle();
    // No command owns this action: the person is told, only them.
    expect(readBlocks(s.api.callsTo('chat.postEphemeral')[0]!.args.blocks)).toBe('Questo pulsante non è più attivo.');
  });

  it('does not acknowledge an event it could not record (Slack sends it again); a command gets an Italian apology', async () => {
    await s.t.app.inbox.stop();
    const before = await s.inboundCount();
    const event = s.api.socketMode.push('events_api', s.sender.messageIm({ user: 'U0MARIA', text: 'ciao' }));
    expect(await s.api.socketMode.ackOf(event, 800)).toBeUndefined();
    const command = s.api.socketMode.push('slash_commands', s.sender.commandPayload({ command: '/aiuto', user: 'U0MARIA', channel: 'C0BG01' }));
    const ack = await s.api.socketMode.ackOf(command);
    expect(ack!.payload).toEqual({ response_type: 'ephemeral', text: 'Non sono riuscito a registrare la richiesta: riprova tra qualche istante.' });
    expect(await s.inboundCount()).toBe(before);
  });
});
