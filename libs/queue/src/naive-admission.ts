import type { RedisClient } from './redis/redis-client.js';
import type { OfferResult } from './bounded-queue.js';
import { encodeFoodItem, type FoodItem } from './food-item.js';
import type { QueueKeys } from './queue-keys.js';

/**
 * FOR TEACHING ONLY (`--admission naive`): the check-then-act race the Lua path exists to
 * prevent. The length is read in one round trip and the push happens in another, so two cooks
 * can both see room for one meal and both push: under contention the queue overfills.
 */
export async function offerNaively(redis: RedisClient, keys: QueueKeys, capacity: number, item: FoodItem): Promise<OfferResult> {
  const length = await redis.llen(keys.items);
  if (length >= capacity) {
    await redis.hincrby(keys.stats, 'full', 1);
    return { status: 'full', length };
  }
  const after = await redis.lpush(keys.items, encodeFoodItem(item));
  await redis.hincrby(keys.stats, 'ready', 1);
  return { status: 'ready', length: after };
}
