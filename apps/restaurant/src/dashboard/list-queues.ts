import { isValidQueueName, scanTargets, type RedisClient } from '@restaurant/queue';

const META_KEY = /^\{(.+)\}:meta$/;

/** Every queue on this Redis (every master of a cluster), by its settings key `{name}:meta`, sorted by name. */
export async function listQueues(redis: RedisClient): Promise<string[]> {
  const names = new Set<string>();
  for (const node of scanTargets(redis)) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', '{*}:meta', 'COUNT', 1000);
      for (const key of keys) {
        const name = META_KEY.exec(key)?.[1];
        if (name !== undefined && isValidQueueName(name)) names.add(name);
      }
      cursor = next;
    } while (cursor !== '0');
  }
  return [...names].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
