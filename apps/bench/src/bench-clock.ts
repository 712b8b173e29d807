/**
 * The machine's monotonic clock (CLOCK_MONOTONIC), which every process on it shares: latencies
 * from a stamp written in one process and read in another. Not a time of day. Whole µs keep
 * the number exact (ns since boot would outgrow a double after 104 days) and print cheaply.
 */
export function benchClockUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

export function benchClockMs(): number {
  return benchClockUs() / 1000;
}
