import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { NoRedisServerError, startRedisServer } from '@restaurant/process';

export interface TestRedis {
  readonly url: string;
  /** A new connection; closed by `stop()`. */
  client(): Redis;
  stop(): Promise<void>;
}

/**
 * The Redis every integration test uses, found in this order: REDIS_URL when set; a `redis:7`
 * container when a container runtime answers; a `redis-server` from PATH on a free port.
 */
export async function startTestRedis(env: Record<string, string | undefined> = process.env): Promise<TestRedis> {
  if (env.REDIS_URL) return track(env.REDIS_URL, async () => undefined);
  const container = await startContainer();
  if (container) return track(container.url, container.stop);
  try {
    const server = await startRedisServer();
    return track(server.url, () => server.stop());
  } catch (error) {
    if (error instanceof NoRedisServerError) {
      throw new Error(
        'No Redis for the tests: set REDIS_URL, start a container runtime (Docker/Podman), or install redis-server.',
      );
    }
    throw error;
  }
}

/** A queue name no other test uses, so tests never share keys. */
export function uniqueQueueName(label = 'test'): string {
  return `${label}-${randomBytes(6).toString('hex')}`;
}

function track(url: string, stopServer: () => Promise<void>): TestRedis {
  const clients: Redis[] = [];
  return {
    url,
    client() {
      const redis = new Redis(url, { maxRetriesPerRequest: 1 });
      clients.push(redis);
      return redis;
    },
    async stop() {
      clients.forEach((redis) => redis.disconnect());
      await stopServer();
    },
  };
}

async function startContainer(): Promise<{ url: string; stop: () => Promise<void> } | undefined> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
  } catch {
    return undefined;
  }
  const { RedisContainer } = await import('@testcontainers/redis');
  const container = await new RedisContainer('redis:7').start();
  return { url: container.getConnectionUrl(), stop: async () => void (await container.stop()) };
}
