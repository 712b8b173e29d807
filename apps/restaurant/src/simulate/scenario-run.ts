import type { EngineName } from '@restaurant/sim';
import type { Staffing } from '@restaurant/service';

/** One scenario to run, any number of times, on one engine. */
export interface ScenarioRun extends Staffing {
  modelHours: number;
  engine: EngineName;
  /** Used by the redis engine only. */
  timeScale: number;
  seed: number;
  replications: number;
}

/** Replication r of a scenario seeded s runs with seed s + r, so any single one can be repeated. */
export function replicationSeed(seed: number, replication: number): number {
  return (seed + replication) >>> 0;
}
