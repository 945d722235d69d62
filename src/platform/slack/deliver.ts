// Delivery operations → Slack Web API calls. One call per delivery where possible, so a retry by
// the outbox never repeats half of a delivery: a message with a file is one upload whose blocks
// introduce the file.
import type { webApi } from '@slack/bolt';
import type { Delivery, DeliveryContext, DeliveryResult, OutMessage } from '../port.js';
import { platformError, toDeliveryError } from './errors.js';
import { isUserId, type SlackPeople } from './user-directory.js';
import { renderMessage } from './render.js';

/** postEphemeral errors meaning "the bot is not in that channel" (or the person is not). */
const OUTSIDE_CHANNEL = new Set(['not_in_channel', 'channel_not_found', 'user_not_in_channel']);

/** The message metadata event that carries the outbox id of every message Reti posts. */
export const OUTBOX_EVENT = 'reti_outbox';
/** How far before a row was queued its message is looked for (clocks of Slack and of the database differ a little). */
const LOOKUP_MARGIN_MS = 60_000;
/** At most this many pages of history (200 messages each) are read to find one message. */
const LOOKUP_PAGES = 5;

type Metadata = { event_type: string; event_payload: { outbox_id: string } };
const metadataOf = (context?: DeliveryContext): Metadata | undefined =>
  context ? { event_type: OUTBOX_EVENT, event_payload: { outbox_id: context.ref } } : undefined;

export class SlackDeliverer {
  constructor(
    private readonly client: webApi.WebClient,
    private readonly people: SlackPeople,
    /** Sees every raw failure first (the adapter notices a revoked token). */
    private readonly onFailure: (err: unknown) => void = () => {},
  ) {}

  async deliver(delivery: Delivery, context?: DeliveryContext): Promise<DeliveryResult> {
    const metadata = metadataOf(context);
    switch (delivery.op) {
      case 'send': {
        const ephemeralTo = delivery.visibility === 'ephemeral' ? delivery.ephemeralUserId : undefined;
        const inChannel = !isUserId(delivery.to.chatId) && !delivery.to.chatId.startsWith('D');
        if (delivery.message.attachment) {
          // Files cannot be ephemeral: one meant for a single person goes to their DM instead.
          const target = ephemeralTo && inChannel ? ephemeralTo : delivery.to.chatId;
          return this.upload(await this.channelFor(target), delivery.message);
        }
        if (ephemeralTo && inChannel) return this.postEphemeral(delivery.to.chatId, ephemeralTo, delivery.message);
        return this.post(delivery.to.chatId, delivery.message, metadata);
      }
      case 'update':
        return this.update(await this.channelFor(delivery.to.chatId), delivery.messageId, delivery.message);
      case 'group': {
        const res = await this.call('conversations.open', () => this.client.conversations.open({ users: [...delivery.userIds].sort().join(',') }));
        const channel = res.channel?.id;
        if (!channel) throw toDeliveryError(new Error('conversations.open returned no channel'), 'conversations.open');
        return delivery.message.attachment ? this.upload(channel, delivery.message) : this.post(channel, delivery.message, metadata);
      }
    }
  }

  /**
   * The message posted for this outbox row, if Slack has it: the conversation's history since the
   * row was queued, read with its metadata. Only messages that carry metadata can be found (posted
   * messages); ephemeral ones, files and updates are not looked for (an update is harmless to repeat).
   */
  async findDelivered(delivery: Delivery, context: DeliveryContext): Promise<DeliveryResult | undefined> {
    let channel: string;
    if (delivery.op === 'update' || delivery.message.attachment) return undefined;
    if (delivery.op === 'group') {
      const res = await this.call('conversations.open', () => this.client.conversations.open({ users: [...delivery.userIds].sort().join(',') }));
      if (!res.channel?.id) return undefined;
      channel = res.channel.id;
    } else {
      const inChannel = !isUserId(delivery.to.chatId) && !delivery.to.chatId.startsWith('D');
      if (delivery.visibility === 'ephemeral' && delivery.ephemeralUserId && inChannel) return undefined;
      channel = await this.channelFor(delivery.to.chatId);
    }
    const oldest = String((context.queuedAt.getTime() - LOOKUP_MARGIN_MS) / 1000);
    let cursor: string | undefined;
    for (let page = 0; page < LOOKUP_PAGES; page++) {
      const res = await this.call('conversations.history', () =>
        this.client.conversations.history({ channel, oldest, limit: 200, include_all_metadata: true, ...(cursor ? { cursor } : {}) }),
      );
      const found = res.messages?.find((m) => {
        const meta = m.metadata as { event_type?: string; event_payload?: { outbox_id?: unknown } } | undefined;
        return meta?.event_type === OUTBOX_EVENT && String(meta.event_payload?.outbox_id) === context.ref;
      });
      if (found) return { ...(found.ts ? { messageId: found.ts } : {}), chatId: channel };
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!res.has_more || !cursor) return undefined;
    }
    return undefined;
  }

  private async call<T>(method: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      this.onFailure(err);
      throw toDeliveryError(err, method);
    }
  }

  /** Channels and user ids work for chat.postMessage; updates and uploads need the DM channel. */
  private async channelFor(chatId: string): Promise<string> {
    if (!isUserId(chatId)) return chatId;
    return this.call('conversations.open', () => this.people.dmChannel(chatId));
  }

  private async post(channel: string, message: OutMessage, metadata?: Metadata): Promise<DeliveryResult> {
    const { text, blocks } = renderMessage(message);
    const res = await this.call('chat.postMessage', () =>
      this.client.chat.postMessage({ channel, text, blocks, unfurl_links: false, unfurl_media: false, ...(metadata ? { metadata } : {}) }),
    );
    if (isUserId(channel)) this.people.rememberDm(channel, res.channel);
    return { ...(res.ts ? { messageId: res.ts } : {}), chatId: res.channel ?? channel };
  }

  /**
   * Only `user` sees it. Slash commands work in channels the bot has not joined, where Slack
   * refuses ephemeral messages: the answer then goes to the person's DM, still only for them.
   */
  private async postEphemeral(channel: string, user: string, message: OutMessage): Promise<DeliveryResult> {
    const { text, blocks } = renderMessage(message);
    let res;
    try {
      res = await this.client.chat.postEphemeral({ channel, user, text, blocks });
    } catch (err) {
      if (OUTSIDE_CHANNEL.has(platformError(err) ?? '')) return this.post(user, message);
      this.onFailure(err);
      throw toDeliveryError(err, 'chat.postEphemeral');
    }
    return { ...(res.message_ts ? { messageId: res.message_ts } : {}), chatId: channel };
  }

  private async update(channel: string, ts: string, message: OutMessage): Promise<DeliveryResult> {
    const { text, blocks } = renderMessage(message);
    const res = await this.call('chat.update', () => this.client.chat.update({ channel, ts, text, blocks }));
    return { messageId: res.ts ?? ts, chatId: res.channel ?? channel };
  }

  /** files.getUploadURLExternal, POST to the upload URL, files.completeUploadExternal (shares it with the blocks). */
  private async upload(channel: string, message: OutMessage): Promise<DeliveryResult> {
    const attachment = message.attachment!;
    const { blocks } = renderMessage(message);
    await this.call('files.uploadV2', () =>
      this.client.filesUploadV2({
        channel_id: channel,
        file: Buffer.from(attachment.base64, 'base64'),
        filename: attachment.filename,
        title: attachment.filename,
        blocks,
      }),
    );
    // Slack shares the file asynchronously: there is no message ts to return.
    return { chatId: channel };
  }
}
