// An in-memory platform: the same port as Slack and Telegram, with no network. Tests drive whole
// conversations through it and read what the bot said; `npm run console` chats through it.
import { toPlain } from '../markup.js';
import {
  DeliveryError,
  type Address,
  type ChatRef,
  type Delivery,
  type DeliveryResult,
  type EventSink,
  type FormSpec,
  type InboundEvent,
  type OutMessage,
  type PlatformAdapter,
  type RateLimits,
} from '../port.js';

export interface MemoryUser {
  id: string;
  name: string;
  username?: string;
}

export interface SentMessage {
  seq: number;
  messageId: string;
  delivery: Delivery;
  chatId: string;
  message: OutMessage;
  /** For ephemeral messages: the only person who sees it. */
  visibleTo?: string;
}

let eventCounter = 0;

export class MemoryAdapter implements PlatformAdapter {
  readonly limits: RateLimits;
  readonly label: string;
  /** Like the platform it stands for: Telegram has no ephemeral replies, group DMs or forms. */
  readonly capabilities: PlatformAdapter['capabilities'];
  /** Native forms opened (Slack modals), newest last. */
  readonly forms: { event: InboundEvent; form: FormSpec }[] = [];
  readonly sent: SentMessage[] = [];
  private sink: EventSink | undefined;
  private seq = 0;
  /** Chats the bot may not write to (like a Telegram user who never pressed /start). */
  readonly unreachable = new Set<string>();
  /** Errors to throw on the next deliveries, in order. */
  readonly failures: DeliveryError[] = [];
  /** Called for every delivery (the console prints from here). */
  onDeliver?: (m: SentMessage) => void;

  constructor(
    readonly platform = 'memory',
    private readonly workspace = '',
    limits?: Partial<RateLimits>,
  ) {
    this.limits = { globalPerSecond: 1000, perChatIntervalMs: 0, perGroupPerMinute: 60_000, ...limits };
    this.capabilities =
      platform === 'telegram'
        ? { forms: false, ephemeral: false, groupDm: false, writesFirst: false, deepLinks: true, usernames: true, workspaces: false }
        : {
            forms: platform === 'slack',
            ephemeral: true,
            groupDm: true,
            writesFirst: true,
            deepLinks: platform !== 'slack',
            usernames: false,
            workspaces: platform === 'slack',
          };
    this.label = platform === 'telegram' ? 'Telegram' : platform === 'slack' ? 'Slack' : platform;
    if (platform === 'slack') this.privateChatLink = undefined;
    if (platform !== 'telegram') this.profileLink = undefined;
  }

  async openForm(event: InboundEvent, form: FormSpec): Promise<void> {
    this.forms.push({ event, form });
  }

  async start(sink: EventSink): Promise<void> {
    this.sink = sink;
  }

  async stop(): Promise<void> {
    this.sink = undefined;
  }

  healthy(): boolean {
    return this.sink !== undefined;
  }

  isGroupChat(chatId: string): boolean {
    return chatId.startsWith('-') || chatId.startsWith('C');
  }

  privateChatLink?: (payload: string) => string | undefined = (payload) => `https://t.me/reti_bot?start=${payload}`;

  profileLink?: (username: string) => string | undefined = (username) => `https://t.me/${username}`;

  async deliver(delivery: Delivery): Promise<DeliveryResult> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    if (delivery.op === 'group' && !this.capabilities.groupDm) throw new DeliveryError('permanent', 'unsupported');
    const chatId = delivery.op === 'group' ? `G-${[...delivery.userIds].sort().join('-')}` : delivery.to.chatId;
    if (this.unreachable.has(chatId)) throw new DeliveryError('unreachable', "Forbidden: bot can't initiate conversation with a user");
    const messageId = delivery.op === 'update' ? delivery.messageId : `m${++this.seq}`;
    const entry: SentMessage = {
      seq: this.sent.length + 1,
      messageId,
      delivery,
      chatId,
      message: delivery.message,
      ...(delivery.op === 'send' && delivery.visibility === 'ephemeral' ? { visibleTo: delivery.ephemeralUserId } : {}),
    };
    this.sent.push(entry);
    this.onDeliver?.(entry);
    return { messageId, chatId };
  }

  // ---- driving the bot as a person would ----

  privateChat(user: MemoryUser): ChatRef {
    return { platform: this.platform, workspace: this.workspace, chatId: user.id, kind: 'private' };
  }

  group(chatId: string, title = ''): ChatRef {
    return { platform: this.platform, workspace: this.workspace, chatId, kind: 'group', title };
  }

  private base(user: MemoryUser, chat: ChatRef) {
    return {
      id: `${this.platform}-${++eventCounter}-${Date.now()}`,
      platform: this.platform,
      chat,
      actor: {
        platform: this.platform,
        workspace: this.workspace,
        userId: user.id,
        displayName: user.name,
        ...(user.username ? { username: user.username } : {}),
      },
      receivedAt: new Date().toISOString(),
    };
  }

  /** Sends an event and waits until the bot has handled it. Returns the event (to replay it). */
  async emit(event: InboundEvent): Promise<InboundEvent> {
    if (!this.sink) throw new Error('memory adapter not started');
    const { done, errors } = await this.sink(event);
    this.formErrors = errors;
    await done;
    return event;
  }

  /** The field errors of the last submitted form that was refused (the form stays open), if any. */
  formErrors: Record<string, string> | undefined;

  command(user: MemoryUser, chat: ChatRef, command: string, text = ''): Promise<InboundEvent> {
    return this.emit({ ...this.base(user, chat), type: 'command', command: command.replace(/^\//, ''), text });
  }

  message(user: MemoryUser, chat: ChatRef, text: string): Promise<InboundEvent> {
    return this.emit({ ...this.base(user, chat), type: 'message', text });
  }

  press(user: MemoryUser, chat: ChatRef, action: string, value = '', messageId?: string): Promise<InboundEvent> {
    return this.emit({ ...this.base(user, chat), type: 'action', action, value, ...(messageId ? { messageId } : {}) });
  }

  submit(user: MemoryUser, chat: ChatRef, form: string, values: Record<string, string | string[]>, context = ''): Promise<InboundEvent> {
    return this.emit({ ...this.base(user, chat), type: 'form', form, values, context });
  }

  // ---- reading what the bot said ----

  /** Messages in a chat, as plain text, optionally only those a given person can see. */
  texts(chat: Address | string, viewer?: string): string[] {
    const chatId = typeof chat === 'string' ? chat : chat.chatId;
    return this.sent.filter((m) => m.chatId === chatId && (!m.visibleTo || !viewer || m.visibleTo === viewer)).map((m) => renderPlain(m.message));
  }

  last(chat: Address | string): SentMessage | undefined {
    const chatId = typeof chat === 'string' ? chat : chat.chatId;
    return this.sent.filter((m) => m.chatId === chatId).at(-1);
  }

  lastText(chat: Address | string): string {
    const m = this.last(chat);
    return m ? renderPlain(m.message) : '';
  }

  /** Buttons of the last message in a chat. */
  buttons(chat: Address | string): { label: string; action: string; value: string }[] {
    const m = this.last(chat);
    return (m?.message.blocks ?? []).flatMap((b) =>
      b.type === 'buttons' ? b.buttons.map((x) => ({ label: x.label, action: x.action, value: x.value ?? '' })) : [],
    );
  }

  clear(): void {
    this.sent.length = 0;
  }
}

/** A message as plain text: what a person would read, buttons in [brackets]. */
export function renderPlain(message: OutMessage): string {
  if (!message.blocks?.length) return toPlain(message.text);
  const lines: string[] = [];
  for (const b of message.blocks) {
    if (b.type === 'divider') lines.push('———');
    else if (b.type === 'buttons') lines.push(b.buttons.map((x) => `[${x.label}]`).join(' '));
    else lines.push(toPlain(b.text));
  }
  if (message.attachment) lines.push(`📎 ${message.attachment.filename}`);
  return lines.join('\n');
}
