import { isValidQueueName } from '@restaurant/queue';
import type { Redis } from 'ioredis';

const META_KEY = /^\{(.+)\}:meta$/;

/** Every queue on this Redis, by its settings key `{name}:meta`, sorted by name. */
export async function listQueues(redis: Redis): Promise<string[]> {
  const names = new Set<string>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', '{*}:meta', 'COUNT', 1000);
    for (const key of keys) {
      const name = META_KEY.exec(key)?.[1];
      if (name !== undefined && isValidQueueName(name)) names.add(name);
    }
    cursor = next;
  } while (cursor !== '0');
  return [...names].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
