// The two ways a referent asks ANCI for support with /richiesta: a Slack modal, and elsewhere a
// guided conversation asking one thing at a time (kind, what is needed, by when), each answer
// validated with an Italian explanation and the same question asked again. Both end in
// openRequest, so the rules and the answers are the same.
import { DateTime } from 'luxon';
import type { Context } from '../../bus/types.js';
import { formFlow, type FieldSpec, type FormState } from '../../conversation/form.js';
import { AppError } from '../../errors.js';
import type { FormSpec, OutMessage } from '../../platform/port.js';
import { ZONE } from '../../time.js';
import { findKind, KIND_CODES, SUPPORT_KINDS } from './kinds.js';
import type { NetworkRef, OpenInput } from './model.js';
import { reachOf } from './chat.js';
import { personName } from './repository.js';
import { openRequest, type OpenOutcome } from './requests.js';
import { itRichieste } from './texts.js';

const t = itRichieste.form;
const f = itRichieste.fields;

export const REQUEST_FLOW = 'richieste-nuova';
export const REQUEST_FORM = 'richiesta.nuova';
export const MAX_NEED = 1000;

export const requestFields: FieldSpec[] = [
  { key: 'kind', label: f.kind, type: 'choice', required: true, options: SUPPORT_KINDS.map((k) => ({ code: k.code, label: k.label })) },
  { key: 'need', label: f.need, help: f.needHelp, type: 'text', required: true, maxLength: MAX_NEED },
  { key: 'due', label: f.due, help: f.dueHelp, type: 'date', required: false, future: true },
];

/** May this person open a request for this network (a referent of it, or a coordinator)? */
export function ensureMayOpen(ctx: Context, networkId: number, code: string): void {
  const referent = ctx.actor.memberships.some((m) => m.networkId === networkId && m.role === 'referente');
  if (!referent && !ctx.actor.coordinator) throw new AppError('forbidden', itRichieste.refuse.notReferentOf(code));
}

/** What the person reads once the request is sent (or added to the open one). */
export async function openedReply(ctx: Context, network: NetworkRef, res: OpenOutcome): Promise<string> {
  const r = res.request;
  if (res.created) return t.sent(r, network);
  return t.merged(r, network, await personName(ctx.tx, r.assigneeId));
}

export const requestFlow = formFlow({
  id: REQUEST_FLOW,
  version: 1,
  resumeCommand: '/richiesta',
  summaryIntro: (state) => t.summaryIntro(state.subject as unknown as NetworkRef),
  async confirm(ctx, state) {
    const network = state.subject as unknown as NetworkRef;
    ensureMayOpen(ctx, network.id, network.code);
    const kind = state.answers.kind;
    const need = state.answers.need;
    const due = state.answers.due;
    const input: OpenInput = {
      networkId: network.id,
      kind: kind && 'choices' in kind ? kind.choices[0]! : '',
      need: need && 'text' in need ? need.text : '',
      dueBy: due && 'date' in due ? new Date(due.date) : null,
      source: 'comando',
      personId: ctx.actor.personId,
    };
    const res = await openRequest(ctx.tx, ctx.now, input, reachOf(ctx));
    return [await openedReply(ctx, network, res)];
  },
});

export function newRequestState(network: NetworkRef): FormState {
  return { title: t.guidedTitle(network), fields: requestFields, answers: {}, index: 0, fromSummary: false, subject: { ...network } };
}

/** The Slack modal. */
export function requestFormSpec(network: NetworkRef): FormSpec {
  return {
    form: REQUEST_FORM,
    title: t.modalTitle,
    submitLabel: t.modalSubmit,
    context: String(network.id),
    fields: [
      { key: 'kind', label: f.kind, kind: 'select', options: SUPPORT_KINDS.map((k) => ({ value: k.code, label: k.label })) },
      { key: 'need', label: f.need, kind: 'multiline', placeholder: f.needHelp },
      { key: 'due', label: f.dueModal, kind: 'date', optional: true },
    ],
  };
}

/** A submitted modal, validated: kind, what is needed, by when (a day after today, Europe/Rome). */
export function parseRequestForm(values: Record<string, string>, now: Date): Pick<OpenInput, 'kind' | 'need' | 'dueBy'> {
  const kind = KIND_CODES.includes(values.kind ?? '') ? values.kind! : findKind(values.kind ?? '')?.code;
  if (!kind) throw new AppError('invalid_input', t.invalid.kind);
  const need = (values.need ?? '').trim();
  if (!need) throw new AppError('invalid_input', t.invalid.needMissing);
  if (need.length > MAX_NEED) throw new AppError('invalid_input', t.invalid.needTooLong(MAX_NEED));
  const dueText = (values.due ?? '').trim();
  let dueBy: Date | null = null;
  if (dueText) {
    const day = DateTime.fromISO(dueText, { zone: ZONE });
    if (!day.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(dueText)) throw new AppError('invalid_input', t.invalid.due);
    if (day.startOf('day') <= DateTime.fromJSDate(now, { zone: ZONE }).startOf('day')) throw new AppError('invalid_input', t.invalid.duePast);
    dueBy = day.startOf('day').toJSDate();
  }
  return { kind, need, dueBy };
}

export type Reply = OutMessage | string;
