// Slack payloads → neutral InboundEvents. Pure functions over the few fields Reti reads, so each
// mapping is easy to check. Ids are stable across redeliveries: Events API retries share their
// event_id; slash commands, button presses and modal submissions are never retried by Slack and
// carry a unique trigger_id.
import type { ActorRef, ChatRef, InboundEvent } from '../port.js';
import { decodeMetadata, formValues, type StateValue } from './forms.js';

export const PLATFORM = 'slack';

export interface CommandPayload {
  team_id: string;
  channel_id: string;
  channel_name?: string;
  user_id: string;
  user_name?: string;
  command: string;
  text: string;
  trigger_id: string;
  response_url?: string;
}

export interface MessagePayload {
  type: string;
  subtype?: string;
  bot_id?: string;
  user?: string;
  channel?: string;
  channel_type?: string;
  text?: string;
}

export interface EventEnvelope {
  team_id?: string;
  event_id?: string;
}

export interface InteractionUser {
  id: string;
  username?: string;
  name?: string;
  team_id?: string;
}

export interface ActionPayload {
  action_id: string;
  value?: string;
  selected_option?: { value: string } | null;
  selected_date?: string | null;
  selected_time?: string | null;
  action_ts?: string;
}

export interface BlockActionsBody {
  team: { id: string } | null;
  user: InteractionUser;
  channel?: { id: string; name?: string };
  container?: { message_ts?: string; channel_id?: string };
  message?: { ts?: string };
  trigger_id: string;
  response_url?: string;
}

export interface ViewSubmissionBody {
  team: { id: string } | null;
  user: InteractionUser;
  trigger_id?: string;
  view: {
    id: string;
    hash?: string;
    callback_id: string;
    private_metadata?: string;
    state: { values: Record<string, Record<string, StateValue>> };
  };
}

/**
 * Slack text → what the person typed: `<@U123|maria>` → `<@U123>` (the core's mention form),
 * `<#C123|rete>` → `<#C123>`, auto-linked URLs and e-mail addresses back to their text, and the
 * three escaped characters (&amp; &lt; &gt;) back to themselves.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, '<@$1>')
    .replace(/<#([CGD][A-Z0-9]+)(?:\|[^>]*)?>/g, '<#$1>')
    .replace(/<((?:https?|mailto|tel):[^|>]*)(?:\|([^>]*))?>/g, (_m, url: string, label?: string) => label ?? url.replace(/^(mailto|tel):/, ''))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** A neutral action id: the `#n` suffix that made duplicates unique in one message is dropped. */
export function neutralAction(actionId: string): string {
  return actionId.replace(/#\d+$/, '');
}

/** A direct message with the bot is the person's private chat, addressed by their user id. */
export function chatOf(workspace: string, channelId: string | undefined, userId: string, title?: string): ChatRef {
  if (!channelId || channelId.startsWith('D')) return { platform: PLATFORM, workspace, chatId: userId, kind: 'private' };
  return { platform: PLATFORM, workspace, chatId: channelId, kind: 'group', ...(title ? { title } : {}) };
}

export function isDirectChannel(channelId: string | undefined): channelId is string {
  return Boolean(channelId?.startsWith('D'));
}

const now = () => new Date().toISOString();

export function commandEvent(p: CommandPayload, actor: ActorRef): InboundEvent {
  const title = p.channel_name && p.channel_name !== 'directmessage' ? p.channel_name : undefined;
  return {
    id: `cmd:${p.trigger_id}`,
    platform: PLATFORM,
    type: 'command',
    command: p.command.replace(/^\//, '').toLowerCase(),
    text: normaliseText(p.text ?? '').trim(),
    chat: chatOf(p.team_id, p.channel_id, p.user_id, title),
    actor,
    receivedAt: now(),
    handles: { triggerId: p.trigger_id, ...(p.response_url ? { responseUrl: p.response_url } : {}) },
  };
}

/** A person writing to the bot privately; everything else (bots, edits, joins, channels) is not for Reti. */
export function isPersonDirectMessage(m: MessagePayload): m is MessagePayload & { user: string; channel: string } {
  return m.type === 'message' && !m.subtype && !m.bot_id && Boolean(m.user) && isDirectChannel(m.channel);
}

export function messageEvent(envelope: EventEnvelope, m: MessagePayload & { user: string; channel: string }, actor: ActorRef): InboundEvent {
  return {
    id: `ev:${envelope.event_id}`,
    platform: PLATFORM,
    type: 'message',
    text: normaliseText(m.text ?? '').trim(),
    chat: chatOf(actor.workspace, m.channel, m.user),
    actor,
    receivedAt: now(),
  };
}

export function teamOf(body: { team: { id: string } | null; user: InteractionUser }): string {
  return body.team?.id ?? body.user.team_id ?? '';
}

export function actionEvent(body: BlockActionsBody, action: ActionPayload, actor: ActorRef): InboundEvent {
  const channelId = body.channel?.id ?? body.container?.channel_id;
  const messageId = body.container?.message_ts ?? body.message?.ts;
  const value = action.value ?? action.selected_option?.value ?? action.selected_date ?? action.selected_time ?? '';
  return {
    id: `act:${body.trigger_id}`,
    platform: PLATFORM,
    type: 'action',
    action: neutralAction(action.action_id),
    value,
    ...(messageId ? { messageId } : {}),
    chat: chatOf(actor.workspace, channelId, body.user.id, body.channel?.name),
    actor,
    receivedAt: now(),
    handles: { triggerId: body.trigger_id, ...(body.response_url ? { responseUrl: body.response_url } : {}) },
  };
}

export function formEvent(body: ViewSubmissionBody, actor: ActorRef): InboundEvent {
  const origin = decodeMetadata(body.view.private_metadata);
  const chat: ChatRef =
    origin.chatId && origin.kind === 'group'
      ? { platform: PLATFORM, workspace: actor.workspace, chatId: origin.chatId, kind: 'group' }
      : chatOf(actor.workspace, undefined, body.user.id);
  return {
    id: body.trigger_id ? `view:${body.trigger_id}` : `view:${body.view.id}:${body.view.hash ?? ''}`,
    platform: PLATFORM,
    type: 'form',
    form: body.view.callback_id,
    values: formValues(body.view.state.values),
    context: origin.context,
    chat,
    actor,
    receivedAt: now(),
    ...(body.trigger_id ? { handles: { triggerId: body.trigger_id } } : {}),
  };
}
