// Sends what Slack sends to Reti's POST /slack/events, signed as Slack signs it:
// X-Slack-Signature = "v0=" + hex HMAC-SHA256(signing secret, "v0:{timestamp}:{raw body}").
// Slash commands and interactivity are form-encoded (interactivity as `payload=<json>`); the
// Events API is JSON.
import { createHmac, randomBytes } from 'node:crypto';

export interface Signing {
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Sign with another secret (a forged request). */
  secret?: string;
  /** false: send no signature headers at all. */
  signed?: boolean;
  headers?: Record<string, string>;
}

export interface SlackResponse {
  status: number;
  text: string;
  headers: Headers;
}

let triggerSeq = 0;
export const newTriggerId = () => `${Date.now()}.${++triggerSeq}.${randomBytes(8).toString('hex')}`;
export const newEventId = () => `Ev0${randomBytes(5).toString('hex').toUpperCase()}`;

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface CommandFields {
  command: string;
  text?: string;
  user: string;
  userName?: string;
  channel: string;
  channelName?: string;
  triggerId?: string;
}

export class SlackSender {
  constructor(
    /** http://127.0.0.1:PORT/slack/events */
    readonly url: string,
    readonly secret: string,
    readonly team = 'T0EXAMPLE',
  ) {}

  async post(body: string, contentType: string, signing: Signing = {}): Promise<SlackResponse> {
    const timestamp = signing.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = { 'content-type': contentType, ...signing.headers };
    if (signing.signed !== false) {
      headers['x-slack-request-timestamp'] = String(timestamp);
      headers['x-slack-signature'] = signature(signing.secret ?? this.secret, timestamp, body);
    }
    const res = await fetch(this.url, { method: 'POST', headers, body });
    return { status: res.status, text: await res.text(), headers: res.headers };
  }

  /** A slash command, as Slack posts it (`/rete collega BG01` → command=/rete, text=collega BG01). */
  command(c: CommandFields, signing?: Signing): Promise<SlackResponse> {
    return this.post(new URLSearchParams(this.commandPayload(c)).toString(), 'application/x-www-form-urlencoded', signing);
  }

  /** The fields of a slash command (form-encoded over HTTP, an object in Socket Mode). */
  commandPayload(c: CommandFields): Record<string, string> {
    return {
      token: 'deprecated-verification-token',
      team_id: this.team,
      team_domain: 'reti-lombardia',
      channel_id: c.channel,
      channel_name: c.channelName ?? (c.channel.startsWith('D') ? 'directmessage' : 'rete-bergamo-ovest'),
      user_id: c.user,
      user_name: c.userName ?? c.user.toLowerCase(),
      command: c.command,
      text: c.text ?? '',
      api_app_id: 'A0RETI',
      is_enterprise_install: 'false',
      response_url: 'https://hooks.slack.com/commands/T0EXAMPLE/1/abc',
      trigger_id: c.triggerId ?? newTriggerId(),
    };
  }

  /** Interactivity (block_actions, view_submission): form-encoded `payload=<json>`. */
  interaction(payload: object, signing?: Signing): Promise<SlackResponse> {
    return this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', signing);
  }

  /** An Events API callback (or url_verification) as JSON. */
  event(envelope: object, signing?: Signing): Promise<SlackResponse> {
    return this.post(JSON.stringify(envelope), 'application/json', signing);
  }

  // ---- payloads ----

  messageIm(m: { user: string; text: string; eventId?: string; channel?: string }): object {
    const channel = m.channel ?? `D${m.user.slice(1)}`;
    return {
      token: 'deprecated-verification-token',
      team_id: this.team,
      api_app_id: 'A0RETI',
      type: 'event_callback',
      event_id: m.eventId ?? newEventId(),
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: this.team, user_id: 'U0RETIBOT', is_bot: true, is_enterprise_install: false }],
      event: { type: 'message', channel, channel_type: 'im', user: m.user, text: m.text, ts: `${Date.now() / 1000}`, team: this.team },
    };
  }

  blockActions(a: { user: string; userName?: string; channel: string; actionId: string; value?: string; messageTs?: string; triggerId?: string }): object {
    const messageTs = a.messageTs ?? '1764000000.000001';
    return {
      type: 'block_actions',
      team: { id: this.team, domain: 'reti-lombardia' },
      user: { id: a.user, username: a.userName ?? a.user.toLowerCase(), name: a.userName ?? a.user.toLowerCase(), team_id: this.team },
      api_app_id: 'A0RETI',
      token: 'deprecated-verification-token',
      container: { type: 'message', message_ts: messageTs, channel_id: a.channel, is_ephemeral: false },
      trigger_id: a.triggerId ?? newTriggerId(),
      channel: { id: a.channel, name: a.channel.startsWith('D') ? 'directmessage' : 'rete-bergamo-ovest' },
      message: { type: 'message', ts: messageTs, text: '' },
      response_url: 'https://hooks.slack.com/actions/T0EXAMPLE/1/abc',
      actions: [
        {
          type: 'button',
          action_id: a.actionId,
          block_id: 'b1',
          text: { type: 'plain_text', text: 'x' },
          ...(a.value ? { value: a.value } : {}),
          action_ts: `${Date.now() / 1000}`,
        },
      ],
    };
  }

  viewSubmission(v: {
    user: string;
    callbackId: string;
    privateMetadata: string;
    values: Record<string, Record<string, Record<string, unknown>>>;
    triggerId?: string;
  }): object {
    return {
      type: 'view_submission',
      team: { id: this.team, domain: 'reti-lombardia' },
      user: { id: v.user, username: v.user.toLowerCase(), name: v.user.toLowerCase(), team_id: this.team },
      api_app_id: 'A0RETI',
      token: 'deprecated-verification-token',
      trigger_id: v.triggerId ?? newTriggerId(),
      view: {
        id: 'V0FORM1',
        team_id: this.team,
        type: 'modal',
        callback_id: v.callbackId,
        private_metadata: v.privateMetadata,
        hash: '1764000000.abcdef',
        state: { values: v.values },
      },
      response_urls: [],
    };
  }
}
