// When jobs fall due: cron expressions read in Europe/Rome by croner (wall-clock times, so 09:00
// stays 09:00 across the changes of summer time), merged into one stream of ticks in time order.
import { Cron } from 'croner';
import { ZONE } from '../time.js';

export interface Tick {
  job: string;
  /** The tick's own time: what the run sees as now. */
  at: Date;
}

/** The cron of `expr` in Europe/Rome; throws on an expression croner cannot read. */
export function cronOf(expr: string): Cron {
  return new Cron(expr, { timezone: ZONE, paused: true });
}

export function validCron(expr: string): boolean {
  try {
    cronOf(expr);
    return true;
  } catch {
    return false;
  }
}

/** The first tick strictly after `after`, or null when the schedule never fires again. */
export function nextTick(cron: Cron, after: Date): Date | null {
  return cron.nextRun(after);
}

/**
 * Every tick of the given schedules in (from, to], in time order (jobs in list order when two fall
 * in the same minute). Lazy: a year of ten-minute schedules is never held in memory at once.
 */
export function* ticksBetween(schedules: { job: string; cron: Cron }[], from: Date, to: Date): Generator<Tick> {
  const heads = schedules.map((s) => ({ ...s, next: nextTick(s.cron, from) }));
  for (;;) {
    let best: (typeof heads)[number] | undefined;
    for (const h of heads) if (h.next && h.next.getTime() <= to.getTime() && (!best || h.next.getTime() < best.next!.getTime())) best = h;
    if (!best) return;
    const at = best.next!;
    best.next = nextTick(best.cron, at);
    yield { job: best.job, at };
  }
}
