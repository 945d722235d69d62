// Memory while the opening job runs: peak RSS and heap sampled every 10 ms (PGlite runs in the
// same thread and starves the timer, so the job's own per-batch log lines also take a sample), and
// the live heap after each batch (a forced GC at each batch: the measure of memory that stays flat).
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

const MB = 1024 * 1024;
export const mb = (n: number) => `${(n / MB).toFixed(0)} MB`;

const gc = () => (globalThis as { gc?: () => void }).gc?.();

export class MemoryProbe {
  peakRss = 0;
  peakHeap = 0;
  /** Live heap (after a forced GC) at the end of each batch, when `liveAtBatches` is set. */
  readonly live: number[] = [];
  liveAtBatches = false;
  private timer: NodeJS.Timeout | undefined;

  /** A logger for the app: debug lines of the jobs ("batch done") become samples. */
  readonly logger: Logger = pino(
    { level: 'debug' },
    new Writable({
      write: (chunk, _enc, done) => {
        if (String(chunk).includes('batch done')) this.batch();
        done();
      },
    }),
  );

  private sample(): void {
    const m = process.memoryUsage();
    this.peakRss = Math.max(this.peakRss, m.rss);
    this.peakHeap = Math.max(this.peakHeap, m.heapUsed);
  }

  private batch(): void {
    this.sample();
    if (!this.liveAtBatches) return;
    gc();
    this.live.push(process.memoryUsage().heapUsed);
  }

  start(): { rss: number; heap: number } {
    gc();
    const m = process.memoryUsage();
    this.peakRss = m.rss;
    this.peakHeap = m.heapUsed;
    this.live.length = 0;
    this.timer = setInterval(() => this.sample(), 10);
    return { rss: m.rss, heap: m.heapUsed };
  }

  stop(): void {
    this.sample();
    clearInterval(this.timer);
  }
}
