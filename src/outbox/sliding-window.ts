// A sender-side sliding window: at most `limit` messages in any `windowMs`, as Telegram (and the
// Bot API stand-in) count them, per sliding second, on arrival. Pacing by a minimum interval alone
// is not enough: timers that fire late after the event loop was busy go out together, and such a
// catch-up burst on top of a full second is answered 429 (and the whole bot then waits seconds).
// A message occupies the window from the moment its request starts until a second after its
// answer came back, so however long it took to leave or to arrive, it is counted.
export class SlidingWindow {
  /** When the answers of recent requests came back, oldest first. */
  private readonly answered: number[] = [];
  private inflight = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  private recent(now: number): number {
    while (this.answered.length && this.answered[0]! <= now - this.windowMs) this.answered.shift();
    return this.answered.length;
  }

  /** Resolves when one more request fits; call the function it returns when its answer is back. */
  async take(): Promise<() => void> {
    for (;;) {
      const now = Date.now();
      if (this.inflight + this.recent(now) < this.limit) {
        this.inflight++;
        let done = false;
        return () => {
          if (done) return;
          done = true;
          this.inflight--;
          this.answered.push(Date.now());
        };
      }
      const wait = this.answered.length ? this.answered[0]! + this.windowMs - now : 5;
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.min(wait, 50))));
    }
  }
}
