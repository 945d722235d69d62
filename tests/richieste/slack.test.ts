// One path end to end through the real Slack adapter (Bolt, signed HTTP requests) against the Web
// API stand-in: /richiesta opens a modal (views.open), the submission opens the request, each
// coordinator gets a DM with «Prendo in carico», the press takes it and the referent is told.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBlocks, slackTestApp, type SlackTestApp } from '../support/slack.js';

type Element = { type: string; text?: { text: string }; action_id?: string; value?: string };

describe('a request through the real Slack adapter', () => {
  let s: SlackTestApp;
  beforeAll(async () => {
    s = await slackTestApp();
  });
  afterAll(async () => {
    await s.close();
  });

  const postsTo = (user: string) => s.api.callsTo('chat.postMessage').filter((c) => c.args.channel === user);
  const buttonIn = (user: string, label: string) =>
    postsTo(user)
      .flatMap((c) => (c.args.blocks as { type: string; elements?: Element[] }[]).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : [])))
      .filter((e) => e.text?.text === label)
      .at(-1);

  it('opens the modal, records the submission, tells the coordinators, and the press takes it in charge', async () => {
    const res = await s.sender.command({ command: '/richiesta', user: 'U0MARIA', channel: 'D0MARIA', triggerId: '123.456.trigger' });
    expect(res.status).toBe(200);
    await s.settle();
    const [opened] = s.api.callsTo('views.open');
    expect(opened!.args.trigger_id).toBe('123.456.trigger');
    const view = opened!.args.view as { callback_id: string; private_metadata: string; title: { text: string }; blocks: { block_id: string }[] };
    expect(view.callback_id).toBe('richiesta.nuova');
    expect(view.title.text).toBe('Richiesta ad ANCI');
    expect(view.blocks.map((b) => b.block_id)).toEqual(['kind', 'need', 'due']);

    const submitted = await s.sender.interaction(
      s.sender.viewSubmission({
        user: 'U0MARIA',
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        values: {
          kind: { kind: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'formazione' }, value: 'formazione' } } },
          need: { need: { type: 'plain_text_input', value: 'Formazione sulla mediazione <per gli sportelli> & i servizi' } },
          due: { due: { type: 'datepicker', selected_date: null } },
        },
      }),
    );
    expect(submitted.status).toBe(200);
    await s.settle();
    const request = await s.t.db.prisma.supportRequest.findFirstOrThrow();
    expect(request).toMatchObject({ kind: 'formazione', state: 'nuova', need: 'Formazione sulla mediazione <per gli sportelli> & i servizi', dueBy: null });
    expect(readBlocks(postsTo('U0MARIA').at(-1)!.args.blocks)).toContain('Richiesta inviata ad ANCI Lombardia (n. 1)');

    // Both coordinators, by DM on Slack (the platform connected), with the buttons.
    for (const coordinator of ['U0COORD1', 'U0COORD2']) {
      const note = readBlocks(postsTo(coordinator).at(-1)!.args.blocks);
      expect(note).toContain('Nuova richiesta di supporto');
      // Slack mrkdwn: what the referent typed is escaped, so it reads as typed.
      expect(note).toContain('Cosa serve: Formazione sulla mediazione &lt;per gli sportelli&gt; &amp; i servizi');
      expect(note).toContain('[Prendo in carico] [Vedi rete]');
    }

    const button = buttonIn('U0COORD2', 'Prendo in carico')!;
    const pressed = await s.sender.interaction(
      s.sender.blockActions({ user: 'U0COORD2', channel: 'D0COORD2', actionId: button.action_id!, ...(button.value ? { value: button.value } : {}) }),
    );
    expect(pressed.status).toBe(200);
    await s.settle();
    expect(await s.t.db.prisma.supportRequest.findFirstOrThrow()).toMatchObject({ state: 'presa_in_carico' });
    expect(readBlocks(postsTo('U0COORD2').at(-1)!.args.blocks)).toContain('Fatto: hai preso in carico la richiesta n. 1.');
    expect(readBlocks(postsTo('U0MARIA').at(-1)!.args.blocks)).toContain('è stata presa in carico da *Giulia Ferri* di ANCI Lombardia.');
  });
});
