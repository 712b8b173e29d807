import type { ScenarioRun } from '../simulate/scenario-run.js';
import type { SweepPlan } from './sweep-plan.js';

/** The grid's scenarios in the order of results.csv: capacity, then cooks, then customers. */
export function sweepScenarios(plan: Pick<SweepPlan, 'capacities' | 'producers' | 'consumers' | 'base'>): ScenarioRun[] {
  return plan.capacities.flatMap((capacity) =>
    plan.producers.flatMap((producers) => plan.consumers.map((consumers) => ({ ...plan.base, producers, consumers, capacity }))),
  );
}
