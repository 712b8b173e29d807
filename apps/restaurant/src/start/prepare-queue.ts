import { BoundedQueue, closeRedis } from '@restaurant/queue';
import { type Staffing } from '@restaurant/service';
import { openRedis, type RedisTarget } from './redis-target.js';

/** What `report` needs to know of a run that the counters cannot tell: who took part, how fast. */
export interface StoredScenario extends Omit<Staffing, 'capacity'> {
  timeScale: number;
  seed: number | undefined;
}

/**
 * Starts a run from an empty restaurant: removes the queue's items, settings and counters,
 * then stores the run's scenario with the queue, as `simulate --engine redis` does.
 */
export async function prepareQueue(target: RedisTarget, queueName: string, scenario: StoredScenario): Promise<void> {
  const redis = await openRedis(target);
  try {
    const queue = new BoundedQueue(redis, queueName, 1);
    await queue.destroy();
    await redis.hset(queue.keys.meta, 'scenario', JSON.stringify(scenario));
  } finally {
    await closeRedis(redis);
  }
}
