import { afterAll, beforeAll } from 'vitest';
import { startTestRedis, type TestRedis } from './test-redis.js';

/**
 * The Redis for the tests of one file (or one `describe`): started before them, stopped after.
 * Call it where the tests are declared; what it returns answers inside the tests and hooks.
 */
export function useTestRedis(): Pick<TestRedis, 'url' | 'client'> {
  let redis: TestRedis | undefined;
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  const started = (): TestRedis => {
    if (!redis) throw new Error('useTestRedis(): the Redis is there only inside tests and hooks');
    return redis;
  };
  return {
    get url() {
      return started().url;
    },
    client: () => started().client(),
  };
}
