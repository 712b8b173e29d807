import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { BoundedQueue, newFoodItem, readQueueSnapshot } from '@restaurant/queue';
import { uniqueQueueName, useTestRedis } from '@restaurant/testing';
import { countersBetween } from './redis-counters.js';
import { figuresOf } from './run-report.js';

const redis = useTestRedis();

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

describe('counters read from Redis', () => {
  it('counts what the scripts counted and covers the span since the first change, in model seconds', async () => {
    const client = redis.client();
    const queue = new BoundedQueue(client, uniqueQueueName('redis-counters'), 2);
    await queue.claimCapacity();
    await queue.take(); // empty
    await queue.offer(newFoodItem('a', 'producer'));
    await sleep(30);
    await queue.offer(newFoodItem('b', 'producer'));
    await queue.offer(newFoodItem('c', 'producer')); // full
    await sleep(30);
    await queue.take();
    const snapshot = await readQueueSnapshot(client, queue.name);
    expect(snapshot.meta.capacity).toBe('2');
    expect(snapshot.length).toBe(1);

    const counters = countersBetween(undefined, snapshot, 0.001);
    expect(counters).toMatchObject({ ready: 2, full: 1, taken: 1, empty: 1, waited: 1 });
    // every microsecond since the first offer is credited to exactly one length
    expect(sum(counters.secondsAtLength)).toBeCloseTo(counters.modelSeconds, 6);
    // about 60 ms of wall time at time scale 0.001 is about 60 model seconds
    expect(counters.modelSeconds).toBeGreaterThan(55);
    expect(counters.modelSeconds).toBeLessThan(1000);
    expect(counters.secondsAtLength[1]).toBeGreaterThan(25); // ~30 ms at length 1
    expect(counters.secondsAtLength[2]).toBeGreaterThan(25); // ~30 ms at length 2
    // the wait is the area under the length: "a" ~60 ms taken, "b" ~30 ms still queued
    expect(counters.waitSeconds).toBeCloseTo(counters.secondsAtLength[1] + 2 * counters.secondsAtLength[2], 6);
    expect(counters.waitSeconds).toBeGreaterThan(85);
    const figures = figuresOf(counters, 2);
    expect(figures.fullFraction).toBeCloseTo(1 / 3, 10);
    expect(figures.emptyFraction).toBe(0.5);
    await queue.destroy();
  });

  it("adds up every meal's wait exactly when the queue starts and ends empty (Little's law)", async () => {
    const client = redis.client();
    const queue = new BoundedQueue(client, uniqueQueueName('redis-counters'), 3);
    await queue.claimCapacity();
    // The server stamps each offer and take while it runs them, so each meal's wait lies between
    // what the client sees from the offer's reply to the take's request (the least it can be)
    // and from the offer's request to the take's reply (the most), however slow the round trips.
    const sent = new Map<string, { before: number; after: number }>();
    for (const id of ['a', 'b']) {
      const before = performance.now();
      await queue.offer(newFoodItem(id, 'producer'));
      sent.set(id, { before, after: performance.now() });
      await sleep(30);
    }
    let leastMs = 0;
    let mostMs = 0;
    for (let i = 0; i < 2; i++) {
      const before = performance.now();
      const taken = await queue.take();
      const after = performance.now();
      if (taken.status !== 'taken') throw new Error('the queue should hold two meals');
      const offer = sent.get((JSON.parse(taken.raw) as { meal: string }).meal);
      if (!offer) throw new Error(`took a meal that was never offered: ${taken.raw}`);
      leastMs += before - offer.after;
      mostMs += after - offer.before;
      await sleep(30);
    }
    const counters = countersBetween(undefined, await readQueueSnapshot(client, queue.name), 0.001);
    expect(counters).toMatchObject({ taken: 2, waited: 2 });
    // at time scale 0.001 a model second is a wall millisecond; 1 ms for the two clocks' rounding
    expect(counters.waitSeconds).toBeGreaterThan(leastMs - 1);
    expect(counters.waitSeconds).toBeLessThan(mostMs + 1);
    expect(leastMs).toBeGreaterThan(85); // the meals did wait: ~60 ms and ~30 ms at the least
    await queue.destroy();
  });

  it('between two snapshots counts only what happened in between', async () => {
    const client = redis.client();
    const queue = new BoundedQueue(client, uniqueQueueName('redis-counters'), 3);
    await queue.claimCapacity();
    await queue.offer(newFoodItem('a', 'producer'));
    await queue.take();
    await queue.take();
    const before = await readQueueSnapshot(client, queue.name);
    await queue.offer(newFoodItem('b', 'producer'));
    await sleep(20);
    await queue.offer(newFoodItem('c', 'producer'));
    await sleep(20);
    const after = await readQueueSnapshot(client, queue.name);
    const counters = countersBetween(before, after, 1);
    expect(counters).toMatchObject({ ready: 2, full: 0, taken: 0, empty: 0, waited: 0 });
    expect(counters.modelSeconds).toBeCloseTo((after.nowUs - before.nowUs) / 1e6, 9);
    expect(sum(counters.secondsAtLength)).toBeCloseTo(counters.modelSeconds, 9);
    expect(counters.secondsAtLength[2]).toBeGreaterThan(0.015);
    await queue.destroy();
  });

  it('reports a queue nobody has used as empty all along', async () => {
    const snapshot = await readQueueSnapshot(redis.client(), uniqueQueueName('redis-counters'));
    const counters = countersBetween(undefined, snapshot, 1);
    expect(counters).toMatchObject({ ready: 0, full: 0, taken: 0, empty: 0, modelSeconds: 0 });
    expect(figuresOf(counters, 3).queueLengthTimeShare).toEqual([1, 0, 0, 0]);
  });
});
