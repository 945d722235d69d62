// The persisted step-by-step dialogue engine. A conversation is { flow, version, step, rev, state }
// in the database, written in the same transaction as the input that moved it, so a restart or
// another replica continues exactly where the person was. Each flow validates its state with zod
// and versions it; a stored conversation of an older version is upgraded or closed politely.
// Buttons carry the conversation id and its revision, so a press on an old question is recognised.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Tx } from '../db/client.js';
import type { Context, ConversationRouter } from '../bus/types.js';
import { enqueue } from '../outbox/enqueue.js';
import { asMessage, type Address, type Button, type OutMessage } from '../platform/port.js';
import type { Services } from '../services.js';
import { itConversation as t } from './texts.js';

export type Input = { text: string } | { action: string; value: string };

/** What prompts are built from: no event needed (jobs start conversations too). */
export interface FlowEnv {
  tx: Tx;
  now: Date;
  clock: Clock;
  services: Services;
}

export interface ConversationRef<S> {
  id: number;
  personId: number;
  step: string;
  rev: number;
  state: S;
}

type Say = OutMessage | string;

export type Transition<S> =
  /** Move to a step (possibly the same) with a new state, then prompt it. `inPlace`: edit the
   *  message whose button was pressed instead of sending a new one (multiple-choice toggles). */
  | { to: 'step'; step: string; state: S; say?: Say[]; inPlace?: boolean }
  /** Invalid input: nothing stored; explain and ask the same question again (`brief`: only explain,
   *  the question is still on screen — a summary is not sent again in full for one wrong word). */
  | { to: 'retry'; say: Say; brief?: boolean }
  /** Keep everything and stop asking; the flow's own command resumes it. */
  | { to: 'pause'; state?: S; say?: Say[] }
  /** Finished. */
  | { to: 'done'; state?: S; say?: Say[] };

export interface Flow<S = any> {
  id: string;
  version: number;
  state: z.ZodType<S>;
  /** The message asking for `step`. Buttons come from `button()` so presses find their way back. */
  prompt(env: FlowEnv, conv: ConversationRef<S>): Promise<OutMessage> | OutMessage;
  handle(ctx: Context, conv: ConversationRef<S>, input: Input): Promise<Transition<S>>;
  /** Where a paused conversation stands, for the person who comes back without resuming it. */
  pausedNote?(state: S, step: string): string | null;
  /** A state stored by an older version: upgrade it, or null to close the conversation. */
  upgrade?(state: unknown, fromVersion: number, step: string): { state: S; step: string } | null;
}

export interface StartOptions<S> {
  personId: number;
  /** Where the conversation happens (the person's private chat). */
  address: Address;
  state: S;
  step: string;
  /** Words said before the first question. */
  say?: Say[];
  dedupeKey?: string;
}

export const CONVERSATION_ACTION = 'cv';
/** Marks a paused conversation whose person was told where it stands (dropped when the flow writes its state again). */
const NOTICED = 'pausedNoticed';

/** A button for a conversation step: its value carries conversation id and revision. */
export function button(conv: { id: number; rev: number }, label: string, choice: string, style?: Button['style']): Button {
  return { label, action: CONVERSATION_ACTION, value: `${conv.id}:${conv.rev}:${choice}`, ...(style ? { style } : {}) };
}

function activeKey(address: Address, personId: number): string {
  return `${address.platform}|${address.workspace}|${address.chatId}|${personId}`;
}

export class Conversations implements ConversationRouter {
  private readonly flows = new Map<string, Flow>();

  constructor(flows: Flow[] = []) {
    for (const f of flows) this.register(f);
  }

  register(flow: Flow): void {
    if (this.flows.has(flow.id)) throw new Error(`flow ${flow.id} registered twice`);
    this.flows.set(flow.id, flow);
  }

  private flow(id: string): Flow {
    const f = this.flows.get(id);
    if (!f) throw new Error(`unknown flow ${id}`);
    return f;
  }

  /** Starts a conversation (pausing another active one in the same chat) and asks the first question. */
  async start<S>(env: FlowEnv, flowId: string, opts: StartOptions<S>): Promise<number> {
    const flow = this.flow(flowId);
    const state = flow.state.parse(opts.state);
    const key = activeKey(opts.address, opts.personId);
    const previous = await env.tx.conversation.findUnique({ where: { activeKey: key } });
    const say = [...(opts.say ?? [])];
    if (previous) {
      await env.tx.conversation.update({ where: { id: previous.id }, data: { activeKey: null, status: 'paused' } });
      if (previous.flow !== flowId) say.unshift(t.pausedOther);
    }
    const row = await env.tx.conversation.create({
      data: {
        activeKey: key,
        personId: opts.personId,
        platform: opts.address.platform,
        workspace: opts.address.workspace,
        chatId: opts.address.chatId,
        flow: flowId,
        version: flow.version,
        step: opts.step,
        state: state as object,
      },
    });
    await this.ask(env, flow, { id: row.id, personId: opts.personId, step: opts.step, rev: 0, state }, opts.address, say, opts.dedupeKey);
    return row.id;
  }

  /** Makes a paused conversation active again and repeats its current question. */
  async resume(env: FlowEnv, conversationId: number, say: Say[] = []): Promise<void> {
    const row = await env.tx.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    const flow = this.flow(row.flow);
    const address = { platform: row.platform, workspace: row.workspace, chatId: row.chatId };
    const key = activeKey(address, row.personId);
    const other = await env.tx.conversation.findUnique({ where: { activeKey: key } });
    if (other && other.id !== row.id) await env.tx.conversation.update({ where: { id: other.id }, data: { activeKey: null, status: 'paused' } });
    const rev = row.rev + 1;
    await env.tx.conversation.update({ where: { id: row.id }, data: { activeKey: key, status: 'active', rev } });
    const state = flow.state.parse(row.state);
    await this.ask(env, flow, { id: row.id, personId: row.personId, step: row.step, rev, state }, address, say);
  }

  /** Closes a conversation without a message (e.g. another referent finished the check-in). */
  async close(tx: Tx, conversationId: number, status: 'done' | 'cancelled' = 'cancelled'): Promise<void> {
    await tx.conversation.updateMany({ where: { id: conversationId }, data: { activeKey: null, status } });
  }

  async handleInput(ctx: Context, input: Input): Promise<boolean> {
    let target: { conversationId?: number; rev?: number; choice?: string } = {};
    if ('action' in input) {
      if (input.action !== CONVERSATION_ACTION) return false;
      const m = /^(\d+):(\d+):(.*)$/s.exec(input.value);
      if (!m) return false;
      target = { conversationId: Number(m[1]), rev: Number(m[2]), choice: m[3]! };
    }
    const key = activeKey(ctx.chat, ctx.actor.personId);
    // Lock the row: one input at a time per conversation, across replicas.
    const locked = await ctx.tx.$queryRaw<{ id: number }[]>`SELECT id FROM conversation WHERE active_key = ${key} FOR UPDATE`;
    const activeId = locked[0]?.id;
    if (target.conversationId !== undefined && target.conversationId !== activeId) {
      const old = await ctx.tx.conversation.findUnique({ where: { id: target.conversationId } });
      if (!old || old.personId !== ctx.actor.personId) {
        await ctx.reply(t.notYours);
        return true;
      }
      await ctx.reply(old.status === 'done' ? t.alreadyDone : t.notCurrent);
      return true;
    }
    if (activeId === undefined) return false;
    const row = await ctx.tx.conversation.findUniqueOrThrow({ where: { id: activeId } });
    const flow = this.flow(row.flow);
    const address = { platform: row.platform, workspace: row.workspace, chatId: row.chatId };
    let state: unknown = row.state;
    let step = row.step;
    if (row.version !== flow.version) {
      const upgraded = flow.upgrade?.(row.state, row.version, row.step) ?? null;
      if (!upgraded) {
        await this.close(ctx.tx, row.id, 'cancelled');
        await ctx.reply(t.flowChanged);
        return true;
      }
      ({ state, step } = upgraded);
      await ctx.tx.conversation.update({ where: { id: row.id }, data: { version: flow.version, step, state: upgraded.state as object } });
    }
    const conv: ConversationRef<unknown> = { id: row.id, personId: row.personId, step, rev: row.rev, state: flow.state.parse(state) };
    if (target.rev !== undefined && target.rev !== row.rev) {
      await this.ask(ctx, flow, conv, address, [t.notCurrent]);
      return true;
    }
    const transition = await flow.handle(ctx, conv, target.choice !== undefined ? { action: 'choice', value: target.choice } : input);
    await this.apply(ctx, flow, conv, address, transition);
    return true;
  }

  private async apply(ctx: Context, flow: Flow, conv: ConversationRef<unknown>, address: Address, tr: Transition<unknown>): Promise<void> {
    const tx = ctx.tx;
    switch (tr.to) {
      case 'retry':
        if (tr.brief) await this.say(tx, address, [tr.say], `cv:${conv.id}:${conv.rev}:${randomUUID()}`);
        else await this.ask(ctx, flow, conv, address, [tr.say]);
        return;
      case 'step': {
        const state = flow.state.parse(tr.state);
        const rev = conv.rev + 1;
        await tx.conversation.update({ where: { id: conv.id }, data: { step: tr.step, state: state as object, rev } });
        const next = { ...conv, step: tr.step, state, rev };
        const event = ctx.event;
        if (tr.inPlace && event.type === 'action' && event.messageId && !tr.say?.length) {
          const message = await flow.prompt(ctx, next);
          await enqueue(tx, { delivery: { op: 'update', to: address, messageId: event.messageId, message }, dedupeKey: `cv:${conv.id}:${rev}:edit` });
          return;
        }
        await this.ask(ctx, flow, next, address, tr.say ?? []);
        return;
      }
      case 'pause':
      case 'done': {
        const state = tr.state === undefined ? conv.state : flow.state.parse(tr.state);
        await tx.conversation.update({
          where: { id: conv.id },
          data: { activeKey: null, status: tr.to === 'pause' ? 'paused' : 'done', state: state as object, rev: conv.rev + 1 },
        });
        await this.say(tx, address, tr.say ?? [], `cv:${conv.id}:${conv.rev + 1}`);
        return;
      }
    }
  }

  private async say(tx: Tx, address: Address, messages: Say[], keyPrefix: string): Promise<void> {
    await enqueue(
      tx,
      messages.map((m, i) => ({ delivery: { op: 'send' as const, to: address, message: asMessage(m) }, dedupeKey: `${keyPrefix}:say${i}` })),
    );
  }

  private async ask(env: FlowEnv, flow: Flow, conv: ConversationRef<unknown>, address: Address, say: Say[], dedupeKey?: string): Promise<void> {
    const prompt = await flow.prompt(env, conv);
    const prefix = dedupeKey ?? `cv:${conv.id}:${conv.rev}:${randomUUID()}`;
    // Short remarks ("that is not a number") travel in the same message as the question.
    const lead = say.filter((m): m is string => typeof m === 'string');
    const separate = say.filter((m): m is OutMessage => typeof m !== 'string');
    const merged: OutMessage = lead.length
      ? {
          text: `${lead.join('\n')}\n${prompt.text}`,
          blocks: [...lead.map((text) => ({ type: 'text' as const, text })), ...(prompt.blocks ?? [{ type: 'text' as const, text: prompt.text }])],
        }
      : prompt;
    await this.say(env.tx, address, [...separate, merged], prefix);
  }

  /**
   * Where the person's most recent paused conversation stands (paused in the last week, of a flow
   * that can say so), once: the conversation is marked so that the next message is answered as usual.
   * Resuming and pausing again rewrites the state, so a new pause is told again.
   */
  async pausedNotice(tx: Tx, personId: number, now: Date): Promise<string | null> {
    const since = new Date(now.getTime() - 7 * 24 * 3600_000);
    const rows = await tx.conversation.findMany({ where: { personId, status: 'paused', updatedAt: { gte: since } }, orderBy: { updatedAt: 'desc' }, take: 5 });
    for (const row of rows) {
      const flow = this.flows.get(row.flow);
      const raw = row.state as Record<string, unknown> | null;
      if (!flow?.pausedNote || row.version !== flow.version || !raw || raw[NOTICED] === true) continue;
      const parsed = flow.state.safeParse(raw);
      if (!parsed.success) continue;
      const note = flow.pausedNote(parsed.data, row.step);
      if (!note) continue;
      await tx.conversation.update({ where: { id: row.id }, data: { state: { ...raw, [NOTICED]: true } } });
      return note;
    }
    return null;
  }

  /** The conversation a person is having in a chat right now, if any. */
  async active(tx: Tx, address: Address, personId: number) {
    return tx.conversation.findUnique({ where: { activeKey: activeKey(address, personId) } });
  }

  /** Conversations of a flow for a person (most recent first). */
  async find(tx: Tx, personId: number, flowId: string, statuses: string[] = ['active', 'paused']) {
    return tx.conversation.findMany({ where: { personId, flow: flowId, status: { in: statuses } }, orderBy: { updatedAt: 'desc' } });
  }
}
