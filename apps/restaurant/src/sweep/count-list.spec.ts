import { describe, expect, it } from 'vitest';
import { parseCountList } from './count-list.js';

describe('parseCountList', () => {
  it('reads one number, a list, a range and a mix, in ascending order without repeats', () => {
    expect(parseCountList('3', 1, 10)).toEqual([3]);
    expect(parseCountList('5,1,3', 1, 10)).toEqual([1, 3, 5]);
    expect(parseCountList('1..4', 1, 10)).toEqual([1, 2, 3, 4]);
    expect(parseCountList('1..3,8,2', 1, 10)).toEqual([1, 2, 3, 8]);
  });

  it('refuses backwards ranges, values out of bounds and anything else', () => {
    expect(parseCountList('4..1', 1, 10)).toBeUndefined();
    expect(parseCountList('0', 1, 10)).toBeUndefined();
    expect(parseCountList('1..11', 1, 10)).toBeUndefined();
    expect(parseCountList('1-4', 1, 10)).toBeUndefined();
    expect(parseCountList('', 1, 10)).toBeUndefined();
    expect(parseCountList('2.5', 1, 10)).toBeUndefined();
  });
});
