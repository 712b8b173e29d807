/**
 * Where this machine's monotonic clock stood when this process's `performance.now()` was 0.
 * Both read the same system-wide clock (CLOCK_MONOTONIC), so the sum below agrees across
 * processes to a few µs. `performance.timeOrigin` would not do: it is the wall clock at each
 * process's start, and a step of the wall clock between two starts (a time sync) shifts one
 * process against the other by as much as the step; once that showed as latencies of 0.
 */
const originMs = Number(process.hrtime.bigint()) / 1e6 - performance.now();

/**
 * Milliseconds on a clock every process on this machine shares, with sub-millisecond
 * resolution: for enqueue-to-dequeue latency and first-to-last spans across processes. Not a
 * time of day.
 */
export function benchClockMs(): number {
  return originMs + performance.now();
}
