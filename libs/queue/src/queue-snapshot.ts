import type { RedisClient } from './redis/redis-client.js';
import { queueKeys } from './queue-keys.js';

/** A queue's counters, length and settings, read in one MULTI so that they belong together. */
export interface QueueSnapshot {
  queueName: string;
  /** The server's clock, the one the Lua scripts read, in microseconds. */
  nowUs: number;
  /** The `{queue}:stats` hash as the scripts keep it: ready, full, taken, empty, since, at, t:<length>. */
  stats: Record<string, string>;
  length: number;
  /** The `{queue}:meta` hash: capacity, and whatever else was stored with the queue. */
  meta: Record<string, string>;
}

export async function readQueueSnapshot(redis: RedisClient, queueName: string): Promise<QueueSnapshot> {
  const keys = queueKeys(queueName);
  const replies = await redis.multi().time().hgetall(keys.stats).llen(keys.items).hgetall(keys.meta).exec();
  if (!replies) throw new Error(`reading queue "${queueName}" was aborted`);
  for (const [error] of replies) if (error) throw error;
  const [time, stats, length, meta] = replies.map(([, reply]) => reply) as [[string, string], Record<string, string>, number, Record<string, string>];
  return { queueName, nowUs: Number(time[0]) * 1_000_000 + Number(time[1]), stats, length, meta };
}
