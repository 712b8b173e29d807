import { runVirtual, type VirtualRunOptions } from '@restaurant/sim';

export interface BenchCase {
  name: string;
  options: VirtualRunOptions;
}

export interface BenchRow {
  name: string;
  events: number;
  /** Best wall time over the rounds: the least disturbed by the rest of the machine. */
  bestWallS: number;
  eventsPerSec: number;
}

const BASE = { producerPeriodS: 3, consumerMinS: 3, consumerMaxS: 10, cookStart: 'together', seed: 1 } as const;

/** The scenarios measured: the original, a busy kitchen, and a large one with long waits. */
export const BENCH_CASES: BenchCase[] = [
  { name: '1 cook, 2 customers, capacity 3, 10000 h', options: { ...BASE, producers: 1, consumers: 2, capacity: 3, modelSeconds: 10_000 * 3600 } },
  { name: '4 cooks, 8 customers, capacity 5, 2500 h', options: { ...BASE, producers: 4, consumers: 8, capacity: 5, modelSeconds: 2500 * 3600 } },
  {
    name: '20 cooks, 100 customers, capacity 50, waits 3-60 s, 500 h',
    options: { ...BASE, producers: 20, consumers: 100, capacity: 50, consumerMaxS: 60, modelSeconds: 500 * 3600 },
  },
];

/** Runs each case `rounds` times (after one warm-up run for the JIT) and keeps the best time. */
export function benchVirtualEngine(cases: readonly BenchCase[], rounds: number): BenchRow[] {
  return cases.map(({ name, options }) => {
    runVirtual({ ...options, modelSeconds: Math.min(options.modelSeconds, 100 * 3600) });
    let best = Number.POSITIVE_INFINITY;
    let events = 0;
    for (let round = 0; round < rounds; round++) {
      const result = runVirtual(options);
      events = result.events;
      best = Math.min(best, result.wallS);
    }
    return { name, events, bestWallS: best, eventsPerSec: events / best };
  });
}
