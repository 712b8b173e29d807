import { buildRunReport, figuresOf, type QueueCounters, type RunReport } from '@restaurant/sim';
import type { ScenarioRun } from './scenario-run.js';

/**
 * What one replication measured: plain numbers only, so that it survives JSON unchanged and a
 * replication run on another machine (a sweep worker) counts exactly as one run here.
 */
export interface ReplicationResult {
  counters: QueueCounters;
  /** Cook and customer actions counted. */
  events: number;
  /** Wall seconds the replication took where it ran. */
  wallS: number;
}

/**
 * The report of a scenario from its replications, in replication order. The one place where
 * replications are combined: `simulate`, the local sweep and the sweep over workers all use it,
 * so the same seeds give the same report wherever the replications ran.
 */
export function combineReplications(scenario: ScenarioRun, results: readonly ReplicationResult[]): RunReport {
  let events = 0;
  let wallS = 0;
  for (const result of results) {
    events += result.events;
    wallS += result.wallS;
  }
  return buildRunReport(
    {
      producers: scenario.producers,
      consumers: scenario.consumers,
      capacity: scenario.capacity,
      producerPeriodS: scenario.producerPeriodS,
      consumerMinS: scenario.consumerMinS,
      consumerMaxS: scenario.consumerMaxS,
      cookStart: scenario.cookStart,
      modelHours: scenario.modelHours,
      engine: scenario.engine,
      timeScale: scenario.engine === 'redis' ? scenario.timeScale : null,
      seed: scenario.seed,
      replications: scenario.replications,
    },
    results.map((result) => figuresOf(result.counters, scenario.capacity)),
    { events, wallS },
  );
}
