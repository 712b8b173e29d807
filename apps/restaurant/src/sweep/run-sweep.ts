import { runScenario, type LiveRunContext } from '../simulate/run-scenario.js';
import type { SweepCell } from './sweep-cell.js';
import type { SweepPlan } from './sweep-plan.js';

/** Runs every cell of the grid (capacity, then cooks, then customers), telling progress after each. */
export async function runSweep(
  plan: SweepPlan,
  live: LiveRunContext | undefined,
  onProgress: (done: number, total: number) => void,
): Promise<SweepCell[]> {
  const cells: SweepCell[] = [];
  const total = plan.capacities.length * plan.producers.length * plan.consumers.length;
  onProgress(0, total);
  for (const capacity of plan.capacities) {
    for (const producers of plan.producers) {
      for (const consumers of plan.consumers) {
        const report = await runScenario({ ...plan.base, producers, consumers, capacity }, live);
        cells.push({ producers, consumers, capacity, report });
        onProgress(cells.length, total);
      }
    }
  }
  return cells;
}
