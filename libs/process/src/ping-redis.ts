import { Redis } from 'ioredis';
import type { ConnectionOptions } from 'node:tls';

/** True when a Redis answers PING at the URL within the timeout; never retries. */
export async function pingRedis(url: string, timeoutMs = 1000, tls?: ConnectionOptions): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    tls,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}
