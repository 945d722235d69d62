// Time is injected: services take a Clock, tests pass a fixed or advancing one. With
// RETI_TEST_CLOCK=1 the service runs on the test clock (src/test-clock.ts), stored in the database.
export interface Clock {
  now(): Date;
}

/** A clock that can be moved (the test clock, tests' ManualClock): POST /admin/clock moves it forward. */
export interface AdjustableClock extends Clock {
  set(at: Date): void | Promise<void>;
}

export function isAdjustable(clock: Clock): clock is AdjustableClock {
  return typeof (clock as Partial<AdjustableClock>).set === 'function';
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock under the test's control. */
export class ManualClock implements AdjustableClock {
  private t: number;
  constructor(start: Date | string) {
    this.t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(at: Date | string): void {
    this.t = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
}
