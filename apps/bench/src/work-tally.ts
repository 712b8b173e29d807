import { benchClockMs } from './bench-clock.js';
import type { GcPauses } from './gc-pauses.js';
import { LatencyHistogram } from './latency-histogram.js';
import type { RssSample, WorkerJob, WorkerResult } from './worker-protocol.js';

/** What one worker process has done so far: counts, times, latencies and memory samples. */
export class WorkTally {
  handled = 0;
  dropped = 0;
  firstAtMs: number | null = null;
  lastAtMs: number | null = null;
  /** Latencies since the warm-up ended (or of every item, if it never did). */
  latency = new LatencyHistogram();
  private warmup: WorkerResult['warmup'] = null;
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

  /** Ends the warm-up: items and latencies so far are kept apart from what comes next. */
  endWarmup(now = benchClockMs()): void {
    if (this.warmup) return;
    this.warmup = { endedAtMs: now, handled: this.handled, latency: this.latency.toSparse() };
    this.latency = new LatencyHistogram();
  }

  result(cpuMs: number, gc: GcPauses): WorkerResult {
    return {
      role: this.job.role,
      handled: this.handled,
      dropped: this.dropped,
      firstAtMs: this.firstAtMs,
      lastAtMs: this.lastAtMs,
      latency: this.latency.toSparse(),
      warmup: this.warmup,
      rss: this.rss,
      cpuMs,
      gc,
    };
  }
}
