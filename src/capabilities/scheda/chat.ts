// The commands' helpers: which network a person means (the code typed, the channel's, or their
// only one), and a guided section that continues in the private chat.
import { addressOfActor, type Context } from '../../bus/types.js';
import type { FormState } from '../../conversation/form.js';
import { newForm } from '../../conversation/form.js';
import { AppError } from '../../errors.js';
import { networkByCode } from '../networks/directory.js';
import { currentAnswers, ensureMayEdit, SCHEDA_FLOW, sectionFields, sectionFormSpec, subjectOf, type SchedaSubject } from './chat-forms.js';
import type { Section } from './model.js';
import { loadScheda } from './repository.js';
import { itScheda as t } from './texts.js';

export interface NetworkRef {
  id: number;
  code: string;
  name: string;
}

/** The network a person means; `edit`: they must be able to change its scheda. */
export async function schedaNetwork(ctx: Context, code: string | undefined, edit: boolean): Promise<NetworkRef> {
  const member = (id: number) => ctx.actor.memberships.some((m) => m.networkId === id && (!edit || m.role === 'referente'));
  const refuse = (c: string) => new AppError('forbidden', edit ? t.refuse.notReferent(c) : t.refuse.notMember(c));
  if (code) {
    const n = await networkByCode(ctx.tx, code);
    if (!member(n.id) && !ctx.actor.coordinator) throw refuse(n.code);
    return { id: n.id, code: n.code, name: n.name };
  }
  if (ctx.chat.network) {
    if (!member(ctx.chat.network.id) && !ctx.actor.coordinator) throw refuse(ctx.chat.network.code);
    return ctx.chat.network;
  }
  const own = ctx.actor.memberships.filter((m) => !edit || m.role === 'referente');
  if (own.length === 1) return { id: own[0]!.networkId, code: own[0]!.code, name: own[0]!.name };
  if (own.length === 0 && edit && ctx.actor.memberships.length) throw refuse(ctx.actor.memberships[0]!.code);
  if (own.length === 0)
    throw new AppError(ctx.actor.coordinator ? 'invalid_input' : 'forbidden', ctx.actor.coordinator ? t.refuse.coordinatorCode : t.refuse.noNetwork);
  throw new AppError('invalid_input', t.refuse.chooseNetwork(own.map((m) => m.code)));
}

/**
 * Opens a section: the Slack modal where there are native forms; elsewhere the guided conversation
 * in the private chat (a paused one for the same network and section resumes where it stopped).
 */
export async function openSection(ctx: Context, network: NetworkRef, section: Section, objectiveId?: number): Promise<void> {
  ensureMayEdit(ctx.actor, network.id, network.code);
  const scheda = await loadScheda(ctx.tx, network.id);
  const subject: SchedaSubject = { networkId: network.id, code: network.code, name: network.name, section, ...(objectiveId ? { objectiveId } : {}) };
  const fields = await sectionFields(ctx.tx, scheda, section);
  const answers = currentAnswers(scheda, subject);
  if (await ctx.openForm(sectionFormSpec(subject, fields, answers))) return;
  const conversations = ctx.services.conversations;
  const open = await conversations.find(ctx.tx, ctx.actor.personId, SCHEDA_FLOW);
  const same = open.find((c) => {
    const s = subjectOf(c.state as FormState);
    return s.networkId === network.id && s.section === section && s.objectiveId === subject.objectiveId;
  });
  for (const c of open) if (c !== same) await conversations.close(ctx.tx, c.id, 'cancelled');
  if (same) await conversations.resume(ctx, same.id);
  else
    await conversations.start(ctx, SCHEDA_FLOW, {
      personId: ctx.actor.personId,
      address: addressOfActor(ctx.actor),
      state: newForm(t.form.title(section, network), fields, { ...subject }, answers),
      step: 'ask',
      say: [t.form.intro(section, network, fields.length)],
    });
  if (ctx.chat.kind === 'group') await ctx.reply(t.form.continuePrivately(ctx.privateChatLink('scheda')));
}

/** A paused guided section of this person, to resume with a bare /scheda modifica. */
export async function pausedSection(ctx: Context, networkId: number): Promise<number | null> {
  const open = await ctx.services.conversations.find(ctx.tx, ctx.actor.personId, SCHEDA_FLOW, ['paused']);
  return open.find((c) => subjectOf(c.state as FormState).networkId === networkId)?.id ?? null;
}
