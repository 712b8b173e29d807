import type { BenchOptions, BenchPart } from './bench-options.js';
import type { Scenario } from './scenario.js';

export interface CeilingRun {
  depth: number;
  requests: number;
}

export interface BenchPlan {
  scenarios: Scenario[];
  ceilings: CeilingRun[];
  /** The memory check: one long run whose workers sample RSS at `early` and `late` items. */
  memory: { scenario: Scenario; early: number; late: number } | null;
  /** How long every core busy-loops before each round, to count the machine's own stalls. */
  stallProbeMs: number;
}

const SHAPES = [
  [1, 1],
  [2, 4],
  [8, 8],
] as const;

/**
 * The share of each row's items that warms the processes up before the measured part: in
 * 100,000-item runs of unbatched 1/1, half or more of the items slower than 2 ms came in the
 * first second of fresh processes (docs/bench.md, round 4).
 */
const WARMUP_SHARE = 0.1;
const warmupFor = (items: number): number => Math.floor(items * WARMUP_SHARE);
/**
 * Batches in flight per process in the batched modes, so Redis never waits for a client. Since
 * the scripts stopped stamping items, the cook is the busiest process (building 100 items costs
 * it more than Redis spends on them); with 4 batches out it always has the next one to build
 * while the last ones are in Redis, where 2 left it waiting for replies (docs/bench.md, round 3).
 * The customer's 4 is a most: it keeps fewer in flight while it keeps up (adaptive-takes.ts).
 */
const BATCH_PRODUCER_IN_FLIGHT = 4;
const BATCH_CONSUMER_IN_FLIGHT = 4;
/**
 * One item per round trip still (unbatched and blocking rows), but up to sixteen takes in
 * flight per customer (one while it keeps up, see adaptive-takes.ts): with one, a customer is
 * exactly as fast as a cook, the list grows by chance and the latency measured is the
 * backlog's. The most sets how fast a customer that lost the CPU for a moment drains what the
 * cook queued meanwhile: at 1/1, 50,000 items, the p99 was 15-37 ms with two and 2.4-3.6 ms with
 * four on one machine (docs/bench.md, round 2); on a faster one, where the cook moved 13,000
 * items a second, four left 13-23 ms in four of eight runs and sixteen met 2 ms in 9 of 12
 * (round 11). BullMQ's concurrency follows it.
 */
const ONE_ITEM_CONSUMER_IN_FLIGHT = 16;

/** Every run of the benchmark, in order: ours, BullMQ at the same shapes, then the ceiling. */
export function benchPlan({ quick, only, items: itemsPerRow }: Pick<BenchOptions, 'quick' | 'only' | 'items'>): BenchPlan {
  const items = itemsPerRow ?? (quick ? 20_000 : 100_000);
  const wanted = (part: BenchPart): boolean => only === null || only.includes(part);
  const scenario = (
    system: Scenario['system'],
    mode: Scenario['mode'],
    [producers, consumers]: readonly [number, number],
    batch: number,
  ): Scenario => ({
    system,
    mode,
    producers,
    consumers,
    batch,
    items,
    warmupItems: warmupFor(items),
    producerInFlight: batch === 1 ? 1 : BATCH_PRODUCER_IN_FLIGHT,
    consumerInFlight: batch > 1 ? BATCH_CONSUMER_IN_FLIGHT : ONE_ITEM_CONSUMER_IN_FLIGHT,
    rssAtItems: [],
  });
  const scenarios: Scenario[] = [
    ...SHAPES.map((shape) => scenario('ours', 'unbatched', shape, 1)),
    ...SHAPES.map((shape) => scenario('ours', 'blocking', shape, 1)),
    scenario('ours', 'batched', SHAPES[0], 10),
    scenario('ours', 'batched', SHAPES[1], 10),
    scenario('ours', 'batched', SHAPES[0], 100),
    scenario('ours', 'batched', SHAPES[1], 100),
    scenario('ours', 'blocking', SHAPES[0], 100),
    ...SHAPES.map((shape) => scenario('bullmq', 'add', shape, 1)),
    scenario('bullmq', 'addBulk', SHAPES[0], 10),
    scenario('bullmq', 'addBulk', SHAPES[1], 10),
    scenario('bullmq', 'addBulk', SHAPES[0], 100),
    scenario('bullmq', 'addBulk', SHAPES[1], 100),
  ];
  const ceilings = quick
    ? [
        { depth: 1, requests: 50_000 },
        { depth: 10, requests: 200_000 },
        { depth: 100, requests: 500_000 },
      ]
    : [
        { depth: 1, requests: 200_000 },
        { depth: 10, requests: 1_000_000 },
        { depth: 100, requests: 2_000_000 },
      ];
  const memory =
    quick || !wanted('memory')
      ? null
      : {
          scenario: { ...scenario('ours', 'batched', SHAPES[0], 100), items: 1_000_000, warmupItems: warmupFor(1_000_000), rssAtItems: [100_000, 1_000_000] },
          early: 100_000,
          late: 1_000_000,
        };
  return {
    scenarios: scenarios.filter((s) => wanted(partOf(s))),
    ceilings: wanted('ceiling') ? ceilings : [],
    memory,
    stallProbeMs: quick ? 2_000 : 5_000,
  };
}

/** Which `--only` part a scenario belongs to: BullMQ as a whole, ours by mode. */
function partOf({ system, mode }: Scenario): BenchPart {
  return system === 'bullmq' || mode === 'add' || mode === 'addBulk' ? 'bullmq' : mode;
}
