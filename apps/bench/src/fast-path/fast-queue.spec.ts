import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { startRedisServer, uniqueQueueName, measuredSleepUs, useTestRedis } from '@restaurant/testing';
import { FastQueue } from './fast-queue.js';
import { decodeFoodItem, encodeFoodItem, newFoodItem } from '@restaurant/queue';

const redis = useTestRedis();

async function stats(client: Redis, queue: FastQueue): Promise<Record<string, number>> {
  const raw = await client.hgetall(queue.keys.stats);
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Number(value)]));
}

/** The time credited to each length adds up to the whole span the queue has been tracked. */
function timeAtLengthsUs(counters: Record<string, number>): number {
  return Object.entries(counters)
    .filter(([key]) => key.startsWith('t:'))
    .reduce((sum, [, value]) => sum + value, 0);
}

function items(count: number, producer: string): string[] {
  return Array.from({ length: count }, (_, i) => encodeFoodItem(newFoodItem(`meal ${i}`, producer)));
}

function ids(raws: string[]): string[] {
  return raws.map((raw) => {
    const decoded = decodeFoodItem(raw);
    if (!decoded.ok) throw new Error(`unreadable item: ${raw}`);
    return decoded.item.id;
  });
}

describe('FastQueue batches against real Redis', () => {
  it('never exceeds its capacity with 50 concurrent batch producers, and accounts for every item', async () => {
    const name = uniqueQueueName('batch-race');
    const capacity = 5;
    const producers = Array.from({ length: 50 }, () => new FastQueue(redis.client(), name, capacity));
    const consumer = new FastQueue(redis.client(), name, capacity);
    const observer = redis.client();
    await consumer.claimCapacity();

    let itemsLeft = 10_000;
    let accepted = 0;
    let dropped = 0;
    const producing = producers.map(async (queue, index) => {
      while (itemsLeft > 0) {
        const size = Math.min(itemsLeft, 1 + (index % 7));
        itemsLeft -= size;
        const result = await queue.offerMany(items(size, `producer_${index + 1}`));
        expect(result.accepted + result.dropped).toBe(size);
        accepted += result.accepted;
        dropped += result.dropped;
      }
    });
    let done = false;
    let taken = 0;
    const consuming = (async () => {
      while (!done) {
        const { items: got } = await consumer.takeMany(3);
        taken += got.length;
      }
    })();
    const lengths: number[] = [];
    const sampling = (async () => {
      while (!done) lengths.push(await observer.llen(consumer.keys.items));
    })();

    await Promise.all(producing);
    done = true;
    await Promise.all([consuming, sampling]);

    const left = await consumer.length();
    const counters = await stats(observer, consumer);
    expect(lengths.length).toBeGreaterThan(20);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(capacity);
    expect(counters.ready + counters.full).toBe(10_000);
    expect(counters.full).toBeGreaterThan(0);
    expect(counters.ready).toBe(accepted);
    expect(counters.full).toBe(dropped);
    expect(counters.taken).toBe(taken);
    expect(counters.ready).toBe(taken + left);
    expect(timeAtLengthsUs(counters)).toBe(counters.at - counters.since);
  });

  it('accepts what fits from the front of a batch and drops the rest', async () => {
    const queue = new FastQueue(redis.client(), uniqueQueueName('batch-fit'), 5);
    await queue.claimCapacity();
    const batch = items(8, 'producer');

    expect(await queue.offerMany(batch.slice(0, 2))).toEqual({ accepted: 2, dropped: 0, length: 2 });
    expect(await queue.offerMany(batch.slice(2))).toEqual({ accepted: 3, dropped: 3, length: 5 });
    expect(await queue.offerMany(items(1, 'producer'))).toEqual({ accepted: 0, dropped: 1, length: 5 });

    const taken = await queue.takeMany(100);
    expect(taken.length).toBe(0);
    expect(ids(taken.items)).toEqual(ids(batch.slice(0, 5)));
    const counters = await stats(redis.client(), queue);
    expect(counters).toMatchObject({ ready: 5, full: 4, taken: 5 });
  });

  it('hands items out first in, first out across batches of different sizes', async () => {
    const queue = new FastQueue(redis.client(), uniqueQueueName('batch-fifo'), 1000);
    await queue.claimCapacity();
    const sent = items(300, 'producer');
    for (let start = 0; start < sent.length; start += 37) {
      expect((await queue.offerMany(sent.slice(start, start + 37))).dropped).toBe(0);
    }

    const received: string[] = [];
    for (let size = 1; ; size = (size % 50) + 7) {
      const taken = await queue.takeMany(size);
      if (taken.items.length === 0) break;
      expect(taken.items.length).toBeLessThanOrEqual(size);
      received.push(...taken.items);
    }
    expect(ids(received)).toEqual(ids(sent));
  });

  it('stores a batch exactly as sent and credits its time on the queue to the lengths it had', async () => {
    const client = redis.client();
    const queue = new FastQueue(client, uniqueQueueName('batch-wait'), 10);
    const sent = items(3, 'producer');
    await queue.offerMany(sent);
    const atThreeUs = await measuredSleepUs(20);
    expect(await queue.takeMany(2)).toEqual({ items: sent.slice(0, 2), length: 1 });
    const atOneUs = await measuredSleepUs(20);
    expect(await queue.takeMany(2)).toEqual({ items: sent.slice(2), length: 0 });
    const counters = await stats(client, queue);
    expect([atThreeUs, atOneUs].every((us) => us > 10_000)).toBe(true);
    expect(counters['t:3']).toBeGreaterThanOrEqual(atThreeUs);
    expect(counters['t:1']).toBeGreaterThanOrEqual(atOneUs);
    expect(counters['t:3'] + counters['t:1']).toBe(counters.at - counters.since);
  });

  it('hands a batch out as the bytes stored when asked for Buffers, counted as any take', async () => {
    const client = redis.client();
    const queue = new FastQueue(client, uniqueQueueName('batch-buffers'), 10);
    const sent = [...items(2, 'producer'), '{"meal":"Crème brûlée"}'];
    await queue.offerMany(sent);
    const taken = await queue.takeMany(3, 'buffer');
    expect(taken.length).toBe(0);
    expect(taken.items.every((item) => Buffer.isBuffer(item))).toBe(true);
    expect(taken.items).toEqual(sent.map((item) => Buffer.from(item)));
    expect(await queue.takeMany(3, 'buffer')).toEqual({ items: [], length: 0 });
    expect(await stats(client, queue)).toMatchObject({ ready: 3, taken: 3, empty: 1 });
  });

  it('counts an empty batch take as one miss, and mixes with the one-item methods', async () => {
    const queue = new FastQueue(redis.client(), uniqueQueueName('batch-mix'), 10);
    await queue.claimCapacity();
    expect(await queue.takeMany(10)).toEqual({ items: [], length: 0 });
    await queue.offer(newFoodItem('Apple Pie', 'p'));
    await queue.offerMany(items(2, 'p'));
    expect((await queue.take()).status).toBe('taken');
    expect((await queue.takeMany(10)).items).toHaveLength(2);
    const counters = await stats(redis.client(), queue);
    expect(counters).toMatchObject({ ready: 3, taken: 3, empty: 1 });
    expect(counters.full).toBeUndefined();
  });

  it('takes on a server that has never seen its script, and on one that lost it', async () => {
    const server = await startRedisServer();
    const client = new Redis(server.url);
    try {
      const queue = new FastQueue(client, uniqueQueueName('batch-noscript'), 10);
      await queue.offerMany(items(3, 'p'));
      expect(await queue.takeMany(2)).toMatchObject({ length: 1 });
      await client.script('FLUSH');
      expect((await queue.takeMany(2)).items).toHaveLength(1);
      expect(await stats(client, queue)).toMatchObject({ ready: 3, taken: 3 });
    } finally {
      client.disconnect();
      await server.stop();
    }
  });
});
