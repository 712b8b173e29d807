import { BoundedQueue, closeRedis, newFoodItem } from '@restaurant/queue';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { accountingOf, spawnCustomer, startOwnRedis, uniqueQueueName } from './fault-harness.js';
import { recordFaultOutcome } from './fault-summary.js';

describe('fault: kill -9 a customer holding a meal', () => {
  it('redelivers the meal to another customer, who takes it exactly once', async () => {
    const { server } = await startOwnRedis();
    const queue = uniqueQueueName('kill9');
    const admin = new Redis(server.url);
    const alice = spawnCustomer(server.url, queue, { ROLE_NAME: 'consumer_1', CONSUMER_HOLD_S: '100000', RECLAIM_AFTER_S: '1' });
    let bob: ReturnType<typeof spawnCustomer> | undefined;
    try {
      await alice.waitForLine(/"event":"empty"/);
      const item = newFoodItem('Favourite Lasagne', 'producer');
      await new BoundedQueue(admin, queue, 3).offer(item);
      await alice.waitForLine(new RegExp(`"event":"taken".*"itemId":"${item.id}"`));
      alice.kill('SIGKILL');
      expect((await alice.exited).signal).toBe('SIGKILL');
      expect(await accountingOf(server.url, queue)).toMatchObject({ accepted: 1, inFlight: 1, taken: 0, lost: 0 });

      bob = spawnCustomer(server.url, queue, { ROLE_NAME: 'consumer_2', RECLAIM_AFTER_S: '1' });
      await bob.waitForLine(/consumer_1 stopped answering: returned 1 meal\(s\) to the queue/);
      await bob.waitForLine(new RegExp(`"event":"taken".*"itemId":"${item.id}"`));
      await bob.waitForLine(/"event":"empty"/);
      bob.kill('SIGTERM');
      expect((await bob.exited).code).toBe(0);

      const takenByBob = bob.stdoutLines.filter((line) => line.includes('"event":"taken"'));
      expect(takenByBob).toHaveLength(1);
      const accounting = await accountingOf(server.url, queue);
      expect(accounting).toMatchObject({ accepted: 1, taken: 1, redelivered: 1, inFlight: 0, queued: 0, lost: 0 });
      recordFaultOutcome({ fault: 'kill -9 a customer holding a meal', accounting });
    } finally {
      alice.kill('SIGKILL');
      bob?.kill('SIGKILL');
      await closeRedis(admin);
      await server.stop();
    }
  });
});
