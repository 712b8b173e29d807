import type { BenchRow } from './bench-row.js';

export interface RatioRow {
  ours: BenchRow;
  /** BullMQ at the same producers, consumers and batch size. */
  bullmq: BenchRow | null;
  /** The end-to-end Redis ceiling at pipeline depth equal to the batch size. */
  ceiling: BenchRow | null;
  oursPerBullmq: number | null;
  oursPerCeiling: number | null;
}

export function ratioRows(rows: readonly BenchRow[]): RatioRow[] {
  return rows
    .filter((row) => row.system === 'ours')
    .map((ours) => {
      const bullmq =
        rows.find(
          (row) =>
            row.system === 'bullmq' &&
            row.producers === ours.producers &&
            row.consumers === ours.consumers &&
            row.batch === ours.batch,
        ) ?? null;
      const ceiling = ceilingAt(rows, ours.batch);
      return {
        ours,
        bullmq,
        ceiling,
        oursPerBullmq: bullmq ? ours.itemsPerSec / bullmq.itemsPerSec : null,
        oursPerCeiling: ceiling ? ours.itemsPerSec / ceiling.itemsPerSec : null,
      };
    });
}

export function ceilingAt(rows: readonly BenchRow[], depth: number): BenchRow | null {
  return rows.find((row) => row.system === 'redis-benchmark' && row.mode === 'ceiling' && row.batch === depth) ?? null;
}

/** The fastest row of a system (and mode, when given), or null when there is none. */
export function fastest(rows: readonly BenchRow[], match: (row: BenchRow) => boolean): BenchRow | null {
  return rows.filter(match).reduce<BenchRow | null>((best, row) => (best && best.itemsPerSec >= row.itemsPerSec ? best : row), null);
}
