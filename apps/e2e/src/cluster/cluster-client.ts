import { connectRedis, whenReady, type RedisClient } from '@restaurant/queue';
import type { RedisCluster } from '@restaurant/testing';

/** A cluster connection as the services make it, ready to use. */
export async function connectToCluster(cluster: RedisCluster, mode: 'patient' | 'fail-fast' = 'patient'): Promise<RedisClient> {
  const nodes = cluster.nodes.map(({ port }) => ({ host: '127.0.0.1', port }));
  const redis = connectRedis({ url: 'redis://127.0.0.1', clusterNodes: nodes, mode });
  await whenReady(redis, AbortSignal.timeout(10_000));
  return redis;
}
