import type { RunReport } from '@restaurant/sim';

/** One point of the grid and its report. */
export interface SweepCell {
  producers: number;
  consumers: number;
  capacity: number;
  report: RunReport;
}
