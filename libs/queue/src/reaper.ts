import type { RedisClient } from './redis/redis-client.js';
import type { QueueKeys } from './queue-keys.js';
import { reclaim, type ReliableDelivery } from './reliable-delivery.js';

export interface ReaperOptions {
  redis: RedisClient;
  keys: QueueKeys;
  delivery: ReliableDelivery;
  consumer: string;
  /** A dead customer's items are back in the queue within this many milliseconds. */
  reclaimAfterMs: number;
  maxDeliveries: number;
  onReclaimed?: (consumer: string, returned: number, deadLettered: number) => void;
  onError?: (error: Error) => void;
}

export interface Reaper {
  stop(): void;
}

/**
 * Every third of `reclaimAfterMs`: renew this customer's heartbeat (it lasts two thirds), then,
 * if this customer wins the reaper lock for the round, return the items of every registered
 * customer whose heartbeat has expired. A dead customer's items are thus back within
 * `reclaimAfterMs`, as long as any customer is alive.
 */
export function startReaper(options: ReaperOptions): Reaper {
  const round = Math.max(10, Math.floor(options.reclaimAfterMs / 3));
  let running = false;
  const tick = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      await options.delivery.heartbeat(2 * round);
      const won = await options.redis.set(options.keys.reaper, options.consumer, 'PX', round, 'NX');
      if (won !== 'OK') return;
      for (const consumer of await options.redis.smembers(options.keys.consumers)) {
        if (consumer === options.consumer) continue;
        const result = await reclaim(options.redis, options.keys, consumer, options.maxDeliveries, 'reap');
        if (!result.alive) options.onReclaimed?.(consumer, result.returned, result.deadLettered);
      }
    } catch (error) {
      options.onError?.(error as Error);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), round);
  return { stop: () => clearInterval(timer) };
}
