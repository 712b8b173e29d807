import type { BenchRow } from './bench-row.js';
import { formatMs, formatRate } from './text-table.js';

export interface TargetCheck {
  comparison: string;
  target: string;
  measured: string;
  /** null when the run left a side of it out (--only, --items). */
  met: boolean | null;
}

type Match = Partial<Pick<BenchRow, 'system' | 'mode' | 'producers' | 'consumers' | 'batch'>>;

const matches = (row: BenchRow, match: Match): boolean =>
  Object.entries(match).every(([key, value]) => row[key as keyof BenchRow] === value);

/** The fastest row that matches, or undefined. */
function fastest(rows: readonly BenchRow[], match: Match): BenchRow | undefined {
  return rows.filter((row) => matches(row, match)).sort((a, b) => b.itemsPerSec - a.itemsPerSec)[0];
}

/** One comparison: `value` is ours over theirs, or null when a side is missing. */
function check(comparison: string, target: string, value: number | null, met: (value: number) => boolean, detail: string): TargetCheck {
  if (value === null || !Number.isFinite(value)) return { comparison, target, measured: 'not measured', met: null };
  const shown = target.endsWith('%') ? `${(Math.floor(value * 1000) / 10).toFixed(1)}%` : `${value.toFixed(2)}x`;
  return { comparison, target, measured: `${shown} (${detail})`, met: met(value) };
}

const rates = (a?: BenchRow, b?: BenchRow): string => `${formatRate(a?.itemsPerSec ?? 0)} vs ${formatRate(b?.itemsPerSec ?? 0)} items/s`;
const perSec = (a?: BenchRow, b?: BenchRow): number | null => (a && b ? a.itemsPerSec / b.itemsPerSec : null);

/** Every target, judged as a ratio of two rows of this one run. */
export function checkTargets(rows: readonly BenchRow[]): TargetCheck[] {
  const ours = { system: 'ours', mode: 'unbatched', batch: 1 } as const;
  const add = { system: 'bullmq', mode: 'add', batch: 1 } as const;
  const oursOne = rows.find((row) => matches(row, { ...ours, producers: 1, consumers: 1 }));
  const addOne = rows.find((row) => matches(row, { ...add, producers: 1, consumers: 1 }));
  const p99s = oursOne?.p99Ms != null && addOne?.p99Ms != null ? [oursOne.p99Ms, addOne.p99Ms] : null;
  const checks = [
    check('unbatched 1/1 p99 / BullMQ add 1/1 p99', '<= 0.33x', p99s && p99s[0] / p99s[1], (v) => v <= 1 / 3, p99s ? `${formatMs(p99s[0])} vs ${formatMs(p99s[1])} ms` : ''),
  ];
  for (const [producers, consumers] of [[1, 1], [2, 4], [8, 8]]) {
    const mine = rows.find((row) => matches(row, { ...ours, producers, consumers }));
    const theirs = rows.find((row) => matches(row, { ...add, producers, consumers }));
    checks.push(check(`unbatched ${producers}/${consumers} items/s / BullMQ add`, '>= 1.5x', perSec(mine, theirs), (v) => v >= 1.5, rates(mine, theirs)));
  }
  const batched = fastest(rows, { system: 'ours', mode: 'batched', batch: 100 });
  const bestBullmq = fastest(rows, { system: 'bullmq' });
  const ceiling = rows.find((row) => matches(row, { system: 'redis-benchmark', mode: 'ceiling', batch: 100 }));
  checks.push(check("batched 100 items/s / BullMQ's best", '>= 10x', perSec(batched, bestBullmq), (v) => v >= 10, rates(batched, bestBullmq)));
  checks.push(check('batched 100 items/s / ceiling at depth 100', '>= 50%', perSec(batched, ceiling), (v) => v >= 0.5, rates(batched, ceiling)));
  const metricsOn = fastest(rows, { ...ours, mode: 'unbatched+metrics', producers: 1, consumers: 1 });
  const metricsOff = fastest(rows, { ...ours, producers: 1, consumers: 1 });
  checks.push(check('unbatched 1/1 items/s, metrics on / off (best of three each)', '>= 0.95x', perSec(metricsOn, metricsOff), (v) => v >= 0.95, rates(metricsOn, metricsOff)));
  return checks;
}
