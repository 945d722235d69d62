// One path end to end through the real Slack adapter (Bolt, signed HTTP requests) against the Web
// API stand-in: /scheda modifica obiettivo opens a modal (views.open) with what the scheda holds,
// the submission is stored with its history and answered in the DM.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBlocks, slackTestApp, type SlackTestApp } from '../support/slack.js';

describe('a scheda section through the real Slack adapter', () => {
  let s: SlackTestApp;
  beforeAll(async () => {
    s = await slackTestApp();
  });
  afterAll(async () => {
    await s.close();
  });

  it('opens the modal, stores the submission and answers', async () => {
    const res = await s.sender.command({ command: '/scheda', text: 'modifica obiettivo', user: 'U0MARIA', channel: 'D0MARIA', triggerId: '321.654.trigger' });
    expect(res.status).toBe(200);
    await s.settle();
    const [opened] = s.api.callsTo('views.open');
    expect(opened!.args.trigger_id).toBe('321.654.trigger');
    const view = opened!.args.view as { callback_id: string; private_metadata: string; title: { text: string }; blocks: { block_id: string }[] };
    expect(view.callback_id).toBe('scheda.sezione');
    expect(view.title.text).toBe('Scheda della rete');
    expect(view.blocks.map((b) => b.block_id)).toEqual(['objective', 'needs']);

    const submitted = await s.sender.interaction(
      s.sender.viewSubmission({
        user: 'U0MARIA',
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        values: {
          objective: { objective: { type: 'plain_text_input', value: 'Famiglie straniere <più> presenti nei servizi & nelle scuole' } },
          needs: { needs: { type: 'plain_text_input', value: 'Servizi poco conosciuti' } },
        },
      }),
    );
    expect(submitted.status).toBe(200);
    await s.settle();
    const bg01 = await s.t.db.prisma.network.findUniqueOrThrow({ where: { code: 'BG01' } });
    expect(await s.t.db.prisma.scheda.findUniqueOrThrow({ where: { networkId: bg01.id } })).toMatchObject({
      objective: 'Famiglie straniere <più> presenti nei servizi & nelle scuole',
      needs: 'Servizi poco conosciuti',
      version: 1,
    });
    const change = await s.t.db.prisma.schedaChange.findFirstOrThrow();
    expect(change).toMatchObject({ source: 'modulo', section: 'obiettivo', summary: 'obiettivo di cambiamento e bisogni aggiornati' });
    const reply = s.api
      .callsTo('chat.postMessage')
      .filter((c) => c.args.channel === 'U0MARIA')
      .at(-1)!;
    expect(readBlocks(reply.args.blocks)).toContain('Fatto: obiettivo di cambiamento e bisogni aggiornati nella scheda di Rete Bergamo Ovest (BG01).');
  });
});
