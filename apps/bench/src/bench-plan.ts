import type { BenchOptions, BenchPart } from './bench-options.js';

/** One measured configuration of ours or BullMQ. */
export interface Scenario {
  system: 'ours' | 'bullmq';
  mode: 'unbatched' | 'batched' | 'add' | 'addBulk';
  producers: number;
  consumers: number;
  batch: number;
  items: number;
  /** The first items taken warm fresh processes up (JIT, connections); the row reports what follows. */
  warmupItems: number;
  /** Round trips in flight per producer process. */
  producerInFlight: number;
  /** Most round trips in flight per consumer process (BullMQ: its worker's concurrency is batch × this). */
  consumerInFlight: number;
  /** Ours counting with the services' Prometheus metrics, as a cook and a customer do. */
  metrics: boolean;
  /** The `--only` parts that include it. */
  parts: BenchPart[];
}

export interface BenchPlan {
  scenarios: Scenario[];
  /** redis-benchmark runs: pipeline depth and requests. */
  ceilings: Array<{ depth: number; requests: number }>;
}

/** The mode as a row names it: metrics on is a row of its own. */
export const rowMode = ({ mode, metrics }: Pick<Scenario, 'mode' | 'metrics'>): string => (metrics ? `${mode}+metrics` : mode);

export const scenarioLabel = (s: Scenario): string => `${s.system} ${rowMode(s)} ${s.producers}/${s.consumers} batch ${s.batch}`;

/** Four batches out keep the cook building the next one while the last ones are in Redis. */
const BATCH_IN_FLIGHT = 4;
/**
 * One item per round trip, but up to sixteen takes in flight per customer (one while it keeps
 * up, see adaptive-takes.ts), so a customer that lost the CPU for a moment drains the backlog
 * quickly instead of the latency measuring it. BullMQ's concurrency follows it.
 */
const ONE_ITEM_CONSUMER_IN_FLIGHT = 16;

/**
 * Every run of the benchmark, in order. Metrics off and on alternate at 1/1, so a drift of the
 * machine touches both alike. Our batch-100 rows are over in seconds: ten times the items let
 * them reach their steady rate.
 */
export function benchPlan({ quick, only, items: itemsPerRow }: Pick<BenchOptions, 'quick' | 'only' | 'items'>): BenchPlan {
  const items = itemsPerRow ?? (quick ? 20_000 : 100_000);
  const scenario = (system: Scenario['system'], mode: Scenario['mode'], shape: string, batch: number, parts: BenchPart[], metrics = false): Scenario => {
    const [producers, consumers] = shape.split('/').map(Number);
    const rowItems = system === 'ours' && batch === 100 ? items * 10 : items;
    const [producerInFlight, consumerInFlight] = batch === 1 ? [1, ONE_ITEM_CONSUMER_IN_FLIGHT] : [BATCH_IN_FLIGHT, BATCH_IN_FLIGHT];
    return { system, mode, producers, consumers, batch, items: rowItems, warmupItems: Math.floor(rowItems / 10), producerInFlight, consumerInFlight, metrics, parts };
  };
  const scenarios: Scenario[] = [
    scenario('ours', 'unbatched', '1/1', 1, ['unbatched', 'metrics']),
    // metrics off and on alternate, three of each, so that a slow spell of the machine hits both
    ...[true, false, true, false, true].map((metrics) => scenario('ours', 'unbatched', '1/1', 1, ['metrics'], metrics)),
    scenario('ours', 'unbatched', '2/4', 1, ['unbatched']),
    scenario('ours', 'unbatched', '8/8', 1, ['unbatched']),
    ...[10, 100].flatMap((batch) => ['1/1', '2/4'].map((shape) => scenario('ours', 'batched', shape, batch, ['batched']))),
    ...['1/1', '2/4', '8/8'].map((shape) => scenario('bullmq', 'add', shape, 1, ['bullmq'])),
    ...[10, 100].flatMap((batch) => ['1/1', '2/4'].map((shape) => scenario('bullmq', 'addBulk', shape, batch, ['bullmq']))),
  ];
  const requests = quick ? [50_000, 200_000, 500_000] : [200_000, 1_000_000, 2_000_000];
  const ceilings = [1, 10, 100].map((depth, index) => ({ depth, requests: requests[index] }));
  const wanted = (parts: BenchPart[]): boolean => only === null || parts.some((part) => only.includes(part));
  return { scenarios: scenarios.filter((s) => wanted(s.parts)), ceilings: wanted(['ceiling']) ? ceilings : [] };
}
