import { createRandom } from '@restaurant/service';
import { decodeFoodItem } from '@restaurant/queue';
import { describe, expect, it } from 'vitest';
import { benchClockUs } from './bench-clock.js';
import { BenchItemEncoder } from './bench-item-encoder.js';
import { newBenchItem } from './bench-item.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the fast item encoder', () => {
  it('writes what JSON.stringify writes for the same item, fields in the same order', () => {
    const encoder = new BenchItemEncoder(createRandom(7), 'producer_"1"');
    const reference = newBenchItem(createRandom(7), 'producer_"1"');
    const encoded = [...Array.from({ length: 20 }, () => encoder.next()), ...encoder.batch(180).map((item) => item.toString())];
    for (const text of encoded) {
      const parsed = JSON.parse(text);
      expect(JSON.stringify(parsed)).toBe(text);
      expect(Object.keys(parsed)).toEqual(Object.keys(reference));
      expect(decodeFoodItem(text).ok).toBe(true);
      expect(parsed.id).toMatch(UUID_V4);
      expect(Math.abs(Date.parse(parsed.createdAt) - Date.now())).toBeLessThan(1000);
      expect(Number.isInteger(parsed.sentAtUs)).toBe(true);
      expect(Math.abs(benchClockUs() - parsed.sentAtUs)).toBeLessThan(1_000_000);
    }
  });

  it('gives each item of a batch its own bytes, nothing around them', () => {
    const items = new BenchItemEncoder(createRandom(3), 'p').batch(50);
    for (const item of items) {
      expect(item[0]).toBe(0x7b);
      expect(item[item.length - 1]).toBe(0x7d);
      expect(() => JSON.parse(item.toString())).not.toThrow();
    }
  });

  it('picks the meals from the random stream as newBenchItem does, with a fresh id each time', () => {
    const encoder = new BenchItemEncoder(createRandom(42), 'p');
    const random = createRandom(42);
    const encoded = [...Array.from({ length: 10 }, () => encoder.next()), ...encoder.batch(40).map(String)].map((text) => JSON.parse(text));
    expect(encoded.map((item) => item.meal)).toEqual(Array.from({ length: 50 }, () => newBenchItem(random, 'p').meal));
    const ids = [...encoded, ...encoder.batch(5000).map((item) => JSON.parse(item.toString()))].map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
