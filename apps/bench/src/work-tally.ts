import { benchClockMs } from './bench-clock.js';
import { LatencyHistogram } from './latency-histogram.js';
import type { RssSample, WorkerJob, WorkerResult } from './worker-protocol.js';

/** What one worker process has done so far: counts, times, latencies and memory samples. */
export class WorkTally {
  handled = 0;
  dropped = 0;
  firstAtMs: number | null = null;
  lastAtMs: number | null = null;
  readonly latency = new LatencyHistogram();
  private readonly rss: RssSample[] = [];
  private nextRssSample = 0;

  constructor(
    private readonly job: WorkerJob,
    private readonly rssBytes: () => number,
  ) {}

  /** Marks the start of the work (producers: before the first offer goes out). */
  begin(now = benchClockMs()): void {
    this.firstAtMs ??= now;
  }

  count(items: number, now = benchClockMs()): void {
    this.firstAtMs ??= now;
    this.handled += items;
    this.lastAtMs = now;
    const thresholds = this.job.rssAtItems;
    while (this.nextRssSample < thresholds.length && this.handled >= thresholds[this.nextRssSample]) {
      this.rss.push({ items: thresholds[this.nextRssSample], rssBytes: this.rssBytes() });
      this.nextRssSample++;
    }
  }

  result(cpuMs: number): WorkerResult {
    return {
      role: this.job.role,
      handled: this.handled,
      dropped: this.dropped,
      firstAtMs: this.firstAtMs,
      lastAtMs: this.lastAtMs,
      latency: this.latency.toSparse(),
      rss: this.rss,
      cpuMs,
    };
  }
}
