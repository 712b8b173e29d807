import { NoRedisServerError, pingRedis, startRedisServer } from '@restaurant/process';
import { clusterProblem, redactUrl } from '@restaurant/queue';
import type { RedisTarget } from './redis-target.js';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export interface RunRedis extends RedisTarget {
  /** Set when the launcher started its own redis-server. */
  embedded: boolean;
  stop(): Promise<void>;
}

export class NoRedisError extends Error {
  constructor(url: string) {
    super(
      `No Redis answers at ${redactUrl(url)} and there is no redis-server on PATH: install redis-server, ` +
        'set REDIS_URL to a running Redis, or run the restaurant with docker compose up.',
    );
    this.name = 'NoRedisError';
  }
}

/** A Redis Cluster that cannot be used: the one line that says why. */
export class UnusableClusterError extends Error {
  constructor(nodes: RedisTarget['clusterNodes'], problem: string) {
    super(`REDIS_CLUSTER_NODES="${(nodes ?? []).map(({ host, port }) => `${host}:${port}`).join(',')}": ${problem}`);
    this.name = 'UnusableClusterError';
  }
}

/**
 * The target's Redis when it answers; for one server that does not, a redis-server started here
 * in a temporary folder. A cluster is used as it is, or refused with the reason.
 */
export async function ensureRedis(target: RedisTarget): Promise<RunRedis> {
  const { url, clusterNodes, tls } = target;
  if (clusterNodes) {
    const problem = await clusterProblem(clusterNodes, url, tls);
    if (problem) throw new UnusableClusterError(clusterNodes, problem);
    return { ...target, embedded: false, stop: async () => undefined };
  }
  if (await pingRedis(url, 1000, tls)) return { ...target, embedded: false, stop: async () => undefined };
  try {
    const server = await startRedisServer();
    return { url: server.url, embedded: true, stop: () => server.stop() };
  } catch (error) {
    if (error instanceof NoRedisServerError) throw new NoRedisError(url);
    throw error;
  }
}
