/** One measured configuration of ours or BullMQ. */
export interface Scenario {
  system: 'ours' | 'bullmq';
  /** ours: unbatched | batched | blocking; BullMQ: add | addBulk. */
  mode: 'unbatched' | 'batched' | 'blocking' | 'add' | 'addBulk';
  producers: number;
  consumers: number;
  batch: number;
  items: number;
  /**
   * The first items taken are a warm-up (fresh processes: JIT, connections, first allocations):
   * they move like the rest but items/s and p50/p99 are over what follows them.
   */
  warmupItems: number;
  /** Round trips in flight per producer process. */
  producerInFlight: number;
  /** Most round trips in flight per consumer process (ours polling: as needed up to this; BullMQ: its worker's concurrency is batch × this). */
  consumerInFlight: number;
  /** Worker RSS is sampled at these item counts (the memory check). */
  rssAtItems: number[];
}

export function scenarioLabel(s: Pick<Scenario, 'system' | 'mode' | 'producers' | 'consumers' | 'batch'>): string {
  return `${s.system} ${s.mode} ${s.producers}/${s.consumers} batch ${s.batch}`;
}
