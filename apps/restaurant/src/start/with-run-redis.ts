import type { CliIo } from '../cli-io.js';
import { CONFIG_EXIT_CODE } from '@restaurant/service';
import { ensureRedis, NoRedisError, UnusableClusterError, type RunRedis } from './ensure-redis.js';
import type { RedisTarget } from './redis-target.js';

/**
 * Runs `use` with the target's Redis, or with a redis-server started for it when none answers
 * (stopped afterwards). Without either, says how to get one and returns exit code 1; a cluster
 * that cannot be used is a setting to fix, exit code 2.
 */
export async function withRunRedis(target: RedisTarget, io: CliIo, use: (redis: RunRedis) => Promise<number>): Promise<number> {
  let redis: RunRedis;
  try {
    redis = await ensureRedis(target);
  } catch (error) {
    if (!(error instanceof NoRedisError || error instanceof UnusableClusterError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return error instanceof UnusableClusterError ? CONFIG_EXIT_CODE : 1;
  }
  try {
    return await use(redis);
  } finally {
    await redis.stop();
  }
}
