// Delivery operations on the Bot API: sendMessage, editMessageText, sendDocument (sendPhoto for an image), each with a
// timeout so a hung request fails (transient) well before the outbox reclaims the row.
import type { Telegram } from 'telegraf';
import type { Message } from 'telegraf/types';
import { DeliveryError, type Address, type Delivery, type DeliveryResult, type OutMessage } from '../port.js';
import { timeout } from './client.js';
import { isNotModified, migratedTo, toDeliveryError } from './errors.js';
import { CAPTION_LIMIT, TEXT_LIMIT, render, type Rendered } from './render.js';

export interface DeliverOptions {
  /** Milliseconds before a sendMessage/editMessageText request is abandoned. */
  requestTimeoutMs: number;
  /** Milliseconds before a document upload is abandoned. */
  uploadTimeoutMs: number;
}

const NO_PREVIEW = { is_disabled: true } as const;

function tooLong(what: string, length: number, limit: number): DeliveryError {
  // The core splits long messages before enqueueing: reaching this is a bug upstream, and
  // Telegram would refuse (or cut) the message anyway.
  return new DeliveryError('permanent', `${what} di ${length} caratteri: Telegram ne accetta al massimo ${limit}`);
}

function chatIdOf(to: Address): string {
  if (!/^-?\d+$/.test(to.chatId)) throw new DeliveryError('permanent', `chat Telegram non valida: ${to.chatId}`);
  return to.chatId;
}

export class TelegramDelivery {
  constructor(
    private readonly telegram: Telegram,
    private readonly options: DeliverOptions,
  ) {}

  /**
   * A group upgraded to a supergroup answers 400 with the new chat id: the message goes there, and
   * the result says so (the outbox then moves the channel and the queued messages).
   */
  async deliver(delivery: Delivery): Promise<DeliveryResult> {
    try {
      return await this.deliverOnce(delivery);
    } catch (err) {
      const moved = delivery.op === 'send' ? migratedTo(err) : undefined;
      if (!moved || delivery.op !== 'send') throw toDeliveryError(err);
      try {
        const result = await this.deliverOnce({ ...delivery, to: { ...delivery.to, chatId: moved } });
        return { ...result, movedTo: moved };
      } catch (again) {
        throw toDeliveryError(again);
      }
    }
  }

  private async deliverOnce(delivery: Delivery): Promise<DeliveryResult> {
    switch (delivery.op) {
      case 'send':
        // Ephemeral visibility does not exist on Telegram (capabilities.ephemeral is false): the
        // message is sent to the chat like any other.
        return delivery.message.attachment ? await this.sendDocument(delivery.to, delivery.message) : await this.send(delivery.to, delivery.message);
      case 'update':
        return await this.update(delivery.to, delivery.messageId, delivery.message);
      case 'group':
        throw new DeliveryError('permanent', 'unsupported');
    }
  }

  private async send(to: Address, message: OutMessage): Promise<DeliveryResult> {
    const r = render(message);
    if (r.length > TEXT_LIMIT) throw tooLong('messaggio', r.length, TEXT_LIMIT);
    const sent = await this.sendText(chatIdOf(to), r);
    return { messageId: String(sent.message_id), chatId: String(sent.chat.id) };
  }

  private sendText(chatId: string, r: Rendered): Promise<Message.TextMessage> {
    return this.telegram.callApi(
      'sendMessage',
      {
        chat_id: chatId,
        text: r.html,
        parse_mode: 'HTML',
        link_preview_options: NO_PREVIEW,
        ...(r.keyboard ? { reply_markup: { inline_keyboard: r.keyboard } } : {}),
      },
      timeout(this.options.requestTimeoutMs),
    );
  }

  private async update(to: Address, messageId: string, message: OutMessage): Promise<DeliveryResult> {
    const chatId = chatIdOf(to);
    if (!/^\d+$/.test(messageId)) throw new DeliveryError('permanent', `messaggio Telegram non valido: ${messageId}`);
    const r = render(message);
    if (r.length > TEXT_LIMIT) throw tooLong('messaggio', r.length, TEXT_LIMIT);
    try {
      await this.telegram.callApi(
        'editMessageText',
        {
          chat_id: chatId,
          message_id: Number(messageId),
          text: r.html,
          parse_mode: 'HTML',
          link_preview_options: NO_PREVIEW,
          // Without reply_markup Telegram removes the buttons, which is what an update without
          // buttons means.
          ...(r.keyboard ? { reply_markup: { inline_keyboard: r.keyboard } } : {}),
        },
        timeout(this.options.requestTimeoutMs),
      );
    } catch (err) {
      // Already showing exactly this (a retried update, a button pressed twice): done.
      if (!isNotModified(err)) throw err;
    }
    return { messageId, chatId };
  }

  /** A file as a document; an image (a digest's charts) as a photo, shown in the chat. */
  private async sendDocument(to: Address, message: OutMessage): Promise<DeliveryResult> {
    const chatId = chatIdOf(to);
    const attachment = message.attachment!;
    const photo = /^image\/(png|jpeg)$/.test(attachment.mimeType);
    const r = render(message);
    const fitsCaption = r.length <= CAPTION_LIMIT;
    if (!fitsCaption) {
      // Too long for a caption: the text goes first as its own message, the file right after.
      if (r.length > TEXT_LIMIT) throw tooLong('messaggio', r.length, TEXT_LIMIT);
      await this.sendText(chatId, { html: r.html, length: r.length });
    }
    const file = { source: Buffer.from(attachment.base64, 'base64'), filename: attachment.filename };
    const extra = {
      chat_id: chatId,
      ...(fitsCaption && r.length > 0 ? { caption: r.html, parse_mode: 'HTML' as const } : {}),
      ...(r.keyboard ? { reply_markup: { inline_keyboard: r.keyboard } } : {}),
    };
    const sent = photo
      ? await this.telegram.callApi('sendPhoto', { ...extra, photo: file }, timeout(this.options.uploadTimeoutMs))
      : await this.telegram.callApi('sendDocument', { ...extra, document: file }, timeout(this.options.uploadTimeoutMs));
    return { messageId: String(sent.message_id), chatId: String(sent.chat.id) };
  }
}
