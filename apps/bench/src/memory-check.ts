import type { WorkerResult } from './worker-protocol.js';

export interface MemoryGrowth {
  role: 'producer' | 'consumer';
  earlyItems: number;
  lateItems: number;
  earlyRssBytes: number;
  lateRssBytes: number;
  /** late / early: the target is at most 1.2. */
  growth: number;
}

/** RSS of each side after `early` items against after `late` items, from the workers' samples. */
export function memoryGrowth(results: readonly WorkerResult[], early: number, late: number): MemoryGrowth[] {
  const growth: MemoryGrowth[] = [];
  for (const role of ['producer', 'consumer'] as const) {
    for (const result of results.filter((r) => r.role.endsWith(role))) {
      const earlyRss = result.rss.find((sample) => sample.items === early)?.rssBytes;
      const lateRss = result.rss.find((sample) => sample.items === late)?.rssBytes;
      if (earlyRss === undefined || lateRss === undefined) continue;
      growth.push({
        role,
        earlyItems: early,
        lateItems: late,
        earlyRssBytes: earlyRss,
        lateRssBytes: lateRss,
        growth: lateRss / earlyRss,
      });
    }
  }
  return growth;
}
