import { replicationSeed } from '../simulate/scenario-run.js';
import type { SweepCell } from './sweep-cell.js';
import type { SweepPlan } from './sweep-plan.js';
import { ciOf, recommendStaffing, withCi } from './staffing-recommendation.js';

/** The recommendation as markdown: printed in the terminal and written to summary.md. */
export function sweepSummary(cells: readonly SweepCell[], plan: SweepPlan): string {
  const { base } = plan;
  const goal = `${+(plan.maxEmptyFraction * 100).toFixed(2)}%`;
  const lines = [
    '# Staffing recommendation',
    '',
    `For each number of customers, the fewest cooks for which customers find the queue empty on at most ${goal} of`,
    'their visits (mean over the replications), and what that costs in meals dropped at a full queue.',
    '',
    `Cook every ${base.producerPeriodS} s; each customer every ${base.consumerMinS}-${base.consumerMaxS} s (whole seconds, uniform); ` +
      `${base.engine} engine${base.engine === 'redis' ? ` at time scale ${base.timeScale}` : ''}, ${base.modelHours} model hours per run, ` +
      `${base.replications} replication${base.replications === 1 ? '' : 's'} per cell (seeds ${base.seed}..${replicationSeed(base.seed, base.replications - 1)}).` +
      (base.replications > 1 ? ' Figures are means ± the half-width of the 95% confidence interval (Student t).' : ''),
    '',
  ];
  for (const capacity of plan.capacities) {
    lines.push(
      `## Queue capacity ${capacity}`,
      '',
      '| customers | cooks needed | empty visits | meals dropped / h | dropped share | mean queue length |',
      '|---:|---:|---:|---:|---:|---:|',
    );
    for (const rec of recommendStaffing(cells, plan.maxEmptyFraction).filter((r) => r.capacity === capacity)) {
      const cell = rec.chosen;
      if (!cell) {
        lines.push(`| ${rec.consumers} | more than ${rec.mostProducersTried} | | | | |`);
        continue;
      }
      const { report } = cell;
      const ci = ciOf(cell);
      lines.push(
        `| ${rec.consumers} | ${cell.producers} | ${withCi(report.emptyFraction, ci.emptyFraction, 2, 100, '%')} | ` +
          `${withCi(report.perHour.full, ci.perHour?.full, 1)} | ${withCi(report.fullFraction, ci.fullFraction, 2, 100, '%')} | ` +
          `${withCi(report.meanQueueLength, ci.meanQueueLength, 2)} |`,
      );
    }
    lines.push('');
  }
  const events = cells.reduce((sum, cell) => sum + cell.report.engineStats.events, 0);
  lines.push(`${cells.length} cells, ${events} events.`, '');
  return lines.join('\n');
}
