// Helpers of the commands: which network a referent acts for, a guided form that continues in the
// person's private chat, a request id typed or carried by a button, and Slack forms that keep what
// was typed when a value is refused («Correggi» reopens them as they were).
import { z } from 'zod';
import { addressOfActor, type Context } from '../../bus/types.js';
import type { FormState } from '../../conversation/form.js';
import { AppError } from '../../errors.js';
import type { FormSpec } from '../../platform/port.js';
import { networkByCode } from '../networks/directory.js';
import type { Author, NetworkRef } from './model.js';
import { itRichieste as t } from './texts.js';

/** The platforms the bot can write on now (private notices go to an account there). */
export function reachOf(ctx: Context): string[] {
  return ctx.services.platforms.connected();
}

export function authorOf(ctx: Context): Author {
  return { personId: ctx.actor.personId, name: ctx.actor.name };
}

export function ensureCoordinator(ctx: Context, message: string = t.refuse.coordinatorsOnly): void {
  if (!ctx.actor.coordinator) throw new AppError('forbidden', message);
}

/** "12", "n.12", "n. 12", "#12". */
export const idSchema = (message: string) =>
  z
    .string({ message })
    .regex(/^(?:n\.?\s*|#)?\d{1,9}$/i, message)
    .transform((s) => Number(s.replace(/\D/g, '')))
    .refine((n) => n > 0, message);

export function parseId(value: string, message: string): number {
  const parsed = idSchema(message).safeParse(value.trim());
  if (!parsed.success) throw new AppError('invalid_input', message);
  return parsed.data;
}

/** The network a referent (or coordinator) acts for: the code typed, the channel's, or their only one. */
export async function actingNetwork(ctx: Context, code: string | undefined): Promise<NetworkRef> {
  const referentOf = (id: number) => ctx.actor.memberships.some((m) => m.networkId === id && m.role === 'referente');
  if (code) {
    const n = await networkByCode(ctx.tx, code);
    if (!referentOf(n.id) && !ctx.actor.coordinator) throw new AppError('forbidden', t.refuse.notReferentOf(n.code));
    return { id: n.id, code: n.code, name: n.name };
  }
  if (ctx.chat.network && (referentOf(ctx.chat.network.id) || ctx.actor.coordinator)) return ctx.chat.network;
  const own = ctx.actor.memberships.filter((m) => m.role === 'referente');
  if (own.length === 1) return { id: own[0]!.networkId, code: own[0]!.code, name: own[0]!.name };
  if (own.length === 0 && !ctx.actor.coordinator) throw new AppError('forbidden', t.refuse.referentsOnly);
  throw new AppError('invalid_input', t.refuse.chooseNetwork(own.map((m) => m.code)));
}

/**
 * Starts (or resumes, for the same subject) a guided form in the person's private chat. In a group
 * it says so, with a link that opens the private chat where the platform has one.
 */
export async function startPrivateForm(
  ctx: Context,
  opts: { flow: string; state: FormState; intro: string; command: string; sameAs: (s: FormState) => boolean },
) {
  const conversations = ctx.services.conversations;
  const open = await conversations.find(ctx.tx, ctx.actor.personId, opts.flow);
  const same = open.find((c) => opts.sameAs(c.state as FormState));
  for (const c of open) if (c !== same) await conversations.close(ctx.tx, c.id, 'cancelled');
  if (same) await conversations.resume(ctx, same.id);
  else
    await conversations.start(ctx, opts.flow, {
      personId: ctx.actor.personId,
      address: addressOfActor(ctx.actor),
      state: opts.state,
      step: 'ask',
      say: [opts.intro],
    });
  if (ctx.chat.kind === 'group') {
    const link = ctx.privateChatLink(opts.command);
    await ctx.reply(t.form.continuePrivately(link));
  }
}

/** A value of a submitted form, as text. */
export function formValue(values: Record<string, string | string[]>, key: string): string {
  const v = values[key];
  return (Array.isArray(v) ? v.join(', ') : (v ?? '')).trim();
}

/** Keeps what was typed in a refused form, for «Correggi». */
export async function saveDraft(ctx: Context, form: string, values: Record<string, string | string[]>, context: string): Promise<void> {
  const data = { values, context } as object;
  await ctx.tx.richiesteDraft.upsert({
    where: { personId_form: { personId: ctx.actor.personId, form } },
    create: { personId: ctx.actor.personId, form, values: data, updatedAt: ctx.now },
    update: { values: data, updatedAt: ctx.now },
  });
}

export async function loadDraft(ctx: Context, form: string): Promise<{ values: Record<string, string | string[]>; context: string } | null> {
  const row = await ctx.tx.richiesteDraft.findUnique({ where: { personId_form: { personId: ctx.actor.personId, form } } });
  return row ? (row.values as { values: Record<string, string | string[]>; context: string }) : null;
}

export async function dropDraft(ctx: Context, form: string): Promise<void> {
  await ctx.tx.richiesteDraft.deleteMany({ where: { personId: ctx.actor.personId, form } });
}

/** The form with the values typed before as its initial values. */
export function prefilled(form: FormSpec, values: Record<string, string | string[]>): FormSpec {
  return {
    ...form,
    fields: form.fields.map((f) => {
      const v = values[f.key];
      const text = Array.isArray(v) ? v.join(', ') : v;
      return text ? { ...f, initial: text } : f;
    }),
  };
}

/**
 * Runs a form submission: `parse` validates what was typed (nothing written yet); a value refused
 * keeps it and answers with the reason and «Correggi», which reopens the form as it was. Then
 * `apply` does the work (its refusals roll back as usual).
 */
export async function submitOrKeep<T>(
  ctx: Context,
  draft: { form: string; values: Record<string, string | string[]>; context: string; retry: { action: string; value: string } },
  parse: () => T,
  apply: (input: T) => Promise<void>,
): Promise<void> {
  let input: T;
  try {
    input = parse();
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'invalid_input') throw err;
    await saveDraft(ctx, draft.form, draft.values, draft.context);
    await ctx.reply({
      text: err.userMessage,
      blocks: [
        { type: 'text', text: err.userMessage },
        { type: 'context', text: t.form.retryHint },
        { type: 'buttons', buttons: [{ label: t.buttons.retry, action: draft.retry.action, value: draft.retry.value, style: 'primary' }] },
      ],
    });
    return;
  }
  await apply(input);
  await dropDraft(ctx, draft.form);
}
