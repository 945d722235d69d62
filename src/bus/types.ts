// What a command, an action or a conversation step receives. Platform-neutral by construction:
// everything here is data or a function that writes to the database and the outbox in `tx`.
import type { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Tx } from '../db/client.js';
import type { OutboxEntry } from '../outbox/enqueue.js';
import type { Address, ChatRef, FormSpec, InboundEvent, OutMessage, PlatformCapabilities } from '../platform/port.js';
import type { Services } from '../services.js';

export type Role = 'referente' | 'membro';
export type Access = 'everyone' | 'referente' | 'coordinatore';

export interface Membership {
  networkId: number;
  code: string;
  name: string;
  role: Role;
}

export interface Actor {
  personId: number;
  name: string;
  coordinator: boolean;
  account: { id: number; platform: string; workspace: string; externalId: string };
  memberships: Membership[];
}

export interface ChatContext extends ChatRef {
  /** The network this channel is linked to (group chats), else null. */
  network: { id: number; code: string; name: string } | null;
}

export interface ReplyOptions {
  /** Slack: ephemeral (only the actor sees it) is the default in channels for command answers. */
  visibility?: 'public' | 'ephemeral';
  dedupeKey?: string;
}

/** The command registry as commands see it (/aiuto lists, /start continues with another command). */
export interface CommandCatalogue {
  find(name: string): CommandSpec<any> | undefined;
  /** Commands (and subcommands) this person may use. */
  visibleTo(actor: Actor): { usage: string; description: string }[];
}

/** Free text and conversation buttons go to the conversation engine. */
export interface ConversationRouter {
  /** True when an active conversation took the input. */
  handleInput(ctx: Context, input: { text: string } | { action: string; value: string }): Promise<boolean>;
  /** Where a paused conversation of this person stands ("…in pausa alla domanda 9 di 11…"), said once per pause; null otherwise. */
  pausedNotice(tx: Tx, personId: number, now: Date): Promise<string | null>;
}

export interface Context {
  tx: Tx;
  clock: Clock;
  now: Date;
  event: InboundEvent;
  actor: Actor;
  chat: ChatContext;
  services: Services;
  /** Answer where the event came from. */
  reply(message: OutMessage | string, options?: ReplyOptions): Promise<void>;
  /** Answer in the actor's private chat with the bot. */
  replyPrivately(message: OutMessage | string): Promise<void>;
  send(entry: OutboxEntry): Promise<void>;
  /** Opens a native form (Slack modal) right now; false where the platform has none. */
  openForm(form: FormSpec): Promise<boolean>;
  /** A link that opens the private chat with the bot, where the platform has one. */
  privateChatLink(payload: string): string | undefined;
  /** What the platform the event came from can do. */
  platform: PlatformCapabilities;
  /** Every command, for help and for continuing with another command. */
  commands: CommandCatalogue;
  /** Runs another command in this same context (Telegram deep links: /start checkin). */
  runCommand(name: string, text: string): Promise<void>;
}

export interface SubcommandSpec<A = unknown> {
  description: string;
  usage: string;
  access?: Access;
  where?: 'any' | 'private' | 'group';
  args?: z.ZodType<A>;
  handler(ctx: Context, args: A): Promise<void>;
  /** Other words people type for it ("iscriviti" for "iscrivimi"). */
  aliases?: string[];
  /**
   * What the same words mean to someone without access ("annulla 2" typed by a member, whose
   * button says «Annulla iscrizione», is withdrawing): run instead of refusing.
   */
  forOthers?: SubcommandSpec<any>;
}

export interface CommandSpec<A = unknown> {
  /** Without the slash, lower case, as typed: "laboratori". */
  name: string;
  aliases?: string[];
  /** Italian, one line: used by /aiuto, Telegram setMyCommands and the Slack manifest. */
  description: string;
  usage: string;
  access?: Access;
  where?: 'any' | 'private' | 'group';
  /** Parses the tokens after the command (and after a subcommand name). */
  args?: z.ZodType<A>;
  subcommands?: Record<string, SubcommandSpec<any>>;
  handler?(ctx: Context, args: A): Promise<void>;
  /** Button presses whose action id starts with "<name>." land here. */
  actions?: Record<string, (ctx: Context, value: string) => Promise<void>>;
  /** Submitted native forms (Slack modals) by form id. */
  forms?: Record<string, (ctx: Context, values: Record<string, string | string[]>, context: string) => Promise<void>>;
  /**
   * Checks of a submitted native form before it is recorded, by form id: the wrong fields with
   * their Italian message (the modal stays open and shows each under its field), or null.
   */
  formChecks?: Record<string, (ctx: Context, values: Record<string, string | string[]>, context: string) => Promise<Record<string, string> | null>>;
  /** Not listed by /aiuto (e.g. Telegram's /start). */
  hidden?: boolean;
}

export function defineCommand<A>(spec: CommandSpec<A>): CommandSpec<A> {
  return spec;
}

export function defineSubcommand<A>(spec: SubcommandSpec<A>): SubcommandSpec<A> {
  return spec;
}

export function addressOfActor(actor: Actor): Address {
  return { platform: actor.account.platform, workspace: actor.account.workspace, chatId: actor.account.externalId };
}
