import { createRandom } from '@restaurant/service';
import { describe, expect, it } from 'vitest';
import { BenchItemEncoder } from './bench-item-encoder.js';
import { sentAtUsOf } from './sent-at.js';

/** The item with one more flat field after `sentAtUs`, as a later version of the item might have. */
const extended = (item: string): string => `${item.slice(0, -1)},"servedUs":1795690919123456}`;

describe('reading sentAtUs without JSON.parse', () => {
  it('gives what JSON.parse gives for every item the producers write, and with a field after it', () => {
    const encoder = new BenchItemEncoder(createRandom(3), 'producer_1');
    for (let i = 0; i < 500; i++) {
      const item = encoder.next();
      expect(sentAtUsOf(item)).toBe(JSON.parse(item).sentAtUs);
      expect(sentAtUsOf(extended(item))).toBe(JSON.parse(extended(item)).sentAtUs);
    }
  });

  it('gives what JSON.parse gives for numbers in every JSON form', () => {
    for (const number of ['0', '-0', '12', '1795690919123456', '1795690919123.4567', '1e3', '1.5E-2', '-7.25', '123456789012345678901']) {
      const item = `{"id":"a","sentAtUs":${number}}`;
      expect(sentAtUsOf(item)).toBe(JSON.parse(item).sentAtUs);
      expect(sentAtUsOf(extended(item))).toBe(JSON.parse(extended(item)).sentAtUs);
    }
  });

  it('falls back to JSON.parse where the key is not plainly the outer object own', () => {
    const cases = [
      '{"sentAtUs":1,"inner":{"sentAtUs":2}}',
      '{"inner":{"sentAtUs":2},"sentAtUs":3,"list":[1]}',
      '{"sentAtUs":4,"note":"a \\"b\\""}',
      '{"sentAtUs":5,"sentAtUs":6}',
      '{"note":"sentAtUs","sentAtUs":7}',
    ];
    for (const item of cases) expect(sentAtUsOf(item)).toBe(JSON.parse(item).sentAtUs);
  });

  it('throws as JSON.parse does when there is no JSON to read', () => {
    expect(() => sentAtUsOf('not json')).toThrow(SyntaxError);
    expect(() => sentAtUsOf(Buffer.from('not json'))).toThrow(SyntaxError);
  });

  it('reads the same from the bytes of a Buffer, multi-byte characters before the key included', () => {
    const encoder = new BenchItemEncoder(createRandom(4), 'producer_1');
    // Past 2^53 (9007199254740993) the digits are no longer summed exactly: read as JSON.parse rounds them.
    const numbers = ['0', '12', '1795690919123456', '9007199254740991', '9007199254740993', '123456789012345678901', '1795690919123.4567', '1e3', '-7.25'];
    const items = [
      ...Array.from({ length: 100 }, () => encoder.next()),
      ...numbers.map((number) => `{"meal":"Crème brûlée","sentAtUs":${number}}`),
      '{"sentAtUs":1,"inner":{"sentAtUs":2}}',
      '{"inner":{"sentAtUs":2},"sentAtUs":3}',
      '{"sentAtUs":5,"sentAtUs":6}',
      '{"xsentAtUs":5,"sentAtUs":8}',
      '{"note":"sentAtUs","sentAtUs":7}',
    ];
    for (const item of [...items, ...items.map(extended)]) {
      expect(sentAtUsOf(Buffer.from(item))).toBe(JSON.parse(item).sentAtUs);
    }
  });
});
