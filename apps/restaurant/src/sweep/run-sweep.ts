import { runScenario, type LiveRunContext } from '../simulate/run-scenario.js';
import type { SweepCell } from './sweep-cell.js';
import { sweepScenarios } from './sweep-grid.js';
import type { SweepPlan } from './sweep-plan.js';

/** Runs every cell of the grid here, one after the other, telling progress after each. */
export async function runSweep(
  plan: SweepPlan,
  live: LiveRunContext | undefined,
  onProgress: (done: number, total: number) => void,
): Promise<SweepCell[]> {
  const scenarios = sweepScenarios(plan);
  const cells: SweepCell[] = [];
  onProgress(0, scenarios.length);
  for (const scenario of scenarios) {
    const report = await runScenario(scenario, live);
    cells.push({ producers: scenario.producers, consumers: scenario.consumers, capacity: scenario.capacity, report });
    onProgress(cells.length, scenarios.length);
  }
  return cells;
}
