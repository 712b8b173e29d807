/**
 * When the cooks start. `together`: every cook acts at 0, period, 2 period, ... (the original
 * model), so at most `capacity` meals fit on the queue per period however many cooks there are.
 * `staggered`: cook i (from 0) acts first at i × period / cooks, so the cooks take turns, as
 * cooks who did not start at the same instant would.
 */
export type CookStart = 'together' | 'staggered';

/** Model seconds before cook `index` (from 0) of `producers` first acts. */
export function cookOffsetS(cookStart: CookStart, index: number, producers: number, producerPeriodS: number): number {
  return cookStart === 'staggered' ? (index * producerPeriodS) / producers : 0;
}

/** Who works in the restaurant and at what pace: what every scenario, run and report shares. */
export interface Staffing {
  producers: number;
  consumers: number;
  capacity: number;
  producerPeriodS: number;
  consumerMinS: number;
  consumerMaxS: number;
  cookStart: CookStart;
}
