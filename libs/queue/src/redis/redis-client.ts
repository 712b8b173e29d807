import { Redis, type Cluster } from 'ioredis';

/** A connection to one Redis, or to a Redis Cluster: the queue runs the same on either. */
export type RedisClient = Redis | Cluster;

const isCluster = (redis: RedisClient): redis is Cluster => 'nodes' in redis && typeof redis.nodes === 'function';

/** The nodes whose keys a scan must visit: every master of a cluster, or the one server. */
export function scanTargets(redis: RedisClient): Redis[] {
  return isCluster(redis) ? redis.nodes('master') : [redis];
}

/**
 * Runs `use` on every server behind the client, replicas too: what a per-server setting such as
 * ACL users must reach, or a replica promoted later would lack it. The cluster client connects
 * to masters only, so the replicas come from CLUSTER NODES, reached with the client's own options.
 */
export async function forEveryServer(redis: RedisClient, use: (server: Redis) => Promise<void>): Promise<void> {
  if (!isCluster(redis)) return use(redis);
  const [master] = redis.nodes('master');
  const listing = String(await master.call('CLUSTER', 'NODES'));
  for (const { host, port } of reachableNodes(listing)) {
    const server = new Redis({ ...redis.options.redisOptions, host, port, lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
    server.on('error', () => undefined); // the failing command says what went wrong
    try {
      await server.connect();
      await use(server);
    } finally {
      server.disconnect();
    }
  }
}

/** `<id> <ip:port@bus-port[,hostname]> <flags> ...` lines, without nodes marked failed or with no address. */
function reachableNodes(listing: string): Array<{ host: string; port: number }> {
  return listing
    .split('\n')
    .map((line) => line.split(' '))
    .filter((fields) => fields.length > 2 && !/(^|,)(fail|noaddr|handshake)(,|$)/.test(fields[2]))
    .map((fields) => {
      const address = fields[1].split('@')[0];
      const colon = address.lastIndexOf(':');
      return { host: address.slice(0, colon), port: Number(address.slice(colon + 1)) };
    });
}
