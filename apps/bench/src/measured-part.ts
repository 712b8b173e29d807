import { LatencyHistogram } from './latency-histogram.js';
import type { WorkerResult } from './worker-protocol.js';

/** What a row reports: the items after the warm-up, or every item if the run ended first. */
export interface MeasuredPart {
  /** Items the consumers took in the measured part. */
  items: number;
  /** From the end of the warm-up (or the first offer) to the last item taken. */
  spanMs: number;
  latency: LatencyHistogram;
  /** Every item's latency, the warm-up's too. */
  latencyWithWarmup: LatencyHistogram;
  warmedUp: boolean;
}

export function measuredPart(results: readonly WorkerResult[]): MeasuredPart {
  const producers = results.filter((result) => result.role.endsWith('producer'));
  const consumers = results.filter((result) => result.role.endsWith('consumer'));
  const end = Math.max(...consumers.map((result) => result.lastAtMs ?? -Infinity));
  const latency = new LatencyHistogram();
  const latencyWithWarmup = new LatencyHistogram();
  for (const { latency: measured, warmup } of consumers) {
    const histogram = LatencyHistogram.fromSparse(measured);
    latency.add(histogram);
    latencyWithWarmup.add(histogram);
    if (warmup) latencyWithWarmup.add(LatencyHistogram.fromSparse(warmup.latency));
  }
  const handled = consumers.reduce((sum, result) => sum + result.handled, 0);
  const warmups = consumers.flatMap((result) => (result.warmup ? [result.warmup] : []));
  if (warmups.length === consumers.length && warmups.length > 0) {
    const start = Math.min(...warmups.map((warmup) => warmup.endedAtMs));
    const items = handled - warmups.reduce((sum, warmup) => sum + warmup.handled, 0);
    // A short row can be all taken before the consumers hear that the warm-up is over.
    if (items > 0) return { items, spanMs: end - start, latency, latencyWithWarmup, warmedUp: true };
  }
  const start = Math.min(...producers.map((result) => result.firstAtMs ?? Infinity));
  return { items: handled, spanMs: end - start, latency: latencyWithWarmup, latencyWithWarmup, warmedUp: false };
}
