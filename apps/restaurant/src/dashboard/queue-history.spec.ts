import { describe, expect, it } from 'vitest';
import { QueueHistory } from './queue-history.js';

const counts = (ready: number, taken = 0) => ({ ready, full: 0, taken, empty: 0 });

describe('the history of a watched queue', () => {
  it('gives events per minute over the last minute, and nothing before two reads', () => {
    const history = new QueueHistory();
    history.add({ t: 0, length: 0, counts: counts(0) });
    expect(history.perMinute()).toBeNull();
    history.add({ t: 30_000, length: 1, counts: counts(10, 4) });
    expect(history.perMinute()).toEqual({ ready: 20, full: 0, taken: 8, empty: 0 });
    history.add({ t: 90_000, length: 2, counts: counts(40, 4) });
    // from the read at 30 s, the oldest within the last minute: 30 meals in one minute
    expect(history.perMinute()).toEqual({ ready: 30, full: 0, taken: 0, empty: 0 });
  });

  it('keeps the chart\'s points of the last five minutes only', () => {
    const history = new QueueHistory();
    for (let second = 0; second <= 400; second += 100) history.add({ t: second * 1000, length: second / 100, counts: counts(second) });
    expect(history.lengths()).toEqual([[100_000, 1], [200_000, 2], [300_000, 3], [400_000, 4]]);
  });

  it('starts over when a counter goes down: the queue was cleared for a new run', () => {
    const history = new QueueHistory();
    history.add({ t: 0, length: 3, counts: counts(50) });
    history.add({ t: 1000, length: 0, counts: counts(0) });
    expect(history.lengths()).toEqual([[1000, 0]]);
    expect(history.perMinute()).toBeNull();
  });
});
