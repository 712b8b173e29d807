import type { CliIo } from '../cli-io.js';
import { ensureRedis, NoRedisError, type RunRedis } from './ensure-redis.js';

/**
 * Runs `use` with the Redis at `url`, or with a redis-server started for it when none answers
 * (stopped afterwards). Without either, says how to get one and returns exit code 1.
 */
export async function withRunRedis(url: string, io: CliIo, use: (redis: RunRedis) => Promise<number>): Promise<number> {
  let redis: RunRedis;
  try {
    redis = await ensureRedis(url);
  } catch (error) {
    if (!(error instanceof NoRedisError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 1;
  }
  try {
    return await use(redis);
  } finally {
    await redis.stop();
  }
}
