import { z } from 'zod';
import { defineCommand, defineSubcommand } from '../src/bus/types.js';
import { formValue, loadDraft, prefilled, submitOrKeep } from '../src/capabilities/richieste/chat.js';
import { historyOf, parseElement, removeElement, setFrequency } from '../src/capabilities/scheda/changes.js';
import { openSection, pausedSection, schedaNetwork } from '../src/capabilities/scheda/chat.js';
import {
  applySection,
  currentAnswers,
  ensureMayEdit,
  parseModal,
  sectionFields,
  sectionFormSpec,
  subjectFromContext,
} from '../src/capabilities/scheda/chat-forms.js';
import { FREQUENCIES, SECTIONS, type Frequency, type Section } from '../src/capabilities/scheda/model.js';
import { renderScheda } from '../src/capabilities/scheda/render.js';
import { loadScheda } from '../src/capabilities/scheda/repository.js';
import { itScheda as t, sectionButtons } from '../src/capabilities/scheda/texts.js';
import { AppError } from '../src/errors.js';

// /scheda: the network's own project (objective of change, strategies and specific objectives,
// roles, flows), how complete it is and the question that fills each missing step; its history;
// /scheda modifica, section by section (a Slack modal, or a guided conversation elsewhere).

const DRAFT = 'scheda';
const HISTORY_LINES = 30;
const code = z.string().regex(/^[A-Za-z0-9_-]{2,20}$/, 'Il codice della rete è fatto di lettere e cifre (es. BG01).');

const storia = defineSubcommand({
  description: 'Le modifiche della scheda, con chi e quando',
  usage: '/scheda storia [CODICE]',
  args: z.array(code).max(1, 'Indica al massimo il codice della rete.'),
  async handler(ctx, [c]) {
    const n = await schedaNetwork(ctx, c, false);
    const { rows, total } = await historyOf(ctx.tx, n.id, HISTORY_LINES);
    const lines = rows.map((r) => t.history.line(r.at, r.name ?? t.history.config, t.history.sources[r.source] ?? r.source, r.summary));
    if (!lines.length) lines.push(t.history.none);
    if (total > rows.length) lines.push(t.history.more(total - rows.length));
    await ctx.reply({
      text: `${t.history.title(n)}\n${lines.join('\n')}`,
      blocks: [
        { type: 'header', text: t.history.title(n) },
        { type: 'text', text: lines.join('\n') },
      ],
    });
  },
});

const modifica = defineSubcommand({
  description: 'Modifica la scheda della rete, una sezione alla volta',
  usage: '/scheda modifica [obiettivo|strategia|specifico|ruolo|flusso|O3] [CODICE]',
  args: z.array(z.string()).max(2, 'Indica la sezione e, se serve, il codice della rete: /scheda modifica strategia BG01.'),
  async handler(ctx, tokens) {
    const words = tokens.map((x) => x.toLowerCase());
    const section = words.find((w) => (SECTIONS as readonly string[]).includes(w)) as Section | undefined;
    const element = tokens.find((w) => parseElement(w)?.kind === 'O');
    const rest = tokens.filter((w) => w.toLowerCase() !== section && w !== element);
    if (rest.length > 1 || (rest[0] && !/^[A-Za-z]{2}\d{2,}$/.test(rest[0]))) throw new AppError('invalid_input', t.invalid.section(rest.join(' ')));
    const n = await schedaNetwork(ctx, rest[0], true);
    if (element) {
      const scheda = await loadScheda(ctx.tx, n.id);
      const o = scheda.objectives.find((x) => x.number === parseElement(element)!.number);
      if (!o) throw new AppError('invalid_input', t.invalid.element(element));
      return openSection(ctx, n, 'specifico', o.id);
    }
    if (section) return openSection(ctx, n, section);
    const paused = await pausedSection(ctx, n.id);
    if (paused !== null && !ctx.platform.forms) {
      await ctx.services.conversations.resume(ctx, paused);
      if (ctx.chat.kind === 'group') await ctx.reply(t.form.continuePrivately(ctx.privateChatLink('scheda')));
      return;
    }
    await ctx.reply({
      text: t.form.chooseSection(n),
      blocks: [
        { type: 'text', text: t.form.chooseSection(n) },
        { type: 'buttons', buttons: sectionButtons.map((b) => ({ label: b.label, action: 'scheda.sezione', value: `${n.id}:${b.section}` })) },
      ],
    });
  },
});

const rimuovi = defineSubcommand({
  description: 'Toglie un elemento dalla scheda (S2, O3, R1, F4)',
  usage: '/scheda rimuovi ELEMENTO [CODICE]',
  args: z
    .tuple([z.string({ message: 'Indica l’elemento da togliere, per esempio /scheda rimuovi O3.' })], code)
    .refine((x) => x.length <= 2, 'Indica l’elemento e al massimo il codice della rete.'),
  async handler(ctx, [element, c]) {
    const n = await schedaNetwork(ctx, c, true);
    const summary = await removeElement(ctx.tx, ctx.now, n.id, element, { personId: ctx.actor.personId, source: 'chat' });
    await ctx.reply(t.form.removed(n, summary));
  },
});

const frequenza = defineSubcommand({
  description: 'Ogni quanto il check-in chiede degli obiettivi della rete',
  usage: '/scheda frequenza [settimanale|quindicinale|mensile] [CODICE]',
  args: z.array(z.string()).max(2, 'Indica la frequenza e, se serve, il codice della rete.'),
  async handler(ctx, tokens) {
    const f = tokens.find((x) => (FREQUENCIES as readonly string[]).includes(x.toLowerCase()))?.toLowerCase() as Frequency | undefined;
    const rest = tokens.filter((x) => x.toLowerCase() !== f);
    if (rest.length > 1 || (rest[0] && !/^[A-Za-z]{2}\d{2,}$/.test(rest[0]))) throw new AppError('invalid_input', t.invalid.frequency);
    const n = await schedaNetwork(ctx, rest[0], Boolean(f));
    const scheda = await loadScheda(ctx.tx, n.id);
    if (!f) return ctx.reply(t.form.frequencyNow(n, scheda.frequency));
    if (f !== scheda.frequency) await setFrequency(ctx.tx, ctx.now, n.id, f, { personId: ctx.actor.personId, source: 'chat' });
    await ctx.reply(t.form.frequencySet(n, f));
  },
});

export default defineCommand({
  name: 'scheda',
  description: 'La scheda della rete: obiettivo, strategie, ruoli, flussi',
  usage: '/scheda [CODICE]',
  args: z.array(code).max(1, 'Indica al massimo il codice della rete, per esempio /scheda BG01.'),
  subcommands: { storia, modifica, rimuovi, frequenza },
  async handler(ctx, [c]) {
    const n = await schedaNetwork(ctx, c, false);
    await ctx.reply(renderScheda(await loadScheda(ctx.tx, n.id), ctx.now));
  },
  actions: {
    /** A section chosen under /scheda modifica. */
    async sezione(ctx, value) {
      const m = /^(\d+):(\w+)$/.exec(value);
      const section = m?.[2] as Section | undefined;
      if (!m || !section || !(SECTIONS as readonly string[]).includes(section)) throw new AppError('invalid_input', t.invalid.section(value));
      const network = await ctx.tx.network.findUniqueOrThrow({ where: { id: Number(m[1]) } });
      await openSection(ctx, { id: network.id, code: network.code, name: network.name }, section);
    },
    /** «Correggi» under a refused modal: reopens it with what was typed. */
    async correggi(ctx, context) {
      const parsed = subjectFromContext(context);
      if (!parsed) throw new AppError('invalid_input', t.invalid.section(context));
      const network = await ctx.tx.network.findUniqueOrThrow({ where: { id: parsed.networkId } });
      ensureMayEdit(ctx.actor, network.id, network.code);
      const scheda = await loadScheda(ctx.tx, network.id);
      const subject = { ...parsed, code: network.code, name: network.name };
      const form = sectionFormSpec(subject, await sectionFields(ctx.tx, scheda, parsed.section), currentAnswers(scheda, subject));
      const draft = await loadDraft(ctx, DRAFT);
      if (await ctx.openForm(draft ? prefilled(form, draft.values) : form)) return;
      await ctx.reply(t.form.retryHint);
    },
  },
  forms: {
    async sezione(ctx, values, context) {
      const parsed = subjectFromContext(context);
      if (!parsed) throw new AppError('invalid_input', t.invalid.section(context));
      const network = await ctx.tx.network.findUniqueOrThrow({ where: { id: parsed.networkId } });
      ensureMayEdit(ctx.actor, network.id, network.code);
      const subject = { ...parsed, code: network.code, name: network.name };
      const fields = await sectionFields(ctx.tx, await loadScheda(ctx.tx, network.id), parsed.section);
      const typed = Object.fromEntries(fields.map((f) => [f.key, formValue(values, f.key)]));
      await submitOrKeep(
        ctx,
        { form: DRAFT, values: typed, context, retry: { action: 'scheda.correggi', value: context } },
        () => parseModal(fields, typed, ctx.now),
        async (answers) => {
          const summary = await applySection(ctx.tx, ctx.now, subject, answers, { personId: ctx.actor.personId, source: 'modulo' });
          await ctx.reply(t.form.saved(subject, summary));
        },
      );
    },
  },
});
