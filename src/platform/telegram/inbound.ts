// Telegram updates as neutral InboundEvents. The event id is the update_id, so an update Telegram
// sends again (webhook retry, polling restarted before the offset was confirmed) is recognised by
// the inbox as the same event.
import type { Chat, MessageEntity, Update, User } from 'telegraf/types';
import type { ActorRef, ChatRef, InboundEvent } from '../port.js';

export const PLATFORM = 'telegram';

/** The updates Reti asks Telegram for (getUpdates and setWebhook `allowed_updates`). */
export const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

export interface ParsedUpdate {
  /** Absent for updates Reti does not act on (other bots' commands, channel posts, stickers…). */
  event?: InboundEvent;
  /** A pressed button: always answered, so the spinner on the button stops. */
  callbackQueryId?: string;
}

function chatRef(chat: Chat): ChatRef | undefined {
  if (chat.type === 'private') return { platform: PLATFORM, workspace: '', chatId: String(chat.id), kind: 'private' };
  if (chat.type === 'group' || chat.type === 'supergroup') {
    return { platform: PLATFORM, workspace: '', chatId: String(chat.id), kind: 'group', title: chat.title };
  }
  return undefined; // channels: Reti does not live there
}

function actorRef(user: User): ActorRef {
  const displayName = [user.first_name, user.last_name].filter((s) => s && s.trim()).join(' ');
  return {
    platform: PLATFORM,
    workspace: '',
    userId: String(user.id),
    displayName,
    ...(user.username ? { username: user.username } : {}),
  };
}

/** Replaces text mentions (people without a username, picked from the list) with `<@id>`. */
export function normaliseMentions(text: string, entities: readonly MessageEntity[] = []): string {
  const mentions = entities.filter((e): e is MessageEntity.TextMentionMessageEntity => e.type === 'text_mention').sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const m of mentions) out = `${out.slice(0, m.offset)}<@${m.user.id}>${out.slice(m.offset + m.length)}`;
  return out;
}

/**
 * `/rete@Reti_bot collega BG01` → { command: 'rete', text: 'collega BG01' }. Undefined when the
 * text does not start with a command, or the command is addressed to another bot.
 */
export function parseCommand(text: string, entities: readonly MessageEntity[] = [], botUsername?: string): { command: string; text: string } | undefined {
  const first = entities[0];
  if (!first || first.type !== 'bot_command' || first.offset !== 0) return undefined;
  const token = text.slice(1, first.length);
  const at = token.indexOf('@');
  const name = at < 0 ? token : token.slice(0, at);
  const addressee = at < 0 ? undefined : token.slice(at + 1);
  if (addressee && botUsername && addressee.toLowerCase() !== botUsername.toLowerCase()) return undefined;
  return { command: name.toLowerCase(), text: text.slice(first.length).trim() };
}

/** callback_data is `action|value` (see render.ts); the value may itself contain `|`. */
export function parseCallbackData(data: string): { action: string; value: string } {
  const bar = data.indexOf('|');
  return bar < 0 ? { action: data, value: '' } : { action: data.slice(0, bar), value: data.slice(bar + 1) };
}

export function parseUpdate(update: Update, botUsername: string | undefined, now: Date): ParsedUpdate {
  const base = (chat: ChatRef, user: User) => ({
    id: String(update.update_id),
    platform: PLATFORM,
    chat,
    actor: actorRef(user),
    receivedAt: now.toISOString(),
  });

  if ('message' in update) {
    const message = update.message;
    if (!('text' in message) || !message.from || message.from.is_bot) return {};
    const chat = chatRef(message.chat);
    if (!chat) return {};
    const entities = message.entities ?? [];
    // Mentions follow the command token, so the command entity (offset 0) keeps its length.
    const text = normaliseMentions(message.text, entities);
    if (entities[0]?.type === 'bot_command' && entities[0].offset === 0) {
      const command = parseCommand(text, entities, botUsername);
      return command ? { event: { ...base(chat, message.from), type: 'command', ...command } } : {};
    }
    return { event: { ...base(chat, message.from), type: 'message', text } };
  }

  if ('callback_query' in update) {
    const query = update.callback_query;
    const answer = { callbackQueryId: query.id };
    if (!('data' in query) || !query.message) return answer;
    const chat = chatRef(query.message.chat);
    if (!chat) return answer;
    const { action, value } = parseCallbackData(query.data);
    return {
      ...answer,
      event: { ...base(chat, query.from), type: 'action', action, value, messageId: String(query.message.message_id) },
    };
  }

  return {};
}
