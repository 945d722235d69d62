// Bot API failures as DeliveryErrors, the only kind the outbox understands. Telegraf does not retry
// a call by itself: every retry decision is the outbox's, made from the kind chosen here.
import { TelegramError } from 'telegraf';
import { DeliveryError } from '../port.js';

/** The Bot API's own words, without telegraf's "403: " prefix. */
export function describe(err: unknown): string {
  if (err instanceof TelegramError) return err.description ?? `errore ${err.code}`;
  return err instanceof Error ? err.message : String(err);
}

/** The new chat id of a group upgraded to a supergroup (400 with parameters.migrate_to_chat_id). */
export function migratedTo(err: unknown): string | undefined {
  if (!(err instanceof TelegramError) || err.code !== 400) return undefined;
  const id = (err.parameters as { migrate_to_chat_id?: number } | undefined)?.migrate_to_chat_id;
  return typeof id === 'number' && Number.isSafeInteger(id) ? String(id) : undefined;
}

export function isNotModified(err: unknown): boolean {
  return err instanceof TelegramError && err.code === 400 && /message is not modified/i.test(err.description ?? '');
}

export function toDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  if (!(err instanceof TelegramError)) {
    // FetchError (network), AbortError (our timeout): the message may or may not have arrived;
    // the outbox retries with backoff.
    return new DeliveryError('transient', describe(err));
  }
  const code = err.code;
  const description = describe(err);
  if (code === 429) {
    const seconds = Number(err.parameters?.retry_after ?? 1);
    return new DeliveryError('rate_limited', description, Math.max(1, seconds) * 1000, 'bot');
  }
  // Never started, blocked, kicked from the group, deactivated account.
  if (code === 403) return new DeliveryError('unreachable', description);
  if (code === 400 && /chat not found/i.test(description)) return new DeliveryError('unreachable', description);
  if (code >= 500) return new DeliveryError('transient', description);
  return new DeliveryError('permanent', description);
}
