import { describe, expect, it } from 'vitest';
import { decimalLength, writeDecimal } from './ascii-decimal.js';

describe('writeDecimal', () => {
  it('writes what String() writes, from 0 to 2^53', () => {
    for (const n of [0, 7, 9, 10, 99, 100, 152, 123_456_789, 1_764_201_600_000_000, Number.MAX_SAFE_INTEGER, 2 ** 53]) {
      const out = Buffer.alloc(20, 0x2e);
      const end = writeDecimal(out, 2, n);
      expect(out.subarray(2, end).toString('latin1')).toBe(String(n));
      expect(decimalLength(n)).toBe(String(n).length);
      expect(out[1]).toBe(0x2e);
      expect(out[end]).toBe(0x2e);
    }
  });
});
