import { redactUrl } from '@restaurant/queue';
import { Redis } from 'ioredis';

/**
 * Why the benchmark cannot use the Redis at `url`, or null when it answers a PING: asked once,
 * without retries, so a wrong REDIS_URL is one clear sentence instead of every worker failing.
 */
export async function redisProblem(url: string, timeoutMs = 3000): Promise<string | null> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null });
  // connect() only says "Connection is closed"; the error event says why.
  let cause = '';
  redis.on('error', (error: Error) => (cause = error.message));
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (error) {
    return `no Redis answering at ${redactUrl(url)}: ${cause || (error as Error).message}`;
  } finally {
    redis.disconnect();
  }
}
