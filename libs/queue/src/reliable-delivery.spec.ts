import type { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { uniqueQueueName, useTestRedis } from '@restaurant/testing';
import { readAccounting } from './accounting.js';
import { BoundedQueue } from './bounded-queue.js';
import { newFoodItem } from './food-item.js';
import { reclaim, ReliableDelivery } from './reliable-delivery.js';

const redis = useTestRedis();

function setUp(capacity = 3, maxDeliveries = 3) {
  const client = redis.client();
  const queue = new BoundedQueue(client, uniqueQueueName('reliable'), capacity);
  const customer = (name: string) => new ReliableDelivery(client, queue, { consumer: name, maxDeliveries });
  return { client, queue, customer };
}

async function offerMeal(queue: BoundedQueue, meal = 'Fried Rice') {
  const item = newFoodItem(meal, 'producer');
  await queue.offer(item);
  return item;
}

async function expectNothingLost(client: Redis, queue: BoundedQueue) {
  expect((await readAccounting(client, queue.keys)).lost).toBe(0);
}

describe('reliable delivery', () => {
  it('holds a taken item in flight until it is acknowledged, and never counts it twice', async () => {
    const { client, queue, customer } = setUp();
    const alice = customer('consumer_1');
    const item = await offerMeal(queue);
    const taken = await alice.take();
    expect(taken).toMatchObject({ status: 'taken', deliveries: 1, length: 0 });
    expect(await readAccounting(client, queue.keys)).toMatchObject({ accepted: 1, inFlight: 1, taken: 0, lost: 0 });
    if (taken.status !== 'taken') return;

    expect(await alice.ack(taken.raw, item.id)).toBe(true);
    expect(await alice.ack(taken.raw, item.id)).toBe(true); // the same acknowledgement, re-sent
    expect(await readAccounting(client, queue.keys)).toMatchObject({ accepted: 1, inFlight: 0, taken: 1, lost: 0 });
    expect(await client.hget(queue.keys.stats, 'lateAcks')).toBeNull();
  });

  it('counts held items against the capacity, so a returned item always fits', async () => {
    const { client, queue, customer } = setUp(2);
    const alice = customer('consumer_1');
    await offerMeal(queue);
    await offerMeal(queue);
    await alice.take();
    expect((await offerMeal(queue).then(() => queue.length()))).toBe(1);
    expect(Number(await client.hget(queue.keys.stats, 'full'))).toBe(1);
    expect(await alice.returnHeld()).toBe(1);
    expect(await queue.length()).toBe(2);
    await expectNothingLost(client, queue);
  });

  it('leaves a live customer alone and returns a dead one\'s items to the front of the queue', async () => {
    const { client, queue, customer } = setUp();
    const alice = customer('consumer_1');
    await alice.heartbeat(150);
    const first = await offerMeal(queue, 'Apple Pie');
    await offerMeal(queue, 'Pumpkin Soup');
    const held = await alice.take();

    expect(await reclaim(client, queue.keys, 'consumer_1', 3, 'reap')).toMatchObject({ alive: true, returned: 0 });
    await sleep(200);
    expect(await reclaim(client, queue.keys, 'consumer_1', 3, 'reap')).toEqual({ alive: false, returned: 1, deadLettered: 0 });

    const again = await customer('consumer_2').take();
    expect(again).toMatchObject({ status: 'taken', deliveries: 2 });
    expect(again.status === 'taken' && JSON.parse(again.raw).id).toBe(first.id);
    expect(await readAccounting(client, queue.keys)).toMatchObject({ redelivered: 1, inFlight: 1, lost: 0 });
    // alice was slow, not dead: her acknowledgement now is late, refused and counted
    expect(held.status === 'taken' && (await alice.ack(held.raw, first.id))).toBe(false);
    expect(await client.hget(queue.keys.stats, 'lateAcks')).toBe('1');
    expect(await readAccounting(client, queue.keys)).toMatchObject({ taken: 0, inFlight: 1, lost: 0 });
  });

  it('dead-letters an item that came back more than the allowed number of times, with the reason', async () => {
    const { client, queue, customer } = setUp(3, 2);
    const item = await offerMeal(queue);
    for (let round = 1; round <= 3; round++) {
      const taken = await customer(`consumer_${round}`).take();
      expect(taken).toMatchObject({ status: 'taken', deliveries: round });
      await reclaim(client, queue.keys, `consumer_${round}`, 2, 'reap');
    }
    expect(await queue.length()).toBe(0);
    const [entry] = await client.lrange(queue.keys.dead, 0, -1);
    expect(JSON.parse(entry)).toMatchObject({ reason: 'delivered 3 times without an acknowledgement', by: 'consumer_3' });
    expect(JSON.parse(JSON.parse(entry).raw).id).toBe(item.id);
    expect(await readAccounting(client, queue.keys)).toMatchObject({ accepted: 1, deadLettered: 1, redelivered: 2, lost: 0 });
  });

  it('does not count an item returned on a graceful stop as a delivery', async () => {
    const { client, queue, customer } = setUp(3, 1);
    await offerMeal(queue);
    for (let round = 0; round < 3; round++) {
      const alice = customer('consumer_1');
      expect(await alice.take()).toMatchObject({ deliveries: 1 });
      expect(await alice.returnHeld()).toBe(1);
    }
    expect(await queue.length()).toBe(1);
    await expectNothingLost(client, queue);
  });
});

describe('duplicate offers', () => {
  it('refuses an id it has already accepted and counts it', async () => {
    const { client, queue } = setUp(10);
    const item = newFoodItem('Beef Goulash', 'producer');
    expect((await queue.offer(item)).status).toBe('ready');
    expect(await queue.offer(item)).toEqual({ status: 'duplicate', length: 1 });
    expect(await readAccounting(client, queue.keys)).toMatchObject({ accepted: 1, queued: 1, duplicates: 1, lost: 0 });
  });

  it('forgets a dropped item, so it can be offered again, and still refuses a duplicate when full', async () => {
    const { client, queue } = setUp(1);
    const first = newFoodItem('Apple Pie', 'producer');
    const dropped = newFoodItem('Fried Rice', 'producer');
    expect(await queue.offer(first)).toEqual({ status: 'ready', length: 1 });
    expect(await queue.offer(dropped)).toEqual({ status: 'full', length: 1 });
    expect(await client.exists(queue.keys.seen(dropped.id))).toBe(0);
    expect(await queue.offer(first)).toEqual({ status: 'duplicate', length: 1 });
    expect((await queue.take()).status).toBe('taken');
    expect(await queue.offer(dropped)).toEqual({ status: 'ready', length: 1 });
    expect(await client.ttl(queue.keys.seen(dropped.id))).toBeGreaterThan(0);
    const stats = await client.hgetall(queue.keys.stats);
    expect(stats).toMatchObject({ ready: '2', full: '1', duplicates: '1', taken: '1' });
    expect(await readAccounting(client, queue.keys)).toMatchObject({ accepted: 2, taken: 1, queued: 1, lost: 0 });
  });
});
