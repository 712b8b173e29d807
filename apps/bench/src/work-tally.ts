import { benchClockMs } from './bench-clock.js';
import { LatencyHistogram } from './latency-histogram.js';
import type { WorkerResult, WorkerRole } from './worker-protocol.js';

/** What one worker process has done so far: counts, times and latencies. */
export class WorkTally {
  handled = 0;
  dropped = 0;
  firstAtMs: number | null = null;
  lastAtMs: number | null = null;
  /** Latencies since the warm-up ended (or of every item, if it never did). */
  latency = new LatencyHistogram();
  private warmup: WorkerResult['warmup'] = null;

  constructor(private readonly role: WorkerRole) {}

  /** Marks the start of the work (producers: before the first offer goes out). */
  begin(now = benchClockMs()): void {
    this.firstAtMs ??= now;
  }

  count(items: number, now = benchClockMs()): void {
    this.firstAtMs ??= now;
    this.handled += items;
    this.lastAtMs = now;
  }

  /** Ends the warm-up: items and latencies so far are kept apart from what comes next. */
  endWarmup(now = benchClockMs()): void {
    if (this.warmup) return;
    this.warmup = { endedAtMs: now, handled: this.handled, latency: this.latency.toSparse() };
    this.latency = new LatencyHistogram();
  }

  result(cpuMs: number): WorkerResult {
    const { role, handled, dropped, firstAtMs, lastAtMs, warmup } = this;
    return { role, handled, dropped, firstAtMs, lastAtMs, latency: this.latency.toSparse(), warmup, cpuMs };
  }
}
