import type { RunFigures } from '@restaurant/sim';
import type { SweepCell } from './sweep-cell.js';

/** For one queue capacity and number of customers: the fewest cooks that meet the goal. */
export interface Recommendation {
  capacity: number;
  consumers: number;
  /** The cell with the fewest cooks whose mean empty fraction is within the goal; undefined if none is. */
  chosen: SweepCell | undefined;
  /** The most cooks the sweep tried, to say "more than N" when none is enough. */
  mostProducersTried: number;
}

/**
 * The staffing answer: for each capacity and number of customers, the fewest cooks for which
 * customers find the queue empty at most `maxEmptyFraction` of their visits (mean over the
 * replications); what that costs is read from the same cell (meals dropped per hour).
 */
export function recommendStaffing(cells: readonly SweepCell[], maxEmptyFraction: number): Recommendation[] {
  const groups = new Map<string, SweepCell[]>();
  for (const cell of cells) {
    const key = `${cell.capacity}/${cell.consumers}`;
    groups.set(key, [...(groups.get(key) ?? []), cell]);
  }
  return [...groups.values()]
    .map((group) => {
      const byCooks = [...group].sort((a, b) => a.producers - b.producers);
      return {
        capacity: group[0].capacity,
        consumers: group[0].consumers,
        chosen: byCooks.find((cell) => cell.report.emptyFraction <= maxEmptyFraction),
        mostProducersTried: byCooks[byCooks.length - 1].producers,
      };
    })
    .sort((a, b) => a.capacity - b.capacity || a.consumers - b.consumers);
}

/** "12.3 ± 0.4" with the half-width when the report has one. */
export function withCi(value: number, half: number | undefined, digits: number, scale = 1, unit = ''): string {
  const shown = `${(value * scale).toFixed(digits)}${unit}`;
  return half === undefined ? shown : `${shown} ± ${(half * scale).toFixed(digits)}${unit}`;
}

export function ciOf(cell: SweepCell): Partial<RunFigures> {
  return cell.report.ci95;
}
