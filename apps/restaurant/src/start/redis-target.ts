import { connectRedis, whenReady, type ClusterNode, type RedisClient } from '@restaurant/queue';

/** Where a command's Redis is: one server at `url`, or a Redis Cluster (the URL then gives user, password and TLS). */
export interface RedisTarget {
  url: string;
  clusterNodes?: readonly ClusterNode[];
}

/** A connection to the target, ready to use; a command's own, not a service's. */
export async function openRedis(target: RedisTarget, connectionName = 'restaurant'): Promise<RedisClient> {
  const redis = connectRedis({ url: target.url, clusterNodes: target.clusterNodes, mode: 'fail-fast', connectionName });
  try {
    await whenReady(redis, AbortSignal.timeout(10_000));
  } catch (error) {
    redis.disconnect();
    throw error;
  }
  return redis;
}

/** The variables that point a service at the target. */
export function targetEnv(target: RedisTarget): Record<string, string> {
  const nodes = target.clusterNodes?.map(({ host, port }) => `${host}:${port}`).join(',');
  return { REDIS_URL: target.url, ...(nodes ? { REDIS_CLUSTER_NODES: nodes } : {}) };
}
