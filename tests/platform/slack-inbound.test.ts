// Slack → Reti through the real service: signed requests on POST /slack/events, recorded before
// they are acknowledged, handled by the core, answered through the Slack Web API stand-in.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commandsWithProva } from '../support/prova-command.js';
import { readBlocks, slackTestApp, type SlackTestApp } from '../support/slack.js';

let s: SlackTestApp;

beforeAll(async () => {
  s = await slackTestApp({ commands: commandsWithProva });
});
afterAll(async () => {
  await s.close();
});
beforeEach(() => {
  s.api.reset();
});

const fiveMinutesAndABitAgo = () => Math.floor(Date.now() / 1000) - 5 * 60 - 10;

describe('signature verification', () => {
  const cases: [string, Parameters<SlackTestApp['sender']['command']>[1]][] = [
    ['unsigned', { signed: false }],
    ['signed with another secret', { secret: 'not-the-signing-secret' }],
    ['stale (more than 5 minutes old)', { timestamp: fiveMinutesAndABitAgo() }],
  ];
  for (const [what, signing] of cases) {
    it(`refuses a ${what} request with 401 and records nothing`, async () => {
      const before = await s.inboundCount();
      const res = await s.sender.command({ command: '/rete', user: 'U0MARIA', channel: 'C0BG01' }, signing);
      expect(res.status).toBe(401);
      expect(await s.inboundCount()).toBe(before);
      await s.settle();
      expect(s.api.calls.filter((c) => c.method.startsWith('chat.'))).toEqual([]);
    });
  }

  it('refuses a forged Events API callback too', async () => {
    const before = await s.inboundCount();
    const res = await s.sender.event(s.sender.messageIm({ user: 'U0MARIA', text: 'ciao' }), { secret: 'forged' });
    expect(res.status).toBe(401);
    expect(await s.inboundCount()).toBe(before);
  });

  it('answers url_verification with the challenge (signed), and refuses it unsigned', async () => {
    const body = { token: 'x', challenge: 'sfida-3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P', type: 'url_verification' };
    const ok = await s.sender.event(body);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text)).toEqual({ challenge: body.challenge });
    expect((await s.sender.event(body, { signed: false })).status).toBe(401);
  });
});

describe('slash commands', () => {
  it('answers /rete in C0BG01 only to the person who asked, naming the network', async () => {
    const res = await s.sender.command({ command: '/rete', user: 'U0MARIA', channel: 'C0BG01' });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(await s.settle()).toBe(1);
    const [call, ...others] = s.api.callsTo('chat.postEphemeral');
    expect(others).toEqual([]);
    expect(call!.args).toMatchObject({ channel: 'C0BG01', user: 'U0MARIA', text: 'Rete Bergamo Ovest (BG01)' });
    expect(readBlocks(call!.args.blocks)).toBe(
      '*Rete Bergamo Ovest* (BG01) · Bergamo\n' +
        'Temi: lavoro, scuola, lingua italiana\nReferenti: Ahmed Benali, Maria Rossi\n3 persone · 3 partner · 2 canali collegati',
    );
    expect(s.api.callsTo('chat.postMessage')).toEqual([]);
  });

  it('records the command before acknowledging it', async () => {
    const before = await s.inboundCount();
    const res = await s.sender.command({ command: '/aiuto', user: 'U0MARIA', channel: 'C0BG01' });
    expect(res.status).toBe(200);
    // The answer to Slack left after the row was written, not after the handler ran.
    const row = await s.t.db.prisma.inboundEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(await s.inboundCount()).toBe(before + 1);
    expect(row.payload).toMatchObject({ type: 'command', command: 'aiuto', chat: { chatId: 'C0BG01', kind: 'group', workspace: 'T0EXAMPLE' } });
    await s.settle();
    expect(readBlocks(s.api.callsTo('chat.postEphemeral')[0]!.args.blocks)).toContain('Comandi di Reti');
  });

  it('refuses /rete collega BG01 from a non-coordinator, in Italian, and changes nothing', async () => {
    await s.sender.command({ command: '/rete', text: 'collega BG01', user: 'U0MARIA', channel: 'C0MI03' });
    await s.settle();
    const [call] = s.api.callsTo('chat.postEphemeral');
    expect(call!.args).toMatchObject({ channel: 'C0MI03', user: 'U0MARIA' });
    expect(readBlocks(call!.args.blocks)).toBe('Questo comando è riservato ai coordinatori di ANCI Lombardia.');
    const channel = await s.t.db.prisma.channel.findFirstOrThrow({ where: { platform: 'slack', chatId: 'C0MI03' }, include: { network: true } });
    expect(channel.network.code).toBe('MI03');
    expect(s.api.callsTo('chat.postMessage')).toEqual([]);
  });

  it('lets the coordinator link a new channel, announced to the whole channel', async () => {
    await s.sender.command({ command: '/rete', text: 'collega BG01', user: 'U0COORD1', channel: 'C0NUOVO', channelName: 'bergamo-scuola' });
    await s.settle();
    const [call] = s.api.callsTo('chat.postMessage');
    expect(call!.args.channel).toBe('C0NUOVO');
    expect(readBlocks(call!.args.blocks)).toBe('Fatto: questo canale ora è collegato a *Rete Bergamo Ovest* (BG01).');
    const channel = await s.t.db.prisma.channel.findFirstOrThrow({ where: { platform: 'slack', chatId: 'C0NUOVO' } });
    expect(channel.title).toBe('bergamo-scuola');
  });

  it('turns a Slack mention into the core mention form: /rete referente BG01 @paolo', async () => {
    await s.sender.command({ command: '/rete', text: 'referente BG01 <@U0PAOLO|paolo.colombo>', user: 'U0COORD1', channel: 'C0BG01' });
    await s.settle();
    const row = await s.t.db.prisma.inboundEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(row.payload).toMatchObject({ text: 'referente BG01 <@U0PAOLO>' });
    expect(readBlocks(s.api.callsTo('chat.postEphemeral')[0]!.args.blocks)).toBe('Paolo Colombo ora è referente della rete BG01.');
  });

  it('names a person never seen before from their Slack profile, asking Slack once', async () => {
    await s.sender.command({ command: '/rete', user: 'U0NUOVA', userName: 'giovanna.neri', channel: 'C0BG01' });
    await s.sender.command({ command: '/aiuto', user: 'U0NUOVA', userName: 'giovanna.neri', channel: 'C0BG01' });
    await s.settle();
    const account = await s.t.db.prisma.account.findFirstOrThrow({ where: { platform: 'slack', externalId: 'U0NUOVA' }, include: { person: true } });
    expect(account.person.name).toBe('Giovanna Neri');
    expect(account.workspace).toBe('T0EXAMPLE');
    expect(s.api.callsTo('users.info').filter((c) => c.args.user === 'U0NUOVA')).toHaveLength(1);
  });
});

describe('Events API', () => {
  it('handles a DM once even when Slack retries it with the same event_id', async () => {
    const envelope = s.sender.messageIm({ user: 'U0MARIA', text: 'buongiorno', eventId: 'Ev0RETRY1' });
    const first = await s.sender.event(envelope);
    const retry = await s.sender.event(envelope, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect([first.status, retry.status]).toEqual([200, 200]);
    await s.settle();
    expect(await s.t.db.prisma.inboundEvent.count({ where: { externalId: 'ev:Ev0RETRY1' } })).toBe(1);
    const posts = s.api.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.args.channel).toBe('U0MARIA');
    expect(readBlocks(posts[0]!.args.blocks)).toBe('Non ho capito. Scrivi /aiuto per vedere cosa posso fare.');
  });

  it('records what the person typed: mentions, links and escaped characters normalised', async () => {
    const text =
      'ciao <@U0PAOLO|paolo> guarda <https://example.org/a?b=1&amp;c=2|example.org> e <mailto:m.villa@example.org|m.villa@example.org> &amp; &lt;nota&gt;';
    await s.sender.event(s.sender.messageIm({ user: 'U0MARIA', text, eventId: 'Ev0TEXT1' }));
    await s.settle();
    const row = await s.t.db.prisma.inboundEvent.findFirstOrThrow({ where: { externalId: 'ev:Ev0TEXT1' } });
    expect(row.payload).toMatchObject({
      type: 'message',
      text: 'ciao <@U0PAOLO> guarda example.org e m.villa@example.org & <nota>',
      chat: { chatId: 'U0MARIA', kind: 'private' },
      actor: { userId: 'U0MARIA', displayName: 'Maria Rossi', username: 'maria.rossi' },
    });
  });

  it('ignores messages from bots and message edits', async () => {
    const before = await s.inboundCount();
    const bot = s.sender.messageIm({ user: 'U0MARIA', text: 'eco' }) as { event: Record<string, unknown> };
    bot.event.bot_id = 'B0RETI';
    const edit = s.sender.messageIm({ user: 'U0MARIA', text: 'modificato' }) as { event: Record<string, unknown> };
    edit.event.subtype = 'message_changed';
    expect((await s.sender.event(bot)).status).toBe(200);
    expect((await s.sender.event(edit)).status).toBe(200);
    expect(await s.inboundCount()).toBe(before);
  });
});

describe('buttons and modals', () => {
  it('renders buttons with unique action ids and routes a press back to the command action', async () => {
    await s.sender.command({ command: '/prova', text: 'bottoni', user: 'U0MARIA', channel: 'C0BG01' });
    await s.settle();
    const [shown] = s.api.callsTo('chat.postEphemeral');
    const blocks = shown!.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[];
    expect(readBlocks(blocks)).toBe('Laboratori in arrivo\n*Mediazione &amp; scuola* &lt;3 dicembre&gt;\n[Iscrivimi (7)] [Iscrivimi (8)]');
    const buttons = blocks.find((b) => b.type === 'actions')!.elements!;
    expect(buttons.map((b) => [b.action_id, b.value])).toEqual([
      ['prova.iscrivi', 'lab-7'],
      ['prova.iscrivi#2', 'lab-8'],
    ]);

    s.api.reset();
    const res = await s.sender.interaction(
      s.sender.blockActions({ user: 'U0MARIA', channel: 'C0BG01', actionId: buttons[1]!.action_id, value: buttons[1]!.value }),
    );
    expect(res.status).toBe(200);
    await s.settle();
    const row = await s.t.db.prisma.inboundEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(row.payload).toMatchObject({ type: 'action', action: 'prova.iscrivi', value: 'lab-8', messageId: '1764000000.000001' });
    const [announced] = s.api.callsTo('chat.postMessage');
    expect(announced!.args.channel).toBe('C0BG01');
    expect(readBlocks(announced!.args.blocks)).toBe('Iscrizione registrata per Maria Rossi: laboratorio lab-8.');
  });

  it('opens a modal with the trigger of the command, and hands the submission to the form handler', async () => {
    await s.sender.command({ command: '/prova', text: 'modulo', user: 'U0MARIA', channel: 'C0BG01', triggerId: '111.222.trigger' });
    await s.settle();
    const [opened] = s.api.callsTo('views.open');
    expect(opened!.args.trigger_id).toBe('111.222.trigger');
    const view = opened!.args.view as {
      callback_id: string;
      private_metadata: string;
      title: { text: string };
      submit: { text: string };
      close: { text: string };
      blocks: {
        block_id: string;
        optional: boolean;
        label: { text: string };
        element: { type: string; action_id: string; multiline?: boolean; initial_date?: string; options?: { value: string }[] };
      }[];
    };
    expect(view.callback_id).toBe('prova.scheda');
    expect([view.title.text, view.submit.text, view.close.text]).toEqual(['Nuova buona prassi', 'Salva', 'Annulla']);
    expect(view.blocks.map((b) => [b.label.text, b.element.type, b.optional])).toEqual([
      ['Titolo', 'plain_text_input', false],
      ['Descrizione', 'plain_text_input', true],
      ['Data', 'datepicker', false],
      ['Ora', 'timepicker', false],
      ['Posti', 'plain_text_input', false],
      ['Tema', 'static_select', false],
    ]);
    expect(view.blocks[1]!.element.multiline).toBe(true);
    expect(view.blocks[2]!.element.initial_date).toBe('2026-12-03');
    expect(view.blocks[5]!.element.options!.map((o) => o.value)).toEqual(['lavoro', 'scuola']);

    s.api.reset();
    const res = await s.sender.interaction(
      s.sender.viewSubmission({
        user: 'U0MARIA',
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        values: {
          titolo: { titolo: { type: 'plain_text_input', value: 'Sportello lavoro' } },
          descrizione: { descrizione: { type: 'plain_text_input', value: null } },
          data: { data: { type: 'datepicker', selected_date: '2026-12-03' } },
          ora: { ora: { type: 'timepicker', selected_time: '17:30' } },
          posti: { posti: { type: 'plain_text_input', value: '20' } },
          tema: { tema: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'Lavoro' }, value: 'lavoro' } } },
        },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    await s.settle();
    const row = await s.t.db.prisma.inboundEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(row.payload).toMatchObject({
      type: 'form',
      form: 'prova.scheda',
      context: 'bp:42',
      values: { titolo: 'Sportello lavoro', descrizione: '', data: '2026-12-03', ora: '17:30', posti: '20', tema: 'lavoro' },
      chat: { chatId: 'C0BG01', kind: 'group' },
    });
    const [answer] = s.api.callsTo('chat.postEphemeral');
    expect(answer!.args).toMatchObject({ channel: 'C0BG01', user: 'U0MARIA' });
    expect(readBlocks(answer!.args.blocks)).toBe('Ricevuto «Sportello lavoro» (bp:42): 2026-12-03 alle 17:30, 20 posti, tema lavoro.');
  });
});

describe('when an event cannot be recorded', () => {
  it('tells the person in Italian (slash command) and lets Slack retry (Events API)', async () => {
    await s.adapter.stop();
    try {
      const before = await s.inboundCount();
      const res = await s.sender.command({ command: '/rete', user: 'U0MARIA', channel: 'C0BG01' });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text)).toEqual({ response_type: 'ephemeral', text: 'Non sono riuscito a registrare la richiesta: riprova tra qualche istante.' });
      const event = await s.sender.event(s.sender.messageIm({ user: 'U0MARIA', text: 'ciao' }));
      expect(event.status).toBeGreaterThanOrEqual(500);
      expect(await s.inboundCount()).toBe(before);
    } finally {
      await s.adapter.start(s.t.app.inbox.sink);
    }
    expect(s.adapter.healthy()).toBe(true);
  });
});
