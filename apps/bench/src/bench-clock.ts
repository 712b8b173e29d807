/**
 * Wall-clock milliseconds with sub-millisecond resolution. Processes on one machine agree on
 * it closely enough (a few µs) to measure enqueue-to-dequeue latency across processes.
 */
export function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}
