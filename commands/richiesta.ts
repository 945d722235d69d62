import { z } from 'zod';
import { defineCommand } from '../src/bus/types.js';
import { actingNetwork, formValue, loadDraft, prefilled, reachOf, startPrivateForm, submitOrKeep } from '../src/capabilities/richieste/chat.js';
import type { NetworkRef } from '../src/capabilities/richieste/model.js';
import { networkRef } from '../src/capabilities/richieste/repository.js';
import { ensureMayOpen, newRequestState, openedReply, parseRequestForm, REQUEST_FLOW, requestFormSpec } from '../src/capabilities/richieste/chat-requests.js';
import { openRequest } from '../src/capabilities/richieste/requests.js';
import { itRichieste as t } from '../src/capabilities/richieste/texts.js';
import { AppError } from '../src/errors.js';

// /richiesta: a referent asks ANCI Lombardia for support — kind, what is needed, by when. A Slack
// modal where there are native forms; elsewhere a guided conversation in the private chat, each
// answer checked and the question asked again with the reason when it does not fit.

const FORM_KEY = 'richiesta';
const RETRY_ACTION = 'richiesta.correggi';

export default defineCommand({
  name: 'richiesta',
  description: 'Chiedi un supporto ad ANCI Lombardia per la tua rete (formazione, cabina di regia…)',
  usage: '/richiesta [CODICE]',
  access: 'referente',
  args: z.array(z.string()).max(1, 'Indica al massimo il codice della rete, per esempio /richiesta BG01.'),
  async handler(ctx, [code]) {
    const network = await actingNetwork(ctx, code);
    if (await ctx.openForm(requestFormSpec(network))) return;
    await startPrivateForm(ctx, {
      flow: REQUEST_FLOW,
      state: newRequestState(network),
      intro: t.form.intro(network),
      command: 'richiesta',
      sameAs: (s) => s.subject.id === network.id,
    });
  },
  forms: {
    async nuova(ctx, values, context) {
      const networkId = Number(context);
      if (!Number.isInteger(networkId) || networkId <= 0) throw new AppError('invalid_input', t.form.invalid.kind);
      const network: NetworkRef = await networkRef(ctx.tx, networkId);
      ensureMayOpen(ctx, network.id, network.code);
      const typed = { kind: formValue(values, 'kind'), need: formValue(values, 'need'), due: formValue(values, 'due') };
      await submitOrKeep(
        ctx,
        { form: FORM_KEY, values: typed, context, retry: { action: RETRY_ACTION, value: String(networkId) } },
        () => parseRequestForm(typed, ctx.now),
        async (input) => {
          const res = await openRequest(ctx.tx, ctx.now, { ...input, networkId, source: 'comando', personId: ctx.actor.personId }, reachOf(ctx));
          await ctx.reply(await openedReply(ctx, network, res));
        },
      );
    },
  },
  actions: {
    /** «Correggi» under a refused modal: reopens it with what was typed. */
    async correggi(ctx, value) {
      const network = await networkRef(ctx.tx, Number(value));
      ensureMayOpen(ctx, network.id, network.code);
      const draft = await loadDraft(ctx, FORM_KEY);
      const form = requestFormSpec(network);
      if (await ctx.openForm(draft ? prefilled(form, draft.values) : form)) return;
      await ctx.reply(t.form.retryHint);
    },
  },
});
