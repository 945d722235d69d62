// Updates as Telegram sends them (the JSON of getUpdates and of webhook requests), built for
// tests: people, chats, messages with their entities, button presses.

export interface TgUser {
  id: number;
  is_bot?: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
}

export interface TgChat {
  id: number;
  type: 'private' | 'group' | 'supergroup';
  title?: string;
  first_name?: string;
}

export interface TgEntity {
  type: string;
  offset: number;
  length: number;
  user?: TgUser;
  url?: string;
}

/** An update without its update_id (the stand-in numbers them). */
export type UpdateBody = Record<string, unknown>;
export type Update = UpdateBody & { update_id: number };

let messageSeq = 5000;
let querySeq = 1;

export function user(id: string | number, name: string, username?: string): TgUser {
  const [first, ...rest] = name.split(' ');
  return { id: Number(id), is_bot: false, first_name: first!, ...(rest.length ? { last_name: rest.join(' ') } : {}), ...(username ? { username } : {}) };
}

export function privateChat(u: TgUser): TgChat {
  return { id: u.id, type: 'private', first_name: u.first_name };
}

export function groupChat(id: string | number, title = 'Gruppo'): TgChat {
  return { id: Number(id), type: String(id).startsWith('-100') ? 'supergroup' : 'group', title };
}

/** Entities Telegram finds by itself: a leading /command, @mentions. */
function autoEntities(text: string): TgEntity[] {
  const entities: TgEntity[] = [];
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
  for (const m of text.matchAll(/(?<=^|\s)@[A-Za-z0-9_]{5,32}/g)) entities.push({ type: 'mention', offset: m.index, length: m[0].length });
  return entities;
}

/** A text message; `mentions` adds text_mention entities (people picked without a username). */
export function textMessage(from: TgUser, chat: TgChat, text: string, mentions: { text: string; user: TgUser }[] = []): UpdateBody {
  const entities = autoEntities(text);
  for (const m of mentions) {
    const offset = text.indexOf(m.text);
    if (offset < 0) throw new Error(`"${m.text}" is not in "${text}"`);
    entities.push({ type: 'text_mention', offset, length: m.text.length, user: m.user });
  }
  entities.sort((a, b) => a.offset - b.offset);
  return {
    message: {
      message_id: ++messageSeq,
      from,
      chat,
      date: Math.floor(Date.now() / 1000),
      text,
      ...(entities.length ? { entities } : {}),
    },
  };
}

/** A press on an inline keyboard button of a message the bot sent. */
export function buttonPress(from: TgUser, chat: TgChat, data: string, messageId: number): UpdateBody {
  return {
    callback_query: {
      id: `cq${querySeq++}`,
      from,
      chat_instance: `ci${chat.id}`,
      data,
      message: { message_id: messageId, date: Math.floor(Date.now() / 1000), chat, text: '…' },
    },
  };
}
