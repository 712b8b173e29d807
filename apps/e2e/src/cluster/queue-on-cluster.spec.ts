import {
  BoundedQueue,
  closeRedis,
  newFoodItem,
  queueKeys,
  readAccounting,
  readQueueSnapshot,
  reclaim,
  scanTargets,
  ReliableDelivery,
  type RedisClient,
} from '@restaurant/queue';
import { startRedisCluster, uniqueQueueName, type RedisCluster } from '@restaurant/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectToCluster } from './cluster-client.js';

let cluster: RedisCluster;
let redis: RedisClient;
beforeAll(async () => {
  cluster = await startRedisCluster();
  redis = await connectToCluster(cluster);
}, 60_000);
afterAll(async () => {
  await closeRedis(redis);
  await cluster?.stop();
});

describe('the queue on a Redis Cluster (3 masters, 3 replicas)', () => {
  it('runs every script: offer, take, reliable take, ack, dead letter, reclaim, accounting, snapshot, destroy', async () => {
    const queue = new BoundedQueue(redis, uniqueQueueName('cluster'), 3);
    await queue.claimCapacity();
    expect(await queue.offer(newFoodItem('Apple Pie', 'producer'))).toEqual({ status: 'ready', length: 1 });
    expect(await queue.take()).toMatchObject({ status: 'taken', length: 0 });
    expect(await queue.take()).toEqual({ status: 'empty', length: 0 });

    const delivery = new ReliableDelivery(redis, queue, { consumer: 'consumer_1', maxDeliveries: 3 });
    await delivery.heartbeat(5000);
    for (const meal of ['Fried Rice', 'Pumpkin Soup', 'Beef Goulash']) await queue.offer(newFoodItem(meal, 'producer'));
    const first = await delivery.take();
    if (first.status !== 'taken') throw new Error('expected a meal');
    expect(await delivery.ack(first.raw, JSON.parse(first.raw).id)).toBe(true);
    const second = await delivery.take();
    if (second.status !== 'taken') throw new Error('expected a meal');
    await queue.deadLetter({ reason: 'test', raw: second.raw, by: 'consumer_1', at: new Date().toISOString() }, 'held');
    await delivery.take();
    expect(await reclaim(redis, queue.keys, 'consumer_1', 3, 'stop')).toMatchObject({ returned: 1, alive: false });

    expect(await readAccounting(redis, queue.keys)).toMatchObject({ accepted: 4, taken: 2, queued: 1, inFlight: 0, deadLettered: 1, lost: 0 });
    const snapshot = await readQueueSnapshot(redis, queue.name);
    expect(snapshot).toMatchObject({ length: 1, meta: { capacity: '3' } });
    await queue.destroy();
    const left = await Promise.all(scanTargets(redis).map((node) => node.keys(`{${queue.name}}:*`)));
    expect(left.flat()).toEqual([]);
  });

  it('puts every key of a queue in one slot, and twelve queues on all three masters', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `kitchen-${i + 1}`);
    const masters = await cluster.masterPorts();
    const anyNode = new Redis({ port: masters[0], host: '127.0.0.1' });
    try {
      const slotOf = async (key: string) => Number(await anyNode.call('CLUSTER', 'KEYSLOT', key));
      const ranges = (await anyNode.cluster('SLOTS')).map(([from, to, master]) => ({ from, to, port: Number(master[1]) }));
      const usedMasters = new Set<number>();
      for (const name of names) {
        const keys = queueKeys(name);
        const slots = new Set(await Promise.all([keys.items, keys.meta, keys.stats, keys.dead, keys.processing('c'), keys.seen('x')].map(slotOf)));
        expect(slots.size, name).toBe(1);
        const [slot] = slots;
        usedMasters.add(ranges.find((range) => slot >= range.from && slot <= range.to)?.port ?? -1);
      }
      expect([...usedMasters].sort((a, b) => a - b)).toEqual(masters);
    } finally {
      anyNode.disconnect();
    }
  });
});
