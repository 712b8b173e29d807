import type { Random } from '../schedule/random.js';
import { MEALS, type Meal } from './meals.js';

/** A meal chosen uniformly at random, as the original's `random.choice(all_foods)`. */
export function pickMeal(random: Random): Meal {
  return MEALS[random.intBetween(0, MEALS.length - 1)];
}
