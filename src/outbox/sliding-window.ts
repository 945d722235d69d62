// A sender-side sliding window: at most `limit` sends in any `windowMs`. Telegram (and the Bot API
// stand-in) count messages per sliding second; pacing by minimum interval alone is not enough,
// because timers that fire late after the event loop was busy go out together, and that catch-up
// burst on top of a full second is answered 429 (and the platform then pauses for whole seconds).
export class SlidingWindow {
  private readonly stamps: number[] = [];
  private head = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Milliseconds until one more send fits (0: now). */
  private delay(now: number): number {
    if (this.stamps.length < this.limit) return 0;
    return this.stamps[this.head]! + this.windowMs - now;
  }

  /** Resolves when one more send fits, and counts it. */
  async take(): Promise<void> {
    for (;;) {
      const now = Date.now();
      const wait = this.delay(now);
      if (wait <= 0) {
        if (this.stamps.length < this.limit) this.stamps.push(now);
        else {
          this.stamps[this.head] = now;
          this.head = (this.head + 1) % this.limit;
        }
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
