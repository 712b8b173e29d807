import type { RedisClient } from './redis-client.js';

/**
 * Redis's WAIT on the server that holds `key`: blocks until `replicas` replicas have every write
 * this connection made so far, or `timeoutMs` passed; returns how many have them. On a cluster the
 * pipeline goes to the master of the key's slot, where the writes went.
 */
export async function waitForReplicas(redis: RedisClient, key: string, replicas: number, timeoutMs: number): Promise<number> {
  const replies = await redis.pipeline().exists(key).call('WAIT', replicas, timeoutMs).exec();
  const [error, acknowledged] = replies?.[1] ?? [new Error('WAIT was not run')];
  if (error) throw error;
  return Number(acknowledged);
}
