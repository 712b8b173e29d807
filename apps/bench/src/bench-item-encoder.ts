import { randomUUID } from 'node:crypto';
import { MEALS, pickMeal, type Random } from '@restaurant/shared';
import { benchClockUs } from './bench-clock.js';

/**
 * Our producers' hot path: the same JSON as `JSON.stringify(newBenchItem(...))`, byte for byte,
 * built from pieces prepared once. The profile of a batched producer showed 40% of its CPU in
 * building items (object spread, Date, toISOString, JSON.stringify) and the GC behind them.
 * An ISO time is reused while the millisecond is the same, which changes nothing in the output.
 */
export class BenchItemEncoder {
  private readonly middles: Map<string, string>;
  private isoMs = -1;
  private iso = '';

  constructor(
    private readonly random: Random,
    producer: string,
  ) {
    this.middles = new Map(
      MEALS.map((meal) => [
        meal,
        `","meal":${JSON.stringify(meal)},"producer":${JSON.stringify(producer)},"createdAt":"`,
      ]),
    );
  }

  next(): string {
    const middle = this.middles.get(pickMeal(this.random)) as string;
    const ms = Date.now();
    if (ms !== this.isoMs) {
      this.isoMs = ms;
      this.iso = new Date(ms).toISOString();
    }
    return `{"id":"${randomUUID()}${middle}${this.iso}","sentAtUs":${benchClockUs()}}`;
  }
}
