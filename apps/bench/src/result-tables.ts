import type { BenchRow, Measurement } from './bench-row.js';
import type { TargetCheck } from './targets.js';
import { formatMs, formatRate, textTable } from './text-table.js';

const shape = (row: BenchRow): string[] => [row.system, row.mode, `${row.producers}/${row.consumers}`, String(row.batch)];

/** Every row: ours and BullMQ's with their count check, then redis-benchmark's. */
export function resultsTable(measurements: readonly Measurement[], ceilingRows: readonly BenchRow[]): string {
  const line = (row: BenchRow, check: string): string[] => [...shape(row), String(row.items), formatRate(row.itemsPerSec), formatMs(row.p50Ms), formatMs(row.p99Ms), check];
  return textTable(
    ['system', 'mode', 'P/C', 'batch', 'items', 'items/s', 'p50 ms', 'p99 ms', 'check'],
    [
      ...measurements.map(({ row, problem, warmedUp }) => line(row, `${problem ?? 'ok'}${warmedUp ? '' : ' (no warm-up)'}`)),
      ...ceilingRows.map((row) => line(row, 'ok')),
    ],
  );
}

export function targetsTable(checks: readonly TargetCheck[]): string {
  return textTable(
    ['comparison', 'target', 'measured', 'result'],
    checks.map((c) => [c.comparison, c.target, c.measured, c.met === null ? 'n/a' : c.met ? 'pass' : 'FAIL']),
  );
}

/** --diagnostics: the p99 with the warm-up, and where each row's CPU and Redis time went. */
export function diagnosticsTable(measurements: readonly Measurement[]): string {
  return textTable(
    ['system', 'mode', 'P/C', 'batch', 'p99 all ms', 'redis CPU µs/item', 'client CPU µs/item', 'Redis time (command: calls, µs/call)'],
    measurements.map((m) => [
      ...shape(m.row),
      formatMs(m.p99WithWarmupMs),
      m.redisCpuUsPerItem.toFixed(2),
      m.clientCpuUsPerItem.toFixed(2),
      m.topCommands.map((c) => `${c.command}: ${c.calls}, ${c.usecPerCall.toFixed(2)}`).join('; '),
    ]),
  );
}
