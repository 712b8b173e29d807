import { describe, expect, it } from 'vitest';
import { QueueModel } from './queue-model.js';

describe('QueueModel', () => {
  it('queues until the length reaches the capacity, then drops and counts FULL', () => {
    const queue = new QueueModel(2);
    expect([queue.offer(0), queue.offer(1), queue.offer(2)]).toEqual([true, true, false]);
    expect(queue.length).toBe(2);
    expect({ ready: queue.ready, full: queue.full }).toEqual({ ready: 2, full: 1 });
  });

  it('hands out the oldest item first and counts EMPTY when there is none', () => {
    const queue = new QueueModel(3);
    queue.offer(10);
    queue.offer(11);
    queue.offer(12);
    expect([queue.take(20), queue.take(21)]).toEqual([10, 11]);
    queue.offer(22);
    expect([queue.take(23), queue.take(24), queue.take(25)]).toEqual([12, 22, -1]);
    expect({ taken: queue.taken, empty: queue.empty, waited: queue.waited }).toEqual({ taken: 4, empty: 1, waited: 4 });
    expect(queue.waitSum).toBe(10 + 10 + 11 + 2);
  });

  it('credits the time at each length when the length changes, from the first change on', () => {
    const queue = new QueueModel(3);
    queue.take(0); // no change of length: the clock has not started
    queue.offer(5); // 0 -> 1, starts the clock
    queue.offer(7); // 1 -> 2 after 2 s at length 1
    queue.offer(7.5); // 2 -> 3 after 0.5 s at length 2
    queue.offer(9); // full: no change of length, nothing credited
    queue.take(10); // 3 -> 2 after 2.5 s at length 3
    expect(queue.since).toBe(5);
    expect(queue.at).toBe(10);
    expect(Array.from(queue.timeAtLength)).toEqual([0, 2, 0.5, 2.5]);
    expect(Array.from(queue.timeAtLengthUntil(14))).toEqual([0, 2, 4.5, 2.5]);
  });

  it('wraps around its ring buffer without losing the order', () => {
    const queue = new QueueModel(2);
    const taken: number[] = [];
    for (let t = 0; t < 10; t++) {
      queue.offer(t);
      if (t % 2 === 1) taken.push(queue.take(t), queue.take(t));
    }
    expect(taken).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('refuses a capacity below 1', () => {
    expect(() => new QueueModel(0)).toThrow(RangeError);
  });
});
