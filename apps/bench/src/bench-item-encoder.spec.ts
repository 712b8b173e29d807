import { createRandom, decodeFoodItem } from '@restaurant/shared';
import { describe, expect, it } from 'vitest';
import { benchClockUs } from './bench-clock.js';
import { BenchItemEncoder } from './bench-item-encoder.js';
import { newBenchItem } from './bench-item.js';

describe('the fast item encoder', () => {
  it('writes what JSON.stringify writes for the same item, fields in the same order', () => {
    const encoder = new BenchItemEncoder(createRandom(7), 'producer_"1"');
    const reference = newBenchItem(createRandom(7), 'producer_"1"');
    for (let i = 0; i < 200; i++) {
      const encoded = encoder.next();
      const parsed = JSON.parse(encoded);
      expect(JSON.stringify(parsed)).toBe(encoded);
      expect(Object.keys(parsed)).toEqual(Object.keys(reference));
      expect(decodeFoodItem(encoded).ok).toBe(true);
      expect(Math.abs(Date.parse(parsed.createdAt) - Date.now())).toBeLessThan(1000);
      expect(Number.isInteger(parsed.sentAtUs)).toBe(true);
      expect(Math.abs(benchClockUs() - parsed.sentAtUs)).toBeLessThan(1_000_000);
    }
  });

  it('picks the meals from the random stream as newBenchItem does, with a fresh id each time', () => {
    const encoder = new BenchItemEncoder(createRandom(42), 'p');
    const random = createRandom(42);
    const encoded = Array.from({ length: 50 }, () => JSON.parse(encoder.next()));
    expect(encoded.map((item) => item.meal)).toEqual(Array.from({ length: 50 }, () => newBenchItem(random, 'p').meal));
    expect(new Set(encoded.map((item) => item.id)).size).toBe(50);
  });
});
