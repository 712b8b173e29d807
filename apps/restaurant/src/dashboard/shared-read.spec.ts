import { describe, expect, it } from 'vitest';
import { sharedRead } from './shared-read.js';

describe('sharedRead', () => {
  it('reads once for every caller within its time, and again after it', async () => {
    let clock = 0;
    let reads = 0;
    const read = sharedRead(async () => ++reads, 1000, () => clock);
    expect(await Promise.all([read(), read(), read()])).toEqual([1, 1, 1]);
    clock = 1000;
    expect(await read()).toBe(1);
    clock = 1001;
    expect(await read()).toBe(2);
    expect(reads).toBe(2);
  });

  it('forgets a failed read, so the next caller reads again', async () => {
    let reads = 0;
    const read = sharedRead(async () => {
      reads++;
      if (reads === 1) throw new Error('Redis away');
      return reads;
    }, 1000, () => 0);
    await expect(read()).rejects.toThrow('Redis away');
    expect(await read()).toBe(2);
  });
});
