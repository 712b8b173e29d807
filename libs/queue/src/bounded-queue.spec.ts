import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { uniqueQueueName, measuredSleepUs, useTestRedis } from '@restaurant/testing';
import { BoundedQueue } from './bounded-queue.js';
import { CapacityMismatchError } from './capacity-mismatch-error.js';
import { decodeFoodItem, encodeFoodItem, newFoodItem } from './food-item.js';

const redis = useTestRedis();

async function counters(client: Redis, queue: BoundedQueue): Promise<Record<string, number>> {
  const stats = await client.hgetall(queue.keys.stats);
  return Object.fromEntries(['ready', 'full', 'taken', 'empty'].map((key) => [key, Number(stats[key] ?? 0)]));
}

describe('BoundedQueue against real Redis', () => {
  it('never exceeds its capacity with 50 concurrent producers, and accounts for every offer', async () => {
    const name = uniqueQueueName('race');
    const capacity = 5;
    const producers = Array.from({ length: 50 }, () => new BoundedQueue(redis.client(), name, capacity));
    const consumer = new BoundedQueue(redis.client(), name, capacity);
    const observer = redis.client();
    await producers[0].claimCapacity();

    let offersLeft = 10_000;
    const producing = producers.map(async (queue, index) => {
      while (offersLeft > 0) {
        offersLeft--;
        await queue.offer(newFoodItem('Fried Rice', `producer_${index + 1}`));
      }
    });
    let done = false;
    let taken = 0;
    const consuming = (async () => {
      while (!done) if ((await consumer.take()).status === 'taken') taken++;
    })();
    const lengths: number[] = [];
    const sampling = (async () => {
      while (!done) lengths.push(await observer.llen(consumer.keys.items));
    })();

    await Promise.all(producing);
    done = true;
    await Promise.all([consuming, sampling]);

    const left = await consumer.length();
    const { ready, full, taken: takenInRedis } = await counters(observer, consumer);
    expect(lengths.length).toBeGreaterThan(100);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(capacity);
    expect(ready + full).toBe(10_000);
    expect(full).toBeGreaterThan(0);
    expect(takenInRedis).toBe(taken);
    expect(ready).toBe(taken + left);
  });

  it('hands items out first in, first out', async () => {
    const queue = new BoundedQueue(redis.client(), uniqueQueueName('fifo'), 100);
    await queue.claimCapacity();
    const sent = Array.from({ length: 50 }, (_, i) => newFoodItem(`meal ${i}`, 'producer'));
    for (const item of sent) expect((await queue.offer(item)).status).toBe('ready');

    const received: string[] = [];
    for (let result = await queue.take(); result.status === 'taken'; result = await queue.take()) {
      const decoded = decodeFoodItem(result.raw);
      if (decoded.ok) received.push(decoded.item.id);
    }
    expect(received).toEqual(sent.map((item) => item.id));
  });

  it('reports full and empty with the length, as the log lines need it', async () => {
    const queue = new BoundedQueue(redis.client(), uniqueQueueName('edges'), 2);
    await queue.claimCapacity();
    expect(await queue.take()).toEqual({ status: 'empty', length: 0 });
    expect(await queue.offer(newFoodItem('Apple Pie', 'p'))).toEqual({ status: 'ready', length: 1 });
    expect(await queue.offer(newFoodItem('Apple Pie', 'p'))).toEqual({ status: 'ready', length: 2 });
    expect(await queue.offer(newFoodItem('Apple Pie', 'p'))).toEqual({ status: 'full', length: 2 });
    expect(await queue.take()).toMatchObject({ status: 'taken', length: 1 });
  });

  it('keeps the capacity it was first used with and refuses another', async () => {
    const name = uniqueQueueName('capacity');
    await new BoundedQueue(redis.client(), name, 3).claimCapacity();
    await new BoundedQueue(redis.client(), name, 3).claimCapacity();
    const other = new BoundedQueue(redis.client(), name, 5).claimCapacity();
    await expect(other).rejects.toBeInstanceOf(CapacityMismatchError);
    await expect(other).rejects.toThrow('queue "' + name + '" already has capacity 3');
  });

  it('stores an item exactly as offered and credits the time it waited to its length', async () => {
    const client = redis.client();
    const queue = new BoundedQueue(client, uniqueQueueName('wait'), 3);
    const item = newFoodItem('Pumpkin Soup', 'producer');
    await queue.offer(item);
    const raw = encodeFoodItem(item);
    // From the offer's reply to sending the take: a lower bound of the time it spent queued.
    const waitedUs = await measuredSleepUs(20);
    const taken = await queue.take();
    expect(taken).toMatchObject({ status: 'taken', raw });
    const stats = await client.hgetall(queue.keys.stats);
    expect(waitedUs).toBeGreaterThan(10_000);
    expect(Number(stats['t:1'])).toBeGreaterThanOrEqual(waitedUs);
    expect(Number(stats['t:1'])).toBe(Number(stats.at) - Number(stats.since));
  });

  it('moves an unreadable item to the dead-letter list and counts it there instead of taken', async () => {
    const client = redis.client();
    const queue = new BoundedQueue(client, uniqueQueueName('dead'), 3);
    await client.lpush(queue.keys.items, 'not json at all');
    const taken = await queue.take();
    if (taken.status !== 'taken') throw new Error('expected the malformed item');
    await queue.deadLetter({ reason: 'not JSON', raw: taken.raw, by: 'consumer_1', at: new Date().toISOString() }, 'taken');

    const [entry] = await client.lrange(queue.keys.dead, 0, -1);
    expect(JSON.parse(entry)).toMatchObject({ reason: 'not JSON', raw: 'not json at all', by: 'consumer_1' });
    expect(await counters(client, queue)).toMatchObject({ taken: 0 });
    expect(Number(await client.hget(queue.keys.stats, 'deadLettered'))).toBe(1);
  });
});
