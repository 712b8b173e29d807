import { BoundedQueue, newFoodItem, queueKeys } from '@restaurant/queue';
import { spawnNode, uniqueQueueName, startRedisServer } from '@restaurant/testing';
import { Redis } from 'ioredis';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The built entry point: the file the launcher and the containers run. */
const CONSUMER = fileURLToPath(new URL('../dist/main.js', import.meta.url));

describe('consumer process', () => {
  it('sets a malformed item aside, survives a Redis restart, and goes on taking meals', async () => {
    const server = await startRedisServer();
    const queueName = uniqueQueueName('customer');
    const keys = queueKeys(queueName);
    const customer = spawnNode(CONSUMER, {
      env: { PATH: process.env.PATH, REDIS_URL: server.url, QUEUE_NAME: queueName, TIME_SCALE: '0.01', CONSUMER_MIN_S: '3', CONSUMER_MAX_S: '3' },
    });
    let restarted: Awaited<ReturnType<typeof startRedisServer>> | undefined;
    try {
      await customer.waitForLine(/consumer_1 - ! Food Queue Empty !!!/);
      const before = new Redis(server.url);
      await before.lpush(keys.items, '{"meal": "half a JSON');
      await customer.waitForLine(/\(warn\) set aside an unreadable item \(not JSON\) in the dead-letter list/);
      expect(JSON.parse((await before.lindex(keys.dead, 0)) ?? '{}')).toMatchObject({ reason: 'not JSON', by: 'consumer_1' });
      before.disconnect();

      await server.stop();
      await customer.waitForLine(/Redis not answering at/);
      restarted = await startRedisServer({ port: server.port });
      const after = new Redis(restarted.url);
      const queue = new BoundedQueue(after, queueName, 3);
      const item = newFoodItem('Thai Beef Salad', 'producer');
      await queue.offer(item);
      await customer.waitForLine(/consumer_1 - \*\*Thai Beef Salad\*\* TAKEN AWAY/);
      after.disconnect();

      customer.kill('SIGTERM');
      expect(await customer.exited).toEqual({ code: 0, signal: null });
    } finally {
      customer.kill('SIGKILL');
      await restarted?.stop();
      await server.stop();
    }
  });

  it('stops within 2 s on SIGTERM even while it waits for Redis to come back', async () => {
    const server = await startRedisServer();
    const customer = spawnNode(CONSUMER, {
      env: { PATH: process.env.PATH, REDIS_URL: server.url, QUEUE_NAME: uniqueQueueName('customer'), TIME_SCALE: '0.01' },
    });
    await customer.waitForLine(/Food Queue Empty/);
    await server.stop();
    await customer.waitForLine(/Redis not answering at/);
    const stoppedAt = Date.now();
    customer.kill('SIGTERM');
    expect(await customer.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - stoppedAt).toBeLessThan(2000);
  });
});
