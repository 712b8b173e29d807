import { describe, expect, it } from 'vitest';
import { runVirtual, type VirtualRunOptions } from './virtual-engine.js';

const ORIGINAL: VirtualRunOptions = {
  producers: 1,
  consumers: 2,
  capacity: 3,
  producerPeriodS: 3,
  consumerMinS: 3,
  consumerMaxS: 10,
  cookStart: 'together',
  modelSeconds: 3600,
  seed: 1,
};

describe('runVirtual', () => {
  it('one cook and no customer at capacity 3 for one model minute: 3 READY and 17 FULL', () => {
    const { counters, events } = runVirtual({ ...ORIGINAL, consumers: 0, modelSeconds: 60 });
    expect(events).toBe(20); // acts at 0, 3, ..., 57; t = 60 is outside the minute
    expect(counters).toMatchObject({ ready: 3, full: 17, taken: 0, empty: 0, waited: 0, modelSeconds: 60 });
    // length 1 during [0, 3), 2 during [3, 6), 3 during [6, 60)
    expect(counters.secondsAtLength).toEqual([0, 3, 3, 54]);
  });

  it('a customer who arrives with every meal finds one each time: the cook acts first at a tie', () => {
    const { counters, events } = runVirtual({
      ...ORIGINAL,
      consumers: 1,
      producerPeriodS: 2,
      consumerMinS: 2,
      consumerMaxS: 2,
      modelSeconds: 60,
    });
    expect(events).toBe(60);
    expect(counters).toMatchObject({ ready: 30, full: 0, taken: 30, empty: 0, waitSeconds: 0, waited: 30 });
    expect(counters.secondsAtLength).toEqual([60, 0, 0, 0]);
  });

  it('a customer slower than the cook always finds a meal and waits on the FIFO queue', () => {
    // cook at 0..9 every second, customer at 0, 2, 4, 6, 8: takes the meals of 0, 1, 2, 3, 4
    const { counters } = runVirtual({
      ...ORIGINAL,
      consumers: 1,
      capacity: 5,
      producerPeriodS: 1,
      consumerMinS: 2,
      consumerMaxS: 2,
      modelSeconds: 10,
    });
    expect(counters).toMatchObject({ ready: 10, full: 0, taken: 5, empty: 0, waited: 5, waitSeconds: 0 + 1 + 2 + 3 + 4 });
  });

  it('breaks ties between a fractional cook timetable and whole-second customers in favour of the cook', () => {
    // period 0.1: the 31st offer is due at 30 × 0.1 = 3.0000000000000004 in floating point, i.e. at 3.
    // Queue of 1, full from 0.1 on; at 3 the cook finds it full, then the customer empties it.
    const { counters } = runVirtual({
      ...ORIGINAL,
      consumers: 1,
      capacity: 1,
      producerPeriodS: 0.1,
      consumerMinS: 3,
      consumerMaxS: 3,
      modelSeconds: 3.05,
    });
    expect(counters).toMatchObject({ ready: 2, full: 29, taken: 2, empty: 0 });
  });

  it('a customer with nobody cooking finds the queue empty every time', () => {
    const { counters, events } = runVirtual({ ...ORIGINAL, producers: 0, consumers: 1, consumerMinS: 5, consumerMaxS: 5, modelSeconds: 60 });
    expect(events).toBe(12);
    expect(counters).toMatchObject({ ready: 0, taken: 0, empty: 12 });
    expect(counters.secondsAtLength).toEqual([60, 0, 0, 0]);
  });

  it('draws every customer wait in [min, max]: visits per hour match the mean wait', () => {
    const { counters } = runVirtual({ ...ORIGINAL, producers: 0, consumers: 4, modelSeconds: 3600 * 1000 });
    const visitsPerHour = counters.empty / 1000;
    expect(visitsPerHour).toBeGreaterThan(4 * (3600 / 6.5) * 0.995);
    expect(visitsPerHour).toBeLessThan(4 * (3600 / 6.5) * 1.005);
  });

  it('accounts for every action: READY + FULL is the cooks\' timetable, the counters balance', () => {
    const { counters, events } = runVirtual({ ...ORIGINAL, producers: 2, consumers: 5, modelSeconds: 36_000 });
    expect(counters.ready + counters.full).toBe(2 * 12_000);
    expect(counters.ready - counters.taken).toBeGreaterThanOrEqual(0);
    expect(counters.ready - counters.taken).toBeLessThanOrEqual(3);
    expect(events).toBe(counters.ready + counters.full + counters.taken + counters.empty);
    expect(counters.secondsAtLength.reduce((a, b) => a + b, 0)).toBeCloseTo(36_000, 6);
  });

  it('reproduces a run from its seed and differs for another seed', () => {
    const a = runVirtual(ORIGINAL).counters;
    const b = runVirtual(ORIGINAL).counters;
    const c = runVirtual({ ...ORIGINAL, seed: 2 }).counters;
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });

  it('refuses a scenario it cannot run', () => {
    expect(() => runVirtual({ ...ORIGINAL, capacity: 0 })).toThrow(/capacity/);
    expect(() => runVirtual({ ...ORIGINAL, consumerMinS: 0, consumerMaxS: 0 })).toThrow(/consumerMaxS/);
  });

  describe('cooks who start together or take turns', () => {
    // 2 cooks every 3 s, capacity 1, one customer every second, for one model minute.
    const KITCHEN: VirtualRunOptions = {
      ...ORIGINAL,
      producers: 2,
      consumers: 1,
      capacity: 1,
      consumerMinS: 1,
      consumerMaxS: 1,
      modelSeconds: 60,
    };

    it('together: both cooks offer at 0, 3, 6, ...; one meal fits, the other is dropped', () => {
      // per 3 s: 1 READY and 1 FULL at t, 1 TAKEN at t, EMPTY at t + 1 and t + 2
      expect(runVirtual({ ...KITCHEN, cookStart: 'together' }).counters).toMatchObject({ ready: 20, full: 20, taken: 20, empty: 40 });
    });

    it('staggered: cook 2 offers half a period after cook 1, so both meals fit and are eaten', () => {
      // cooks at 0, 1.5, 3, 4.5, ...; the customer at 0, 1, 2, ...: per 3 s 2 READY, 2 TAKEN, 1 EMPTY
      const { counters, events } = runVirtual({ ...KITCHEN, cookStart: 'staggered' });
      expect(counters).toMatchObject({ ready: 40, full: 0, taken: 40, empty: 20 });
      expect(events).toBe(40 + 60);
    });

    it('staggered with one cook is the original timetable', () => {
      expect(runVirtual({ ...ORIGINAL, cookStart: 'staggered' }).counters).toEqual(runVirtual(ORIGINAL).counters);
    });
  });
});
