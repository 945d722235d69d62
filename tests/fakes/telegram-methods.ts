// The Bot API methods the stand-in implements, with Telegram's checks and error texts.
import type { ServerResponse } from 'node:http';
import type { ApiCall, FakeMessage, FakeTelegramApi } from './telegram-api.js';
import { ApiFailure, tgErrors } from './telegram-errors.js';
import type { Update } from './telegram-updates.js';

interface Poller {
  wake(): void;
  terminate(): void;
}

const TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;

function chatType(chatId: string): 'private' | 'group' | 'supergroup' {
  return chatId.startsWith('-100') ? 'supergroup' : chatId.startsWith('-') ? 'group' : 'private';
}

export class TelegramMethods {
  private readonly pollers = new Set<Poller>();
  private readonly messageIds = new Map<string, number>();

  constructor(private readonly api: FakeTelegramApi) {}

  wakePollers(): void {
    for (const p of this.pollers) p.wake();
  }

  async call(method: string, call: ApiCall, res: ServerResponse): Promise<unknown> {
    const p = call.params;
    switch (method) {
      case 'getMe':
        return { ...this.api.bot, is_bot: true, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };
      case 'getUpdates':
        return this.getUpdates(p, res);
      case 'setWebhook':
        if (!p.url) throw new ApiFailure(tgErrors.badRequest('bad webhook: An HTTPS URL must be provided for webhook'));
        this.api.webhook = {
          url: String(p.url),
          ...(p.secret_token ? { secretToken: String(p.secret_token) } : {}),
          ...(p.allowed_updates ? { allowedUpdates: p.allowed_updates } : {}),
        };
        if (isTrue(p.drop_pending_updates)) this.api.queue = [];
        for (const poller of this.pollers) poller.terminate();
        return true;
      case 'deleteWebhook':
        this.api.webhook = undefined;
        if (isTrue(p.drop_pending_updates)) this.api.queue = [];
        return true;
      case 'getWebhookInfo':
        return { url: this.api.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: this.api.queue.length };
      case 'setMyCommands':
        return this.setMyCommands(p);
      case 'getMyCommands':
        return this.api.commands;
      case 'sendMessage':
        return this.sendMessage(p);
      case 'editMessageText':
        return this.editMessageText(p);
      case 'sendDocument':
        return this.sendDocument(p, call);
      case 'sendPhoto':
        return this.sendPhoto(p, call);
      case 'answerCallbackQuery':
        if (!p.callback_query_id) throw new ApiFailure(tgErrors.badRequest('query is too old and response timeout expired or query ID is invalid'));
        return true;
      default:
        throw new ApiFailure({ error_code: 404, description: 'Not Found' });
    }
  }

  private async getUpdates(p: Record<string, any>, res: ServerResponse): Promise<Update[]> {
    if (this.api.webhook) throw new ApiFailure(tgErrors.webhookActive);
    const offset = Number(p.offset ?? 0);
    const limit = Math.min(Math.max(Number(p.limit ?? 100), 1), 100);
    const timeout = Number(p.timeout ?? 0);
    // An offset confirms every update before it: they are never sent again.
    if (offset > 0) this.api.queue = this.api.queue.filter((u) => u.update_id >= offset);
    // Telegram lets one getUpdates wait at a time: a newer request ends the older one with 409.
    for (const poller of this.pollers) poller.terminate();
    const allowed: string[] | undefined = Array.isArray(p.allowed_updates) && p.allowed_updates.length ? p.allowed_updates : undefined;
    const ready = () => {
      if (allowed) this.api.queue = this.api.queue.filter((u) => Object.keys(u).some((k) => allowed.includes(k)));
      return this.api.queue.filter((u) => u.update_id >= offset).slice(0, limit);
    };
    if (ready().length || timeout <= 0) return ready();
    await new Promise<void>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.pollers.delete(poller);
        resolve();
      };
      const poller: Poller = {
        wake: done,
        terminate: () => {
          // Rejected before anything resolves it: the older request gets the 409.
          reject(new ApiFailure(this.api.webhook ? tgErrors.webhookActive : tgErrors.conflict));
          done();
        },
      };
      const timer = setTimeout(done, timeout * 1000);
      this.pollers.add(poller);
      res.on('close', done); // the client went away (telegraf aborts getUpdates on stop)
    });
    return ready();
  }

  private setMyCommands(p: Record<string, any>): true {
    const commands: unknown = p.commands;
    if (!Array.isArray(commands)) throw new ApiFailure(tgErrors.badRequest('parameter "commands" is required'));
    for (const c of commands) {
      if (!/^[a-z0-9_]{1,32}$/.test(String(c?.command))) throw new ApiFailure(tgErrors.badRequest('BOT_COMMAND_INVALID'));
      const d = String(c?.description ?? '');
      if (d.length < 1 || d.length > 256) throw new ApiFailure(tgErrors.badRequest('BOT_COMMAND_DESCRIPTION_INVALID'));
    }
    this.api.commands = commands.map((c) => ({ command: String(c.command), description: String(c.description) }));
    return true;
  }

  /** The chat a message goes to, as Telegram would refuse it. */
  private target(chatIdParam: unknown): string {
    if (chatIdParam === undefined || chatIdParam === '') throw new ApiFailure(tgErrors.badRequest('chat_id is empty'));
    const chatId = String(chatIdParam);
    if (this.api.unknownChats.has(chatId) || !/^-?\d+$/.test(chatId)) throw new ApiFailure(tgErrors.chatNotFound);
    const moved = this.api.migrated.get(chatId);
    if (moved) throw new ApiFailure(tgErrors.upgradedToSupergroup(moved));
    if (this.api.neverStarted.has(chatId)) throw new ApiFailure(tgErrors.neverStarted);
    if (this.api.blocked.has(chatId)) throw new ApiFailure(tgErrors.blocked);
    return chatId;
  }

  private content(raw: unknown, parseMode: unknown, limit: number, what: 'text' | 'caption') {
    const html = String(raw ?? '');
    const parsed = parseMode === 'HTML' ? this.api.parseHtmlOrFail(html) : { text: html, entities: [] };
    if (what === 'text' && parsed.text.trim() === '') throw new ApiFailure(tgErrors.badRequest('message text is empty'));
    if (parsed.text.length > limit) throw new ApiFailure(tgErrors.badRequest(what === 'text' ? 'message is too long' : 'message caption is too long'));
    return { html, text: parsed.text, entities: parsed.entities };
  }

  private buttons(markup: any): FakeMessage['buttons'] {
    if (markup === undefined) return undefined;
    const rows = markup?.inline_keyboard;
    if (!Array.isArray(rows)) throw new ApiFailure(tgErrors.badRequest("can't parse reply keyboard markup JSON object"));
    for (const row of rows) {
      for (const b of row) {
        if (!b?.text) throw new ApiFailure(tgErrors.badRequest('text buttons are unallowed in the inline keyboard'));
        const bytes = Buffer.byteLength(String(b.callback_data ?? ''), 'utf8');
        if (b.callback_data !== undefined && (bytes < 1 || bytes > 64)) throw new ApiFailure(tgErrors.badRequest('BUTTON_DATA_INVALID'));
      }
    }
    return rows;
  }

  /** Telegram's flood control, when the test asked for it. */
  private throttle(chatId: string): void {
    const verdict = this.api.limiter?.take(chatId, Date.now());
    if (verdict && !verdict.ok) throw new ApiFailure(tgErrors.tooManyRequests(verdict.retryAfter));
  }

  private deliver(chatId: string, fields: Omit<FakeMessage, 'chatId' | 'messageId' | 'sentAt' | 'edits'>): FakeMessage {
    const messageId = (this.messageIds.get(chatId) ?? 0) + 1;
    this.messageIds.set(chatId, messageId);
    const message: FakeMessage = { chatId, messageId, sentAt: Date.now(), edits: 0, ...fields };
    this.api.recordDelivery(message);
    return message;
  }

  private json(m: FakeMessage) {
    return {
      message_id: m.messageId,
      date: Math.floor(m.sentAt / 1000),
      chat: { id: Number(m.chatId), type: chatType(m.chatId) },
      from: { id: this.api.bot.id, is_bot: true, first_name: this.api.bot.first_name, username: this.api.bot.username },
      ...(m.document
        ? {
            document: {
              file_id: `doc-${m.messageId}`,
              file_unique_id: `u${m.messageId}`,
              file_name: m.document.filename,
              file_size: m.document.content.length,
            },
            ...(m.text ? { caption: m.text } : {}),
          }
        : { text: m.text }),
      ...(m.entities.length ? { [m.document ? 'caption_entities' : 'entities']: m.entities } : {}),
      ...(m.buttons ? { reply_markup: { inline_keyboard: m.buttons } } : {}),
    };
  }

  private sendMessage(p: Record<string, any>) {
    const chatId = this.target(p.chat_id);
    const content = this.content(p.text, p.parse_mode, TEXT_LIMIT, 'text');
    const buttons = this.buttons(p.reply_markup);
    this.throttle(chatId);
    return this.json(this.deliver(chatId, { ...content, ...(buttons ? { buttons } : {}) }));
  }

  private editMessageText(p: Record<string, any>) {
    const chatId = this.target(p.chat_id);
    const message = this.api.messages.find((m) => m.chatId === chatId && m.messageId === Number(p.message_id));
    if (!message || message.document)
      throw new ApiFailure(tgErrors.badRequest(message ? 'there is no text in the message to edit' : 'message to edit not found'));
    const content = this.content(p.text, p.parse_mode, TEXT_LIMIT, 'text');
    const buttons = this.buttons(p.reply_markup);
    const same =
      content.text === message.text &&
      JSON.stringify(content.entities) === JSON.stringify(message.entities) &&
      JSON.stringify(buttons ?? null) === JSON.stringify(message.buttons ?? null);
    if (same) {
      throw new ApiFailure(
        tgErrors.badRequest(
          'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
        ),
      );
    }
    this.throttle(chatId);
    Object.assign(message, content, { edits: message.edits + 1 });
    if (buttons) message.buttons = buttons;
    else delete message.buttons;
    return this.json(message);
  }

  private sendDocument(p: Record<string, any>, call: ApiCall) {
    const chatId = this.target(p.chat_id);
    if (!call.file) throw new ApiFailure(tgErrors.badRequest('there is no document in the request'));
    const content = p.caption === undefined ? { html: '', text: '', entities: [] } : this.content(p.caption, p.parse_mode, CAPTION_LIMIT, 'caption');
    const buttons = this.buttons(p.reply_markup);
    this.throttle(chatId);
    return this.json(this.deliver(chatId, { ...content, document: call.file, ...(buttons ? { buttons } : {}) }));
  }

  private sendPhoto(p: Record<string, any>, call: ApiCall) {
    const chatId = this.target(p.chat_id);
    if (!call.file || call.file.field !== 'photo') throw new ApiFailure(tgErrors.badRequest('there is no photo in the request'));
    if (call.file.content.length > PHOTO_MAX_BYTES) throw new ApiFailure(tgErrors.badRequest('PHOTO_INVALID_DIMENSIONS'));
    const png = call.file.content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const jpeg = call.file.content[0] === 0xff && call.file.content[1] === 0xd8;
    if (!png && !jpeg) throw new ApiFailure(tgErrors.badRequest('IMAGE_PROCESS_FAILED'));
    const content = p.caption === undefined ? { html: '', text: '', entities: [] } : this.content(p.caption, p.parse_mode, CAPTION_LIMIT, 'caption');
    const buttons = this.buttons(p.reply_markup);
    this.throttle(chatId);
    return this.json(this.deliver(chatId, { ...content, photo: call.file, ...(buttons ? { buttons } : {}) }));
  }
}

/** The Bot API's limit for photos sent by bots. */
const PHOTO_MAX_BYTES = 10 * 1024 * 1024;

function isTrue(v: unknown): boolean {
  return v === true || v === 'true';
}
