import { BoundedQueue, closeRedis } from '@restaurant/shared';
import { Redis } from 'ioredis';

/** Removes a queue's items, settings and counters, so a run starts from an empty restaurant. */
export async function clearQueue(redisUrl: string, queueName: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    await new BoundedQueue(redis, queueName, 1).destroy();
  } finally {
    await closeRedis(redis);
  }
}
