// Who is writing (users.info, cached) and which DM channel belongs to whom (remembered from what
// Slack tells us, else conversations.open). Name lookups happen before an event is recorded, so
// they are bounded in time: Slack wants an answer within 3 seconds.
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../log.js';
import type { ActorRef } from '../port.js';
import { PLATFORM } from './inbound.js';

interface Known {
  displayName: string;
  username?: string;
  fetchedAt: number;
}

export interface PeopleOptions {
  /** How long a name is trusted before it is looked up again. */
  ttlMs?: number;
  /** How long recording an event may wait for users.info. */
  lookupTimeoutMs?: number;
}

export class SlackPeople {
  private readonly known = new Map<string, Known>();
  private readonly inflight = new Map<string, Promise<Known | undefined>>();
  private readonly dms = new Map<string, string>();
  private readonly ttlMs: number;
  private readonly lookupTimeoutMs: number;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly logger: Logger,
    options: PeopleOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 60 * 60_000;
    this.lookupTimeoutMs = options.lookupTimeoutMs ?? 1500;
  }

  /** The actor of an event; `fallbackName` is what the payload says (a handle) when Slack cannot be asked. */
  async actor(workspace: string, userId: string, fallbackName?: string): Promise<ActorRef> {
    const who = await this.lookup(userId);
    const username = who?.username ?? fallbackName;
    return {
      platform: PLATFORM,
      workspace,
      userId,
      displayName: who?.displayName ?? fallbackName ?? userId,
      ...(username ? { username } : {}),
    };
  }

  private async lookup(userId: string): Promise<Known | undefined> {
    const cached = this.known.get(userId);
    if (cached && Date.now() - cached.fetchedAt < this.ttlMs) return cached;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), this.lookupTimeoutMs);
    });
    try {
      // A stale name is better than none when Slack is slow or down.
      return (await Promise.race([this.fetch(userId), timeout])) ?? cached;
    } finally {
      clearTimeout(timer);
    }
  }

  private fetch(userId: string): Promise<Known | undefined> {
    const running = this.inflight.get(userId);
    if (running) return running;
    const p = this.client.users
      .info({ user: userId })
      .then((res) => {
        const u = res.user;
        const displayName = u?.profile?.real_name || u?.real_name || u?.profile?.display_name || u?.name;
        if (!displayName) return undefined;
        const known: Known = { displayName, ...(u?.name ? { username: u.name } : {}), fetchedAt: Date.now() };
        this.known.set(userId, known);
        return known;
      })
      .catch((err: unknown) => {
        this.logger.warn({ err: err instanceof Error ? err.message : String(err), user: userId }, 'slack users.info failed');
        return undefined;
      })
      .finally(() => this.inflight.delete(userId));
    this.inflight.set(userId, p);
    return p;
  }

  /** Remembers the DM channel (D…) Slack used with a person. */
  rememberDm(userId: string, channelId: string | undefined): void {
    if (channelId?.startsWith('D')) this.dms.set(userId, channelId);
  }

  /** The DM channel with a person, opening it when it is not known yet. */
  async dmChannel(userId: string): Promise<string> {
    const known = this.dms.get(userId);
    if (known) return known;
    const res = await this.client.conversations.open({ users: userId });
    const id = res.channel?.id;
    if (!id) throw new Error(`conversations.open returned no channel for ${userId}`);
    this.rememberDm(userId, id);
    return id;
  }
}

/** Slack user ids (U…, W… in Enterprise Grid) address the person's DM with the bot. */
export function isUserId(chatId: string): boolean {
  return /^[UW][A-Z0-9]+$/.test(chatId);
}
