import { newFoodItem, type FoodItem } from '@restaurant/queue';
import { pickMeal, type Random } from '@restaurant/service';
import { benchClockUs } from './bench-clock.js';

/** A food item as the cooks make it, plus the moment it was handed to the queue (bench clock, µs). */
export interface BenchItem extends FoodItem {
  sentAtUs: number;
}

/** The same payload for every system: a real food item with its unique id. */
export function newBenchItem(random: Random, producer: string): BenchItem {
  const item = newFoodItem(pickMeal(random), producer);
  return { ...item, sentAtUs: benchClockUs() };
}

/** Enqueue-to-dequeue latency of an item read back from any of the systems. */
export function latencyOfMs(item: Pick<BenchItem, 'sentAtUs'>, nowUs = benchClockUs()): number {
  return (nowUs - item.sentAtUs) / 1000;
}
