// The test clock (RETI_TEST_CLOCK=1): a clock that flows like the real one and jumps forward when
// advanced (POST /admin/clock, npm run reti -- clock). Its time is one row in the database, so every
// replica reads the same time: each keeps a copy and reads the row again every second.
import { systemClock, type AdjustableClock, type Clock } from './clock.js';
import type { Db } from './db/client.js';
import type { Logger } from './log.js';

const REFRESH_MS = 1_000;

export class DatabaseClock implements AdjustableClock {
  readonly test = true;
  /** The clock's time when last set, and the real time then. */
  private at: number;
  private setAt = Date.now();
  private db: Db | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** While this replica advances the clock, its own copy leads and is not read back. */
  private held = false;

  constructor(private readonly opts: { start?: Date; logger?: Logger } = {}) {
    this.at = opts.start?.getTime() ?? Date.now();
  }

  now(): Date {
    return new Date(this.at + (Date.now() - this.setAt));
  }

  /** Reads the clock from the database, creating it (at RETI_TEST_CLOCK_START or the real time) the first time. */
  async attach(db: Db): Promise<this> {
    this.db = db;
    const start = this.now();
    await db.testClock.createMany({ data: [{ id: 1, at: start, setAt: new Date(), firedThrough: start }], skipDuplicates: true });
    await this.refresh();
    if (this.opts.start && Math.abs(this.now().getTime() - start.getTime()) > 60_000)
      this.opts.logger?.warn(
        { now: this.now().toISOString() },
        'RETI_TEST_CLOCK_START ignorato: l’orologio di prova esiste già nel database e continua da dove era',
      );
    this.timer = setInterval(() => void this.refresh().catch(() => {}), REFRESH_MS);
    this.timer.unref();
    return this;
  }

  /** Reads the time other replicas may have set. */
  async refresh(): Promise<void> {
    if (!this.db || this.held) return;
    const row = await this.db.testClock.findUnique({ where: { id: 1 } });
    if (row && !this.held) {
      this.at = row.at.getTime();
      this.setAt = row.setAt.getTime();
    }
  }

  /** Moves this replica's copy only (during an advance, one tick at a time). */
  setLocal(at: Date): void {
    this.at = at.getTime();
    this.setAt = Date.now();
  }

  /** Sets the clock for every replica; `firedThrough`: every tick up to then has been fired. */
  async set(at: Date, firedThrough?: Date): Promise<void> {
    this.setLocal(at);
    await this.requireDb().testClock.update({
      where: { id: 1 },
      data: { at, setAt: new Date(this.setAt), ...(firedThrough ? { firedThrough } : {}) },
    });
  }

  async firedThrough(): Promise<Date> {
    const row = await this.requireDb().testClock.findUniqueOrThrow({ where: { id: 1 } });
    return row.firedThrough;
  }

  async markFired(through: Date): Promise<void> {
    await this.requireDb().testClock.update({ where: { id: 1 }, data: { firedThrough: through } });
  }

  /** While held, the copy is not read back from the database (this replica is advancing it). */
  hold(held: boolean): void {
    this.held = held;
  }

  close(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private requireDb(): Db {
    if (!this.db) throw new Error('test clock not attached to a database');
    return this.db;
  }
}

export function isDatabaseClock(clock: unknown): clock is DatabaseClock {
  return clock instanceof DatabaseClock;
}

/** The service's clock: the test clock when RETI_TEST_CLOCK=1, otherwise the real one. */
export async function openServiceClock(env: { RETI_TEST_CLOCK: boolean; RETI_TEST_CLOCK_START?: Date | undefined }, db: Db, logger?: Logger): Promise<Clock> {
  if (!env.RETI_TEST_CLOCK) return systemClock;
  return new DatabaseClock({ ...(env.RETI_TEST_CLOCK_START ? { start: env.RETI_TEST_CLOCK_START } : {}), ...(logger ? { logger } : {}) }).attach(db);
}
