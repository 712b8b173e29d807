import type { BenchRow } from './bench-row.js';
import type { MemoryGrowth } from './memory-check.js';
import { ceilingAt, fastest, ratioRows } from './ratios.js';

export interface TargetCheck {
  target: string;
  measured: string;
  /** null when the run did not measure it (--quick and --only leave rows out). */
  met: boolean | null;
}

const ratio = (value: number): string => `${value.toFixed(2)}x`;

/** The targets, each judged from this one run. */
export function checkTargets(rows: readonly BenchRow[], memory: readonly MemoryGrowth[] | null): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const pair of ratioRows(rows).filter((r) => r.ours.mode === 'unbatched' && r.ours.batch === 1)) {
    const shape = `${pair.ours.producers}/${pair.ours.consumers}`;
    checks.push({
      target: `unbatched ${shape} >= 1.5x BullMQ`,
      measured: pair.oursPerBullmq === null ? 'no BullMQ row' : ratio(pair.oursPerBullmq),
      met: pair.oursPerBullmq === null ? null : pair.oursPerBullmq >= 1.5,
    });
  }
  const oneToOne = rows.find((r) => r.system === 'ours' && r.mode === 'unbatched' && r.producers === 1 && r.consumers === 1);
  checks.push({
    target: 'unbatched 1/1 p99 < 2 ms',
    measured: oneToOne?.p99Ms == null ? 'not measured' : `${oneToOne.p99Ms.toFixed(3)} ms`,
    met: oneToOne?.p99Ms == null ? null : oneToOne.p99Ms < 2,
  });
  const batched = fastest(rows, (r) => r.system === 'ours' && r.mode === 'batched' && r.batch === 100);
  const bestBullmq = fastest(rows, (r) => r.system === 'bullmq');
  checks.push({
    target: "batched 100 >= 10x BullMQ's best",
    measured: batched && bestBullmq ? ratio(batched.itemsPerSec / bestBullmq.itemsPerSec) : 'not measured',
    met: batched && bestBullmq ? batched.itemsPerSec >= 10 * bestBullmq.itemsPerSec : null,
  });
  const ceiling = ceilingAt(rows, 100);
  checks.push({
    target: 'batched 100 >= 50% of the ceiling at depth 100',
    measured: batched && ceiling ? percentDown((100 * batched.itemsPerSec) / ceiling.itemsPerSec) : 'not measured',
    met: batched && ceiling ? batched.itemsPerSec >= 0.5 * ceiling.itemsPerSec : null,
  });
  for (const role of ['producer', 'consumer'] as const) {
    const worst = memory?.filter((m) => m.role === role).sort((a, b) => b.growth - a.growth)[0];
    checks.push({
      target: `${role} RSS after 1M within 20% of after 100k`,
      measured: worst ? `${ratio(worst.growth)} (${mb(worst.earlyRssBytes)} -> ${mb(worst.lateRssBytes)})` : 'not measured',
      met: worst ? worst.growth <= 1.2 : null,
    });
  }
  return checks;
}

/** One decimal, rounded down: 49.96% is shown as 49.9%, never as a 50% that was missed. */
function percentDown(value: number): string {
  return `${(Math.floor(value * 10) / 10).toFixed(1)}%`;
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}
