import { BoundedQueue, closeRedis, newFoodItem, queueScripts } from '@restaurant/queue';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { accountingOf, spawnCustomer, startOwnRedis, uniqueQueueName } from './fault-harness.js';
import { recordFaultOutcome } from './fault-summary.js';

/** Puts bytes that are no food item on the queue through the counted offer, as a foreign writer could. */
async function offerRaw(redis: Redis, queue: BoundedQueue, item: string): Promise<void> {
  const { items, stats } = queue.keys;
  const seen = queue.keys.seen(randomUUID());
  await queueScripts.offer.run(redis, { items, stats, seen }, { capacity: queue.capacity, item, dedupTtlS: 0 });
}

describe('fault: malformed, oversized and wrong-schema items', () => {
  it.each(['simple', 'reliable'])('go to the dead-letter list with a reason and the %s customer keeps going', async (delivery) => {
    const { server } = await startOwnRedis();
    const queue = uniqueQueueName('bad');
    const admin = new Redis(server.url);
    const customer = spawnCustomer(server.url, queue, { DELIVERY: delivery, MAX_ITEM_BYTES: '256', CONSUMER_MIN_S: '1', CONSUMER_MAX_S: '1' });
    try {
      const cook = new BoundedQueue(admin, queue, 10);
      await customer.waitForLine(/"event":"empty"/);
      const good = newFoodItem('Apple Pie', 'producer');
      await offerRaw(admin, cook, '{"meal": "half a JSON}');
      await cook.offer(newFoodItem('Soup'.repeat(100), 'producer'));
      await offerRaw(admin, cook, '{"id":"w1","dish":"Pumpkin Soup"}');
      await cook.offer(good);

      await customer.waitForLine(new RegExp(`"event":"taken".*"itemId":"${good.id}"`));
      const reasons = (await admin.lrange(`{${queue}}:dead`, 0, -1)).map((entry) => JSON.parse(entry).reason);
      expect(reasons).toEqual([
        'not JSON',
        expect.stringMatching(/^oversized \(\d+ bytes, limit 256\)$/),
        'not a food item (meal, producer, createdAt)',
      ]);
      await customer.waitForLine(/"event":"empty"/);
      customer.kill('SIGTERM');
      expect((await customer.exited).code).toBe(0);

      const accounting = await accountingOf(server.url, queue);
      expect(accounting).toMatchObject({ accepted: 4, taken: 1, deadLettered: 3, lost: 0 });
      recordFaultOutcome({ fault: `malformed, oversized, wrong-schema items (${delivery})`, accounting });
    } finally {
      customer.kill('SIGKILL');
      await closeRedis(admin);
      await server.stop();
    }
  });
});
