/** One line of the benchmark's JSON output. */
export interface BenchRow {
  system: 'ours' | 'bullmq' | 'redis-benchmark';
  mode: string;
  producers: number;
  consumers: number;
  batch: number;
  items: number;
  itemsPerSec: number;
  /** null where a system does not report it (the computed ceiling). */
  p50Ms: number | null;
  p99Ms: number | null;
}

export interface CommandCost {
  command: string;
  calls: number;
  usecPerCall: number;
}

/** A row of ours or BullMQ's, plus what only the report shows. */
export interface Measurement {
  row: BenchRow;
  /** False when the row ended before its warm-up did: then it reports every item. */
  warmedUp: boolean;
  /** Why the run's counts do not add up; null when every item arrived exactly once. */
  problem: string | null;
  /** For --diagnostics, over the whole run (warm-up included): */
  p99WithWarmupMs: number | null;
  redisCpuUsPerItem: number;
  clientCpuUsPerItem: number;
  /** The commands Redis spent most time on, most expensive first. */
  topCommands: CommandCost[];
}
