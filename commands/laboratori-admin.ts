import { z } from 'zod';
import { defineSubcommand, type CommandSpec, type Context, type SubcommandSpec } from '../src/bus/types.js';
import { newForm } from '../src/conversation/form.js';
import { editFormFor, ensureCoordinator, guidedFields, inputFromForm, labFormSpec, NEW_LAB_FLOW } from '../src/capabilities/labs/forms.js';
import { patchFor } from '../src/capabilities/labs/edit-fields.js';
import { itLabs } from '../src/capabilities/labs/texts.js';
import type { Updated } from '../src/capabilities/labs/manage.js';

// The coordinators' side of /laboratori: nuovo (Slack modal or guided conversation), modifica,
// annulla, iscritti; and the Slack modal submissions.

const t = itLabs.admin;

/** "3", "n.3", "#3". */
export const labId = z
  .string({ message: itLabs.refuse.badId })
  .regex(/^(?:n\.?\s*|#)?\d{1,9}$/i, itLabs.refuse.badId)
  .transform((s) => Number(s.replace(/\D/g, '')))
  .refine((n) => n > 0, itLabs.refuse.badId);

const nuovo = defineSubcommand({
  description: 'Crea un laboratorio e lo annuncia nei canali delle reti',
  usage: '/laboratori nuovo',
  access: 'coordinatore',
  async handler(ctx) {
    if (await ctx.openForm(labFormSpec())) return;
    if (ctx.chat.kind !== 'private') return ctx.reply(t.newInPrivate(ctx.privateChatLink('laboratori')));
    const conversations = ctx.services.conversations;
    const [current] = await conversations.find(ctx.tx, ctx.actor.personId, NEW_LAB_FLOW);
    if (current) return conversations.resume(ctx, current.id);
    await conversations.start(ctx, NEW_LAB_FLOW, {
      personId: ctx.actor.personId,
      address: ctx.chat,
      state: newForm(t.guidedTitle, guidedFields),
      step: 'ask',
    });
  },
});

function updatedReply(id: number, res: Updated): string {
  return res.changed.length ? t.updated(id, res.changed, res.notified) : t.unchanged(id);
}

const modifica = defineSubcommand({
  description: 'Modifica un laboratorio (avvisa canali e iscritti)',
  usage: '/laboratori modifica N CAMPO VALORE',
  access: 'coordinatore',
  args: z.tuple([labId], z.string()),
  async handler(ctx, [id, field, ...rest]) {
    const lab = await ctx.services.labs.get(ctx.tx, id);
    if (!field) {
      if (await ctx.openForm(await editFormFor(ctx.tx, lab))) return;
      return ctx.reply(t.editUsage);
    }
    const res = await ctx.services.labs.update(ctx.tx, ctx.now, id, patchFor(field, rest.join(' '), lab));
    await ctx.reply(updatedReply(id, res));
  },
});

const annulla = defineSubcommand({
  description: 'Annulla un laboratorio (avvisa canali e iscritti)',
  usage: '/laboratori annulla N [motivo]',
  access: 'coordinatore',
  args: z.tuple([labId], z.string()),
  async handler(ctx, [id, ...reason]) {
    const res = await ctx.services.labs.cancel(ctx.tx, ctx.now, id, reason.join(' '));
    await ctx.reply(t.cancelled(id, res.notified));
  },
});

const iscritti = defineSubcommand({
  description: 'Elenca iscritti e lista d’attesa di un laboratorio',
  usage: '/laboratori iscritti N',
  access: 'coordinatore',
  args: z.tuple([labId], z.string()),
  async handler(ctx, [id]) {
    const lab = await ctx.services.labs.get(ctx.tx, id);
    const signups = await ctx.tx.labSignup.findMany({
      where: { labId: id, status: { in: ['confirmed', 'waiting'] } },
      include: { person: { select: { name: true } } },
      orderBy: { position: 'asc' },
    });
    const names = (status: string) => signups.filter((s) => s.status === status).map((s) => s.person.name);
    await ctx.reply([t.signupsTitle(lab.title, id), t.signupsConfirmed(names('confirmed'), lab.capacity), t.signupsWaiting(names('waiting'))].join('\n'));
  },
});

export const adminSubcommands: Record<string, SubcommandSpec<any>> = { nuovo, modifica, annulla, iscritti };

async function submitNew(ctx: Context, values: Record<string, string | string[]>): Promise<void> {
  ensureCoordinator(ctx);
  const { lab, channels } = await ctx.services.labs.create(ctx.tx, ctx.now, inputFromForm(values), { createdById: ctx.actor.personId });
  await ctx.reply(t.created(lab.id, channels));
}

async function submitEdit(ctx: Context, values: Record<string, string | string[]>, context: string): Promise<void> {
  ensureCoordinator(ctx);
  const id = labId.parse(context);
  const res = await ctx.services.labs.update(ctx.tx, ctx.now, id, inputFromForm(values));
  await ctx.reply(updatedReply(id, res));
}

/** Slack modal submissions ("laboratori.nuovo", "laboratori.modifica"). */
export const adminForms: NonNullable<CommandSpec['forms']> = { nuovo: submitNew, modifica: submitEdit };
