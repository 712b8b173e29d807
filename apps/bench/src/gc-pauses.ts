import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';

/** The garbage-collection pauses of one or more processes while they were watched. */
export interface GcPauses {
  count: number;
  totalMs: number;
  longestMs: number;
  /** How long they were watched (summed over the processes). */
  watchedMs: number;
}

export const NO_GC_PAUSES: GcPauses = { count: 0, totalMs: 0, longestMs: 0, watchedMs: 0 };

/**
 * Watches this process's GC pauses, every kind (scavenges and mark-compact's pauses), until
 * `stop()`. A pause holds up all the process does, so a customer's longest pauses show how much
 * of a row's latency tail its GC can explain (docs/bench.md, round 12).
 */
export function watchGcPauses(): { stop(): GcPauses } {
  const startedAt = performance.now();
  let pauses = NO_GC_PAUSES;
  const add = (entries: readonly PerformanceEntry[]): void => {
    for (const { duration } of entries) {
      pauses = sumGcPauses([pauses, { count: 1, totalMs: duration, longestMs: duration, watchedMs: 0 }]);
    }
  };
  const observer = new PerformanceObserver((list) => add(list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop() {
      // Entries are handed over in batches; the last ones may still be waiting.
      add(observer.takeRecords());
      observer.disconnect();
      return { ...pauses, watchedMs: performance.now() - startedAt };
    },
  };
}

/** Several processes' pauses as one: counts and times add up, the longest is the longest. */
export function sumGcPauses(all: readonly GcPauses[]): GcPauses {
  return all.reduce(
    (sum, pauses) => ({
      count: sum.count + pauses.count,
      totalMs: sum.totalMs + pauses.totalMs,
      longestMs: Math.max(sum.longestMs, pauses.longestMs),
      watchedMs: sum.watchedMs + pauses.watchedMs,
    }),
    NO_GC_PAUSES,
  );
}
