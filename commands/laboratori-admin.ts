import { z } from 'zod';
import { defineSubcommand, type CommandSpec, type Context, type SubcommandSpec } from '../src/bus/types.js';
import { startNewLab } from '../src/capabilities/labs/chat.js';
import { patchFor } from '../src/capabilities/labs/edit-fields.js';
import { editFormFor, ensureCoordinator, inputFromForm, labFormErrors, labFormSpec } from '../src/capabilities/labs/forms.js';
import { cancelLab, createLab, updateLab, type Updated } from '../src/capabilities/labs/manage.js';
import { signupsText } from '../src/capabilities/labs/render.js';
import { findLab, signupNames } from '../src/capabilities/labs/repository.js';
import { itLabs } from '../src/capabilities/labs/texts.js';

// The coordinators' side of /laboratori: nuovo (native form or guided conversation), modifica,
// annulla, iscritti; and the native form submissions.

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
    // A native form where the platform has them; elsewhere a guided conversation.
    if (await ctx.openForm(labFormSpec())) return;
    await startNewLab(ctx);
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
    const lab = await findLab(ctx.tx, id);
    if (!field) {
      if (await ctx.openForm(await editFormFor(ctx.tx, lab))) return;
      return ctx.reply(t.editUsage);
    }
    const res = await updateLab(ctx.tx, ctx.now, id, patchFor(field, rest.join(' '), lab));
    await ctx.reply(updatedReply(id, res));
  },
});

const annulla = defineSubcommand({
  description: 'Annulla un laboratorio (avvisa canali e iscritti)',
  usage: '/laboratori annulla N [motivo]',
  access: 'coordinatore',
  args: z.tuple([labId], z.string()),
  async handler(ctx, [id, ...reason]) {
    const res = await cancelLab(ctx.tx, ctx.now, id, reason.join(' '));
    await ctx.reply(t.cancelled(id, res.notified));
  },
});

const iscritti = defineSubcommand({
  description: 'Elenca iscritti e lista d’attesa di un laboratorio',
  usage: '/laboratori iscritti N',
  access: 'coordinatore',
  args: z.tuple([labId], z.string()),
  async handler(ctx, [id]) {
    const lab = await findLab(ctx.tx, id);
    await ctx.reply(signupsText(lab, await signupNames(ctx.tx, id)));
  },
});

export const adminSubcommands: Record<string, SubcommandSpec<any>> = { nuovo, modifica, annulla, iscritti };

async function submitNew(ctx: Context, values: Record<string, string | string[]>): Promise<void> {
  ensureCoordinator(ctx.actor);
  const { lab, channels } = await createLab(ctx.tx, ctx.now, inputFromForm(values), { createdById: ctx.actor.personId });
  await ctx.reply(t.created(lab.id, channels));
}

async function submitEdit(ctx: Context, values: Record<string, string | string[]>, context: string): Promise<void> {
  ensureCoordinator(ctx.actor);
  const id = labId.parse(context);
  const res = await updateLab(ctx.tx, ctx.now, id, inputFromForm(values));
  await ctx.reply(updatedReply(id, res));
}

/** Native form submissions ("laboratori.nuovo", "laboratori.modifica"). */
export const adminForms: NonNullable<CommandSpec['forms']> = { nuovo: submitNew, modifica: submitEdit };

/** The modals' fields checked before they are recorded: Slack shows each message under its field. */
export const adminFormChecks: NonNullable<CommandSpec['formChecks']> = {
  nuovo: async (ctx, values) => (ctx.actor.coordinator ? labFormErrors(ctx.tx, ctx.now, values) : null),
  modifica: async (ctx, values) => (ctx.actor.coordinator ? labFormErrors(ctx.tx, ctx.now, values) : null),
};
