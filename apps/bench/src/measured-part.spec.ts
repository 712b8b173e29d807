import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from './latency-histogram.js';
import { measuredPart } from './measured-part.js';
import { WorkTally } from './work-tally.js';
import type { WorkerResult } from './worker-protocol.js';

/** A consumer that takes `before` items 10 ms late each, then `after` items 1 ms late each, 1 item per ms. */
function consumer(before: number, after: number, warmupEnds: boolean, startMs = 0): WorkerResult {
  const tally = new WorkTally('ours-consumer');
  let now = startMs;
  for (let i = 0; i < before; i++) {
    tally.latency.recordMs(10);
    tally.count(1, ++now);
  }
  if (warmupEnds) tally.endWarmup(now);
  for (let i = 0; i < after; i++) {
    tally.latency.recordMs(1);
    tally.count(1, ++now);
  }
  return tally.result(0);
}

function producer(firstAtMs: number): WorkerResult {
  const tally = new WorkTally('ours-producer');
  tally.begin(firstAtMs);
  return tally.result(0);
}

describe('the measured part of a row', () => {
  it('leaves the warm-up out of items/s and latency, and keeps it in the p99 of every item', () => {
    const part = measuredPart([producer(0), consumer(10, 990, true), consumer(10, 490, true, 500)]);
    expect(part.warmedUp).toBe(true);
    expect(part.items).toBe(990 + 490);
    // From the first consumer's end of warm-up (10 ms) to the last item taken (1000 ms).
    expect(part.spanMs).toBe(990);
    expect(part.latency.total).toBe(1480);
    expect(part.latency.percentileMs(0.999)).toBeLessThan(1.02);
    expect(part.latencyWithWarmup.total).toBe(1500);
    expect(part.latencyWithWarmup.percentileMs(0.999)).toBeGreaterThanOrEqual(10);
  });

  it('reports every item, from the first offer, when the row ended before the warm-up did', () => {
    const part = measuredPart([producer(-5), consumer(0, 100, false)]);
    expect(part).toMatchObject({ warmedUp: false, items: 100, spanMs: 105 });
    expect(part.latency.total).toBe(100);
  });

  it('reports every item when the warm-up ended only after the last item was taken', () => {
    const part = measuredPart([producer(-5), consumer(100, 0, true)]);
    expect(part).toMatchObject({ warmedUp: false, items: 100, spanMs: 105 });
    expect(part.latency.total).toBe(100);
  });

  it('ends a warm-up once: a second signal changes nothing', () => {
    const tally = new WorkTally('ours-consumer');
    tally.latency.recordMs(5);
    tally.count(1, 1);
    tally.endWarmup(2);
    tally.latency.recordMs(1);
    tally.count(1, 3);
    tally.endWarmup(4);
    const { warmup, latency } = tally.result(0);
    expect(warmup).toMatchObject({ endedAtMs: 2, handled: 1 });
    const before = LatencyHistogram.fromSparse(warmup?.latency ?? []);
    const after = LatencyHistogram.fromSparse(latency);
    expect([before.total, after.total]).toEqual([1, 1]);
    expect(before.percentileMs(1)).toBeGreaterThanOrEqual(5);
    expect(after.percentileMs(1)).toBeLessThan(1.02);
  });
});
