import type { Cluster, Redis } from 'ioredis';

/** A connection to one Redis, or to a Redis Cluster: the queue runs the same on either. */
export type RedisClient = Redis | Cluster;

const isCluster = (redis: RedisClient): redis is Cluster => 'nodes' in redis && typeof redis.nodes === 'function';

/** The nodes whose keys a scan must visit: every master of a cluster, or the one server. */
export function scanTargets(redis: RedisClient): Redis[] {
  return isCluster(redis) ? redis.nodes('master') : [redis];
}

/** Every server behind the client, replicas too: what a per-server setting such as ACL users must reach. */
export function everyServer(redis: RedisClient): Redis[] {
  return isCluster(redis) ? redis.nodes('all') : [redis];
}
