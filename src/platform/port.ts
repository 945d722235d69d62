// The platform-neutral boundary. Adapters (src/platform/{slack,telegram,memory}) translate platform
// events into InboundEvent and deliver Delivery operations; nothing else knows a platform exists.

/** Where a message goes: a Slack channel/DM or a Telegram chat. */
export interface Address {
  platform: string;
  /** Slack team id; empty for Telegram and memory. */
  workspace: string;
  chatId: string;
}

export interface ChatRef extends Address {
  /** private: a one-to-one chat with the bot (Slack DM, Telegram private chat). */
  kind: 'private' | 'group';
  title?: string;
}

export interface ActorRef {
  platform: string;
  workspace: string;
  userId: string;
  /** The name the platform shows ("Maria Rossi"). */
  displayName: string;
  username?: string;
}

interface EventBase {
  /** Unique per platform delivery (Slack event_id / envelope id, Telegram update_id): redeliveries share it. */
  id: string;
  platform: string;
  chat: ChatRef;
  actor: ActorRef;
  /** ISO timestamp. */
  receivedAt: string;
  /** Short-lived platform handles (Slack trigger_id for modals). */
  handles?: { triggerId?: string; responseUrl?: string };
}

export type InboundEvent =
  /** `/name text` — a slash command (Slack) or a bot command (Telegram, including /start payloads). */
  | (EventBase & { type: 'command'; command: string; text: string })
  /** Free text sent to the bot (in private chats; in groups only what the platform lets through). */
  | (EventBase & { type: 'message'; text: string })
  /** A button press. messageId identifies the message carrying the button, when known. */
  | (EventBase & { type: 'action'; action: string; value: string; messageId?: string })
  /** A submitted form (Slack modal). */
  | (EventBase & { type: 'form'; form: string; values: Record<string, string | string[]>; context: string });

// ---- outgoing messages, described once and rendered natively by each adapter ----

/**
 * Text uses a small neutral markup that every adapter renders natively and escapes safely:
 * `**bold**`, `_italic_`, `[label](https://url)`. Everything else is literal.
 */
export type Block =
  | { type: 'header'; text: string }
  | { type: 'text'; text: string }
  | { type: 'context'; text: string }
  | { type: 'divider' }
  | { type: 'buttons'; buttons: Button[] };

export interface Button {
  label: string;
  /** Short action id plus value; together ≤ 60 bytes (Telegram callback_data limit is 64). */
  action: string;
  value?: string;
  style?: 'primary' | 'danger';
}

export interface Attachment {
  filename: string;
  mimeType: string;
  /** File content, base64: it travels through the outbox as JSON. */
  base64: string;
}

export interface OutMessage {
  /** Plain summary used for notifications and as fallback text. */
  text: string;
  blocks?: Block[];
  attachment?: Attachment;
}

export type Delivery =
  | { op: 'send'; to: Address; message: OutMessage; visibility?: 'public' | 'ephemeral'; ephemeralUserId?: string }
  | { op: 'update'; to: Address; messageId: string; message: OutMessage }
  /** One conversation with several people (Slack group DM). Adapters without it reject with 'unsupported'. */
  | { op: 'group'; platform: string; workspace: string; userIds: string[]; message: OutMessage };

export interface DeliveryResult {
  /** Platform id of the message sent (Slack ts, Telegram message_id), for later updates. */
  messageId?: string;
  /** The chat actually written to (Slack group DM channel). */
  chatId?: string;
  /**
   * The platform moved the chat to a new id (a Telegram group upgraded to a supergroup) and the
   * message went to the new one: the outbox rewrites the channel and the queued messages.
   */
  movedTo?: string;
}

/** What the outbox tells the adapter about a delivery besides its content. */
export interface DeliveryContext {
  /** The outbox row's id: carried with the message where the platform keeps metadata (Slack). */
  ref: string;
  /** When the row was queued: a look-up for it needs to go no further back. */
  queuedAt: Date;
}

export type DeliveryErrorKind =
  /** The platform asked to slow down: retry after retryAfterMs, never sooner. */
  | 'rate_limited'
  /** Network error, 5xx: retry with backoff. */
  | 'transient'
  /** The bot may not write there (never started, blocked, not in channel): do not retry. */
  | 'unreachable'
  /** Anything else that will not get better by retrying (bad request, unsupported). */
  | 'permanent';

export class DeliveryError extends Error {
  constructor(
    readonly kind: DeliveryErrorKind,
    message: string,
    readonly retryAfterMs?: number,
    /** rate_limited: the whole bot (Telegram global) or only this chat/method. */
    readonly scope: 'bot' | 'chat' = 'chat',
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** Per-platform pacing the outbox worker applies (from ../notes/platform-limits). */
export interface RateLimits {
  /** Messages per second for the whole bot. */
  globalPerSecond: number;
  /** Minimum interval between messages to one private chat / channel. */
  perChatIntervalMs: number;
  /** Messages per minute into one group chat (Telegram: 20). */
  perGroupPerMinute: number;
}

/** A form for platforms that have native forms (Slack modals). */
export interface FormSpec {
  form: string;
  title: string;
  submitLabel: string;
  /** Opaque context returned with the submission (e.g. the id being edited). */
  context: string;
  fields: FormField[];
}

export interface FormField {
  key: string;
  label: string;
  kind: 'text' | 'multiline' | 'date' | 'time' | 'number' | 'select';
  optional?: boolean;
  initial?: string;
  placeholder?: string;
  options?: { value: string; label: string }[];
}

/**
 * Receives an event; resolves once it is durably recorded. `done` resolves when it has been handled.
 * A submitted form with wrong fields is not recorded: `errors` has the Italian message of each
 * field (by field key), for the platform to show in the form that stays open.
 */
export type EventSink = (event: InboundEvent) => Promise<{ duplicate: boolean; done: Promise<void>; errors?: Record<string, string> }>;

/** An HTTP route an adapter serves (Slack events, Telegram webhook), node-style handler. */
export interface HttpRoute {
  path: string;
  handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: (err?: unknown) => void) => void;
}

/**
 * What a platform can do. Capabilities, commands and jobs ask these questions, never a platform's
 * name: a third platform only has to answer them.
 */
export interface PlatformCapabilities {
  /** Native forms (Slack modals); otherwise flows fall back to a guided conversation. */
  forms: boolean;
  /** Replies visible only to one person in a group. */
  ephemeral: boolean;
  /** Group conversations with several people opened by the bot. */
  groupDm: boolean;
  /** The bot may open a private chat with someone who never wrote to it (Slack yes; Telegram no). */
  writesFirst: boolean;
  /** Links that open the private chat with the bot carrying a payload (Telegram t.me/bot?start=…). */
  deepLinks: boolean;
  /** People have public handles others can find them by (Telegram @username). */
  usernames: boolean;
  /** Accounts belong to a workspace (Slack team): people meet only inside the same one. */
  workspaces: boolean;
}

/** What adapters need to know of the commands (Telegram setMyCommands). */
export interface CommandInfo {
  name: string;
  description: string;
  hidden?: boolean;
}

export interface PlatformAdapter {
  readonly platform: string;
  /** The platform's name as people know it ("Telegram"), for messages that say where to look; never to branch on. */
  readonly label: string;
  readonly limits: RateLimits;
  readonly capabilities: PlatformCapabilities;
  /** Routes to mount on the service's HTTP server (HTTP mode only). */
  httpRoutes?(): HttpRoute[];
  /** Begin receiving events (HTTP routes are mounted separately, see `httpRoutes`). */
  start(sink: EventSink): Promise<void>;
  /** Stop receiving; in-flight handlers finish. */
  stop(): Promise<void>;
  deliver(delivery: Delivery, context?: DeliveryContext): Promise<DeliveryResult>;
  /**
   * A delivery taken over from a sender that died may have reached the platform already: where the
   * platform can tell (Slack: the chat's recent history with message metadata), the message sent
   * with this `ref`, else undefined (then it is sent).
   */
  findDelivered?(delivery: Delivery, context: DeliveryContext): Promise<DeliveryResult | undefined>;
  /** Opens a native form in answer to an event (needs the event's short-lived trigger). */
  openForm?(event: InboundEvent, form: FormSpec): Promise<void>;
  /** A link that opens a private chat with the bot carrying a payload (Telegram deep link). */
  privateChatLink?(payload: string): string | undefined;
  /** A public link to someone's profile by username (Telegram https://t.me/<username>), where the platform has one. */
  profileLink?(username: string): string | undefined;
  /** Group chats get the per-group pace (Telegram: 20 messages a minute). */
  isGroupChat?(chatId: string): boolean;
  /** Connected and able to deliver. */
  healthy(): boolean;
}

export function sameAddress(a: Address, b: Address): boolean {
  return a.platform === b.platform && a.workspace === b.workspace && a.chatId === b.chatId;
}

export function addressOf(chat: Address): Address {
  return { platform: chat.platform, workspace: chat.workspace, chatId: chat.chatId };
}

/** A message given as plain text or as a whole message. */
export function asMessage(message: OutMessage | string): OutMessage {
  return typeof message === 'string' ? { text: message } : message;
}
