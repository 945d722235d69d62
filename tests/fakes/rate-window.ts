// Sliding-window rate limits as the Bot API stand-in enforces them: at most `limit` accepted
// requests in any window of `windowMs` ending now. A refusal says how long until the oldest
// request in the window leaves it (rounded up to whole seconds, at least 1, like Telegram's
// retry_after).

export class SlidingWindow {
  private readonly stamps = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  private live(key: string, now: number): number[] {
    const list = this.stamps.get(key) ?? [];
    let drop = 0;
    while (drop < list.length && list[drop]! <= now - this.windowMs) drop++;
    const kept = drop ? list.slice(drop) : list;
    this.stamps.set(key, kept);
    return kept;
  }

  /** Seconds to wait when `key` is at its limit now; undefined when one more request fits. */
  retryAfter(key: string, now: number): number | undefined {
    const list = this.live(key, now);
    if (list.length < this.limit) return undefined;
    const oldest = list[list.length - this.limit]!;
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  record(key: string, now: number): void {
    this.live(key, now).push(now);
  }
}

export interface RateLimitRules {
  /** Messages per chat in any one second (Telegram: about 1). */
  perChatPerSecond?: number;
  /** Messages in any one second, all chats together (Telegram: about 30). */
  globalPerSecond?: number;
  /** Messages per group chat (negative id) in any one minute (Telegram: 20). */
  perGroupPerMinute?: number;
}

export class RateLimiter {
  private readonly perChat?: SlidingWindow;
  private readonly global?: SlidingWindow;
  private readonly perGroup?: SlidingWindow;

  constructor(rules: RateLimitRules) {
    if (rules.perChatPerSecond) this.perChat = new SlidingWindow(rules.perChatPerSecond, 1000);
    if (rules.globalPerSecond) this.global = new SlidingWindow(rules.globalPerSecond, 1000);
    if (rules.perGroupPerMinute) this.perGroup = new SlidingWindow(rules.perGroupPerMinute, 60_000);
  }

  /** Accepts (and counts) one message to `chatId`, or says how many seconds to wait. */
  take(chatId: string, now: number): { ok: true } | { ok: false; retryAfter: number; scope: 'chat' | 'global' | 'group' } {
    const group = chatId.startsWith('-');
    const checks: [SlidingWindow | undefined, string, 'chat' | 'global' | 'group'][] = [
      [this.perChat, chatId, 'chat'],
      [group ? this.perGroup : undefined, chatId, 'group'],
      [this.global, '*', 'global'],
    ];
    let worst: { retryAfter: number; scope: 'chat' | 'global' | 'group' } | undefined;
    for (const [window, key, scope] of checks) {
      const wait = window?.retryAfter(key, now);
      if (wait !== undefined && (!worst || wait > worst.retryAfter)) worst = { retryAfter: wait, scope };
    }
    if (worst) return { ok: false, ...worst };
    for (const [window, key] of checks) window?.record(key, now);
    return { ok: true };
  }
}
