import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SlidingWindow } from '../../src/outbox/sliding-window.js';

describe('the outbox’s sliding window', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets at most `limit` sends through in any window, whatever their timers did before', async () => {
    const window = new SlidingWindow(3, 1000);
    const passed: number[] = [];
    const start = Date.now();
    // Six sends asked at once (timers that fired together after the event loop was busy).
    const sends = Array.from({ length: 6 }, () => window.take().then(() => passed.push(Date.now() - start)));
    await vi.advanceTimersByTimeAsync(0);
    expect(passed).toEqual([0, 0, 0]);
    await vi.advanceTimersByTimeAsync(999);
    expect(passed).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all(sends);
    expect(passed).toEqual([0, 0, 0, 1000, 1000, 1000]);
  });

  it('counts from each send: a slow trickle is never delayed', async () => {
    const window = new SlidingWindow(2, 1000);
    const passed: number[] = [];
    const start = Date.now();
    for (let i = 0; i < 4; i++) {
      await window.take();
      passed.push(Date.now() - start);
      await vi.advanceTimersByTimeAsync(600);
    }
    expect(passed).toEqual([0, 600, 1200, 1800]);
  });
});
