import type { GcPauses } from './gc-pauses.js';

/** One line of the benchmark's JSON output, exactly the fields the issue asks for. */
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

/** A row plus what only the human report shows. */
export interface Measurement {
  row: BenchRow;
  /** Redis CPU (user + sys) per item in µs, over the whole run (warm-up included). */
  redisCpuUsPerItem: number | null;
  /** The commands Redis spent most time on, most expensive first. */
  topCommands: CommandCost[];
  /** Client CPU per item in µs, all worker processes together, over the whole run. */
  clientCpuUsPerItem: number | null;
  /** p99 over every item, the warm-up's too; null for the ceiling. */
  p99WithWarmupMs: number | null;
  /** False when the row ended before its warm-up did: then it reports every item. */
  warmedUp: boolean;
  /** Why the run's counts do not add up; null when every item arrived exactly once. */
  problem: string | null;
  /** The workers' GC pauses over the whole run, producers and consumers apart; null for the ceiling. */
  gcPauses: { producers: GcPauses; consumers: GcPauses } | null;
}

/** The row as JSON: the fields in the order and nothing else. */
export function toJsonRow(row: BenchRow): BenchRow {
  const { system, mode, producers, consumers, batch, items, itemsPerSec, p50Ms, p99Ms } = row;
  return { system, mode, producers, consumers, batch, items, itemsPerSec, p50Ms, p99Ms };
}
