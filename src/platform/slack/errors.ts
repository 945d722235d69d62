// Slack Web API failures → DeliveryError kinds. The WebClient neither retries nor waits (see
// adapter.ts): the outbox worker owns retries and waits exactly as long as Slack asks.
import { webApi } from '@slack/bolt';
import { DeliveryError } from '../port.js';

/** The bot may not write there; retrying will not help. */
const UNREACHABLE = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'user_not_found',
  'cannot_dm_bot',
  'account_inactive',
  'user_disabled',
  'messages_tab_disabled',
]);

/** Slack's own trouble: try again later. */
const TRANSIENT = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'team_added_to_org']);

/** The bot token itself is refused: the adapter is not healthy. */
const AUTH = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired']);

interface CodedError {
  code?: unknown;
  message?: unknown;
}

function codeOf(err: unknown): string | undefined {
  return typeof (err as CodedError | null)?.code === 'string' ? ((err as CodedError).code as string) : undefined;
}

/** The Slack error string ("not_in_channel") of a platform error, if it is one. */
export function platformError(err: unknown): string | undefined {
  if (codeOf(err) !== webApi.ErrorCode.PlatformError) return undefined;
  return (err as webApi.WebAPIPlatformError).data.error;
}

export function isAuthFailure(err: unknown): boolean {
  const error = platformError(err);
  return error !== undefined && AUTH.has(error);
}

export function toDeliveryError(err: unknown, method: string): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const code = codeOf(err);
  if (code === webApi.ErrorCode.RateLimitedError) {
    const retryAfterSec = (err as webApi.WebAPIRateLimitedError).retryAfter;
    return new DeliveryError('rate_limited', `${method}: rate limited, retry after ${retryAfterSec}s`, retryAfterSec * 1000, 'bot');
  }
  if (code === webApi.ErrorCode.PlatformError) {
    const data = (err as webApi.WebAPIPlatformError).data;
    const error = data.error;
    if (error === 'ratelimited') {
      const retryAfterSec = data.response_metadata?.retryAfter ?? 1;
      return new DeliveryError('rate_limited', `${method}: ratelimited`, retryAfterSec * 1000, 'bot');
    }
    if (UNREACHABLE.has(error)) return new DeliveryError('unreachable', `${method}: ${error}`);
    if (TRANSIENT.has(error)) return new DeliveryError('transient', `${method}: ${error}`);
    return new DeliveryError('permanent', `${method}: ${error}`);
  }
  if (code === webApi.ErrorCode.HTTPError) {
    const status = (err as webApi.WebAPIHTTPError).statusCode;
    const kind = status >= 500 || status === 408 ? 'transient' : 'permanent';
    return new DeliveryError(kind, `${method}: HTTP ${status}`);
  }
  if (code === webApi.ErrorCode.FileUploadInvalidArgumentsError || code === webApi.ErrorCode.FileUploadReadFileDataError) {
    return new DeliveryError('permanent', `${method}: ${(err as Error).message}`);
  }
  // Network errors, timeouts, a failed POST to the upload URL: worth another try.
  const message = err instanceof Error ? err.message : String(err);
  return new DeliveryError('transient', `${method}: ${message}`);
}
