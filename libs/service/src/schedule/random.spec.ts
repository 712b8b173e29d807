import { describe, expect, it } from 'vitest';
import { pickMeal } from '../menu/pick-meal.js';
import { MEALS } from '../menu/meals.js';
import { createRandom, deriveSeed } from './random.js';

describe('createRandom', () => {
  it('repeats its numbers for the same seed and differs for another', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRandom(seed).next);
    const a = createRandom(42);
    const b = createRandom(42);
    expect(Array.from({ length: 20 }, () => a.next())).toEqual(Array.from({ length: 20 }, () => b.next()));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('draws whole numbers in [3, 10] inclusive, each about equally often', () => {
    const random = createRandom(7);
    const counts = new Map<number, number>();
    for (let i = 0; i < 80_000; i++) {
      const n = random.intBetween(3, 10);
      counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((x, y) => x - y)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    for (const count of counts.values()) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('gives every actor its own stream from one run seed', () => {
    expect(deriveSeed(1, 'consumer_1')).toBe(deriveSeed(1, 'consumer_1'));
    expect(deriveSeed(1, 'consumer_1')).not.toBe(deriveSeed(1, 'consumer_2'));
    expect(deriveSeed(1, 'consumer_1')).not.toBe(deriveSeed(2, 'consumer_1'));
  });

  it('picks every one of the eight meals', () => {
    const random = createRandom(3);
    const seen = new Set(Array.from({ length: 500 }, () => pickMeal(random)));
    expect([...seen].sort()).toEqual([...MEALS].sort());
  });
});
