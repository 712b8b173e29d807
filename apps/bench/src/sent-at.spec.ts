import { createRandom } from '@restaurant/shared';
import { describe, expect, it } from 'vitest';
import { BenchItemEncoder } from './bench-item-encoder.js';
import { sentAtMsOf } from './sent-at.js';

/** The item with one more flat field after `sentAtMs`, as a later version of the item might have. */
const extended = (item: string): string => `${item.slice(0, -1)},"servedUs":1795690919123456}`;

describe('reading sentAtMs without JSON.parse', () => {
  it('gives what JSON.parse gives for every item the producers write, and with a field after it', () => {
    const encoder = new BenchItemEncoder(createRandom(3), 'producer_1');
    for (let i = 0; i < 500; i++) {
      const item = encoder.next();
      expect(sentAtMsOf(item)).toBe(JSON.parse(item).sentAtMs);
      expect(sentAtMsOf(extended(item))).toBe(JSON.parse(extended(item)).sentAtMs);
    }
  });

  it('gives what JSON.parse gives for numbers in every JSON form', () => {
    for (const number of ['0', '-0', '12', '1795690919123.4567', '1e3', '1.5E-2', '-7.25', '123456789012345678901']) {
      const item = `{"id":"a","sentAtMs":${number}}`;
      expect(sentAtMsOf(item)).toBe(JSON.parse(item).sentAtMs);
      expect(sentAtMsOf(extended(item))).toBe(JSON.parse(extended(item)).sentAtMs);
    }
  });

  it('falls back to JSON.parse where the key is not plainly the outer object own', () => {
    const cases = [
      '{"sentAtMs":1,"inner":{"sentAtMs":2}}',
      '{"inner":{"sentAtMs":2},"sentAtMs":3,"list":[1]}',
      '{"sentAtMs":4,"note":"a \\"b\\""}',
      '{"sentAtMs":5,"sentAtMs":6}',
      '{"note":"sentAtMs","sentAtMs":7}',
    ];
    for (const item of cases) expect(sentAtMsOf(item)).toBe(JSON.parse(item).sentAtMs);
  });

  it('throws as JSON.parse does when there is no JSON to read', () => {
    expect(() => sentAtMsOf('not json')).toThrow(SyntaxError);
  });
});
