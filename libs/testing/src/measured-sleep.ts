import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Sleeps about `ms` and returns the µs that really passed, by the monotonic clock. A test that
 * needs a lower bound of a wait uses this, not `ms`: Node may fire a timer a little early.
 */
export async function measuredSleepUs(ms: number): Promise<number> {
  const from = performance.now();
  await sleep(ms);
  return Math.floor((performance.now() - from) * 1000);
}
