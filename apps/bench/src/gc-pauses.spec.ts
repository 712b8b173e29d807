import { describe, expect, it } from 'vitest';
import { sumGcPauses, watchGcPauses } from './gc-pauses.js';

/** Makes garbage (tens of MB, one object kept at a time) until the young generation must have been collected. */
function makeGarbage(): unknown {
  let last: unknown = null;
  for (let i = 0; i < 500_000; i++) last = { i, previous: last === null ? null : i, bytes: new Array<number>(8).fill(i) };
  return last;
}

/** Node hands GC entries to observers from its immediate queue. */
const afterImmediates = (): Promise<void> => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

describe('watchGcPauses', () => {
  it("counts this process's pauses while it makes garbage, and how long it watched", async () => {
    const watch = watchGcPauses();
    makeGarbage();
    await afterImmediates();
    const pauses = watch.stop();
    expect(pauses.count).toBeGreaterThan(0);
    expect(pauses.longestMs).toBeGreaterThan(0);
    expect(pauses.totalMs).toBeGreaterThanOrEqual(pauses.longestMs);
    expect(pauses.watchedMs).toBeGreaterThanOrEqual(pauses.totalMs);
  });

  it('stops counting at stop()', async () => {
    const watch = watchGcPauses();
    const atStop = watch.stop();
    makeGarbage();
    await afterImmediates();
    expect(watch.stop().count).toBe(atStop.count);
  });
});

describe('sumGcPauses', () => {
  it('adds counts, pause and watched times, and keeps the longest pause', () => {
    const sum = sumGcPauses([
      { count: 2, totalMs: 3, longestMs: 2, watchedMs: 100 },
      { count: 5, totalMs: 4, longestMs: 1, watchedMs: 200 },
    ]);
    expect(sum).toEqual({ count: 7, totalMs: 7, longestMs: 2, watchedMs: 300 });
  });
});
