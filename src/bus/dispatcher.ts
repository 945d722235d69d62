// Routes one recorded inbound event to a command, a button action, a form or the active
import '../i18n/zod-it.js';
// conversation, inside one transaction with everything it writes (data and outbox rows).
// The error boundary: an AppError becomes its Italian message, anything else a generic apology;
// neither is ever rethrown to the platform.
import type { Clock } from '../clock.js';
import type { Db, Tx } from '../db/client.js';
import { AppError, isAppError } from '../errors.js';
import { coreTexts as t } from '../i18n/core-texts.js';
import type { Completion } from '../inbox/inbox.js';
import type { Logger } from '../log.js';
import { enqueue, type OutboxEntry } from '../outbox/enqueue.js';
import { addressOf, asMessage, type FormSpec, type InboundEvent, type OutMessage, type PlatformAdapter, type PlatformCapabilities } from '../platform/port.js';
import type { Services } from '../services.js';
import { lookUp, resolveChatAndActor, type Sighting } from './actors.js';
import { admitted, allowed, forgedIds } from './policy.js';
import { nearest, resolveSubcommand, tokenize, type CommandRegistry } from './registry.js';
import { addressOfActor, type Access, type Context, type ConversationRouter, type ReplyOptions } from './types.js';

export interface DispatcherDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  commands: CommandRegistry;
  adapters: Map<string, PlatformAdapter>;
  services: Services;
  conversations?: ConversationRouter;
}

/** An event from a platform that is not connected (a replayed event after a configuration change). */
const NO_CAPABILITIES: PlatformCapabilities = {
  forms: false,
  ephemeral: false,
  groupDm: false,
  writesFirst: false,
  deepLinks: false,
  usernames: false,
  workspaces: false,
};

export class Dispatcher {
  constructor(private readonly deps: DispatcherDeps) {}

  /** Handles the event; returns normally even when the handler failed (the person was told). */
  async dispatch(event: InboundEvent, complete?: Completion): Promise<void> {
    const log = this.deps.logger.child({ event: event.id, type: event.type, platform: event.platform });
    try {
      await this.deps.db.$transaction(
        async (tx) => {
          await this.route(tx, event);
          await complete?.(tx, { status: 'done' });
        },
        { timeout: 30_000, maxWait: 30_000 },
      );
    } catch (err) {
      // Nothing the handler wrote survived (rollback): tell the person, record the outcome.
      if (isAppError(err)) log.info({ code: err.code }, 'refused');
      else log.error({ err }, 'handler failed');
      const text = isAppError(err) ? err.userMessage : t.error.internal;
      await this.deps.db.$transaction(async (tx) => {
        await enqueue(tx, {
          delivery: this.replyDelivery(event, { text }, { visibility: 'ephemeral' }),
          dedupeKey: `err:${event.platform}:${event.id}`,
        });
        await complete?.(tx, isAppError(err) ? { status: 'done' } : { status: 'failed', error: String(err instanceof Error ? err.stack : err) });
      });
    }
  }

  /**
   * The wrong fields of a submitted form, checked before it is recorded (the platform keeps the
   * form open and shows each message under its field). Null when it may be recorded; a check that
   * fails for another reason lets the submission through to its handler, which refuses properly.
   */
  async checkForm(event: InboundEvent): Promise<Record<string, string> | null> {
    if (event.type !== 'form') return null;
    const check = this.deps.commands.formCheck(event.form);
    if (!check) return null;
    try {
      return await this.deps.db.$transaction(
        async (tx) => {
          // Someone the policy does not admit is answered by route(), and nothing about them is written here either.
          const sighting = await lookUp(tx, event.chat, event.actor);
          return admitted(sighting) ? check(await this.context(tx, event, sighting), event.values, event.context) : null;
        },
        {
          timeout: 10_000,
          maxWait: 10_000,
        },
      );
    } catch (err) {
      this.deps.logger.warn({ err, form: event.form }, 'form check failed');
      return null;
    }
  }

  /** Builds the context for an event (also used by jobs that act for a person); `sighting` when already looked up. */
  async context(tx: Tx, event: InboundEvent, sighting?: Sighting): Promise<Context> {
    const now = this.deps.clock.now();
    const { chat, actor } = await resolveChatAndActor(tx, event.chat, event.actor, now, sighting);
    if (chat.kind === 'private') {
      // The first private contact from an account (the privacy capability sends its notice).
      const first = await tx.account.updateMany({ where: { id: actor.account.id, privacyNoticeAt: null }, data: { privacyNoticeAt: now } });
      if (first.count === 1)
        await this.deps.services.events.emit(tx, 'people.firstPrivateContact', { personId: actor.personId, address: addressOf(event.chat), now });
    }
    let seq = 0;
    const adapter = this.deps.adapters.get(event.platform);
    const ctx: Context = {
      tx,
      clock: this.deps.clock,
      now,
      event,
      actor,
      chat,
      services: this.deps.services,
      reply: async (message, options) => {
        await enqueue(tx, {
          delivery: this.replyDelivery(event, asMessage(message), options),
          dedupeKey: options?.dedupeKey ?? `re:${event.platform}:${event.id}:${seq++}`,
        });
      },
      replyPrivately: async (message) => {
        await enqueue(tx, {
          delivery: { op: 'send', to: addressOfActor(actor), message: asMessage(message) },
          dedupeKey: `re:${event.platform}:${event.id}:${seq++}`,
        });
      },
      send: async (entry: OutboxEntry) => {
        await enqueue(tx, { dedupeKey: `re:${event.platform}:${event.id}:${seq++}`, ...entry });
      },
      openForm: async (form: FormSpec) => {
        if (!adapter?.capabilities.forms || !adapter.openForm) return false;
        await adapter.openForm(event, form);
        return true;
      },
      privateChatLink: (payload) => adapter?.privateChatLink?.(payload),
      platform: adapter?.capabilities ?? NO_CAPABILITIES,
      commands: this.deps.commands,
      runCommand: (name, text) => this.runCommand(ctx, name, text),
    };
    return ctx;
  }

  private replyDelivery(event: InboundEvent, message: OutMessage, options?: ReplyOptions) {
    const to = addressOf(event.chat);
    const adapter = this.deps.adapters.get(event.platform);
    const ephemeral = event.chat.kind === 'group' && (options?.visibility ?? 'ephemeral') === 'ephemeral' && adapter?.capabilities.ephemeral;
    return ephemeral
      ? { op: 'send' as const, to, message, visibility: 'ephemeral' as const, ephemeralUserId: event.actor.userId }
      : { op: 'send' as const, to, message };
  }

  private async route(tx: Tx, event: InboundEvent): Promise<void> {
    // The access policy (src/bus/policy.ts): someone Reti does not know is told how to be added,
    // and nothing about them is written (no person, no account).
    const sighting = await lookUp(tx, event.chat, event.actor);
    if (!admitted(sighting)) {
      await enqueue(tx, { delivery: this.replyDelivery(event, { text: t.access.outsider }), dedupeKey: `re:${event.platform}:${event.id}:0` });
      return;
    }
    const ctx = await this.context(tx, event, sighting);
    switch (event.type) {
      case 'command':
        return this.runCommand(ctx, event.command, event.text);
      case 'message':
        if (await this.deps.conversations?.handleInput(ctx, { text: event.text })) return;
        if (event.chat.kind === 'private') await ctx.reply((await this.deps.conversations?.pausedNotice(tx, ctx.actor.personId, ctx.now)) ?? t.help.fallback);
        return;
      case 'action': {
        if (await this.deps.conversations?.handleInput(ctx, { action: event.action, value: event.value })) return;
        const found = this.deps.commands.actionOf(event.action);
        if (!found || forgedIds(event.value)) throw new AppError('not_found', t.error.buttonGone);
        checkAccess(found.spec.access, ctx);
        return found.handler(ctx, event.value);
      }
      case 'form': {
        const handler = this.deps.commands.form(event.form);
        if (!handler || forgedIds(event.context)) throw new AppError('not_found', t.error.formGone);
        return handler(ctx, event.values, event.context);
      }
    }
  }

  /** Runs a command for the context's actor (also used by /start deep links). */
  async runCommand(ctx: Context, name: string, text: string): Promise<void> {
    const spec = this.deps.commands.find(name);
    if (!spec) throw new AppError('unknown_command', t.error.unknownCommand(name, nearest(name, this.deps.commands.names())));
    const tokens = tokenize(text);
    const resolved = resolveSubcommand(spec, tokens);
    const { rest } = resolved;
    // A member's "annulla 2" is withdrawing, not the coordinators' cancelling.
    const sub =
      resolved.sub && !allowed(resolved.sub.access ?? spec.access, ctx.actor, ctx.chat.network?.id) && resolved.sub.forOthers
        ? resolved.sub.forOthers
        : resolved.sub;
    if (!sub && tokens[0] && spec.subcommands) {
      // "/laboratori iscrivmi 3": near a subcommand's name, not a word of its own.
      const near = nearest(tokens[0], Object.keys(spec.subcommands));
      if (near && near !== tokens[0].toLowerCase())
        throw new AppError('invalid_input', t.error.didYouMean(`/${spec.name} ${[near, ...tokens.slice(1)].join(' ')}`));
    }
    const target = sub ?? spec;
    if (!target.handler) {
      throw new AppError('invalid_input', t.error.unknownSubcommand(spec.name, tokens[0] ?? '', spec.usage));
    }
    checkAccess(sub?.access ?? spec.access, ctx);
    const where = sub?.where ?? spec.where ?? 'any';
    if (where === 'private' && ctx.chat.kind !== 'private') throw new AppError('invalid_input', t.error.privateOnly);
    if (where === 'group' && ctx.chat.kind !== 'group') throw new AppError('invalid_input', t.error.groupOnly);
    const schema = target.args;
    let args: unknown = rest;
    if (schema) {
      const parsed = schema.safeParse(rest);
      if (!parsed.success) {
        const detail = parsed.error.issues[0]?.message;
        throw new AppError('invalid_input', t.error.badArguments(target.usage, detail?.match(/^[A-ZÀ-Ú]/) ? detail : undefined));
      }
      args = parsed.data;
    }
    await target.handler(ctx, args as never);
  }
}

function checkAccess(access: Access | undefined, ctx: Context): void {
  if (allowed(access, ctx.actor, ctx.chat.network?.id)) return;
  throw new AppError('forbidden', access === 'coordinatore' ? t.error.coordinatorsOnly : t.error.referentsOnly);
}
