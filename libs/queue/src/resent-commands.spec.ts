import { afterEach, describe, expect, it } from 'vitest';
import { closeRedis, connectRedis, whenReady } from './redis/connect-redis.js';
import { startReplyCuttingProxy, type ReplyCuttingProxy, uniqueQueueName, useTestRedis } from '@restaurant/testing';
import { readAccounting } from './accounting.js';
import { BoundedQueue } from './bounded-queue.js';
import { newFoodItem } from './food-item.js';
import { ReliableDelivery } from './reliable-delivery.js';
import { queueScripts } from './scripts/queue-scripts.js';

const redis = useTestRedis();
const cleanUp: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanUp.splice(0).reverse()) await step();
});

/**
 * A queue reached through a proxy that can lose a reply: the server runs the command, the
 * connection breaks before the answer arrives, and ioredis re-sends the command after it
 * reconnects, as it does after a Redis restart. `scripts` are loaded beforehand, so that the
 * reply cut is the script's, not a NOSCRIPT before it ran.
 */
async function queueBehindProxy(mode: 'patient' | 'fail-fast', scripts: Array<{ lua: string }>) {
  const proxy: ReplyCuttingProxy = await startReplyCuttingProxy(redis.url);
  const connection = connectRedis({ url: proxy.url, mode });
  cleanUp.push(() => proxy.close(), () => closeRedis(connection));
  await whenReady(connection);
  const admin = redis.client();
  for (const script of scripts) await admin.script('LOAD', script.lua);
  const adminQueue = new BoundedQueue(admin, uniqueQueueName('resent'), 3);
  await adminQueue.claimCapacity();
  return { proxy, connection, admin, adminQueue, proxiedQueue: new BoundedQueue(connection, adminQueue.name, 3) };
}

/** A customer (patient connection, as the service's) behind the proxy. */
async function customerBehindProxy() {
  const behind = await queueBehindProxy('patient', [queueScripts.takeReliable, queueScripts.ack, queueScripts.deadLetter]);
  const { connection, adminQueue, proxiedQueue } = behind;
  const delivery = new ReliableDelivery(connection, proxiedQueue, { consumer: 'consumer_1', maxDeliveries: 3 });
  const offer = async (meal: string) => {
    const item = newFoodItem(meal, 'producer');
    await adminQueue.offer(item);
    return item;
  };
  return { ...behind, customerQueue: proxiedQueue, delivery, offer };
}

describe('reliable delivery, a reply lost and the command re-sent', () => {
  it('a re-sent take hands out the meal the first one took, and takes no second one', async () => {
    const { proxy, admin, adminQueue, delivery, offer } = await customerBehindProxy();
    const first = await offer('Apple Pie');
    await offer('Pumpkin Soup');

    proxy.cutNextReply();
    const taken = await delivery.take();

    expect(taken).toMatchObject({ status: 'taken', length: 1, deliveries: 1 });
    expect(taken.status === 'taken' && JSON.parse(taken.raw).id).toBe(first.id);
    expect(await admin.llen(adminQueue.keys.processing('consumer_1'))).toBe(1);
    expect(await readAccounting(admin, adminQueue.keys)).toMatchObject({ queued: 1, inFlight: 1, lost: 0 });
  });

  it('a re-sent acknowledgement is the same one: counted once, and not late', async () => {
    const { proxy, admin, adminQueue, delivery, offer } = await customerBehindProxy();
    const item = await offer('Apple Pie');
    const taken = await delivery.take();
    if (taken.status !== 'taken') throw new Error('expected the meal');

    proxy.cutNextReply();
    expect(await delivery.ack(taken.raw, item.id)).toBe(true);

    expect(await readAccounting(admin, adminQueue.keys)).toMatchObject({ taken: 1, inFlight: 0, lost: 0 });
    expect(await admin.hget(adminQueue.keys.stats, 'lateAcks')).toBeNull();
  });

  it('a re-sent dead-letter call sets the item aside once', async () => {
    const { proxy, admin, adminQueue, customerQueue, delivery } = await customerBehindProxy();
    const { items, stats } = adminQueue.keys;
    const unreadable = { item: '{"id":"half', capacity: 3, dedupTtlS: 0 };
    await queueScripts.offer.run(admin, { items, stats, seen: adminQueue.keys.seen('half') }, unreadable);
    const taken = await delivery.take();
    if (taken.status !== 'taken') throw new Error('expected the broken item');

    proxy.cutNextReply();
    await customerQueue.deadLetter({ reason: 'not JSON', raw: taken.raw, by: 'consumer_1', at: new Date().toISOString() }, 'held');

    expect(await admin.llen(adminQueue.keys.dead)).toBe(1);
    expect(await readAccounting(admin, adminQueue.keys)).toMatchObject({ deadLettered: 1, inFlight: 0, taken: 0, lost: 0 });
  });
});

describe('a cook, a reply lost', () => {
  it('a re-sent offer is refused as a duplicate: one meal on the queue', async () => {
    // a cook's connection fails fast while Redis is away; ioredis still re-sends what was unanswered
    const { proxy, admin, adminQueue, proxiedQueue: cookQueue } = await queueBehindProxy('fail-fast', [queueScripts.offer]);
    const item = newFoodItem('Apple Pie', 'producer_1');

    proxy.cutNextReply();
    expect(await cookQueue.offer(item)).toEqual({ status: 'duplicate', length: 1 });
    expect(await readAccounting(admin, adminQueue.keys)).toMatchObject({ accepted: 1, queued: 1, duplicates: 1, lost: 0 });
  });
});
