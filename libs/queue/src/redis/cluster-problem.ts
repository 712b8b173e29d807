import type { ConnectionOptions } from 'node:tls';
import { Redis } from 'ioredis';
import type { ClusterNode } from './cluster-nodes.js';

/**
 * What is wrong with a Redis Cluster before anything uses it: no node answers, a node is no
 * cluster member, or the cluster is down. Undefined when a node says `cluster_state:ok`. The URL
 * gives the user, the password and whether to use TLS, as for the cluster client.
 */
export async function clusterProblem(nodes: readonly ClusterNode[], url: string, tls?: ConnectionOptions): Promise<string | undefined> {
  const parsed = new URL(url);
  const failures: string[] = [];
  for (const { host, port } of nodes) {
    const redis = new Redis({
      host,
      port,
      username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
      password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
      tls: parsed.protocol === 'rediss:' ? (tls ?? {}) : undefined,
      lazyConnect: true,
      connectTimeout: 2000,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      const info = String(await redis.call('CLUSTER', 'INFO'));
      return /cluster_state:ok/.test(info) ? undefined : `the cluster is not serving every slot (${/cluster_state:\w+/.exec(info)?.[0] ?? 'no state'}, asked ${host}:${port})`;
    } catch (error) {
      const message = (error as Error).message;
      if (/cluster support disabled/i.test(message)) return `${host}:${port} is a Redis without cluster mode, not a cluster node`;
      failures.push(`${host}:${port} (${message})`);
    } finally {
      redis.disconnect();
    }
  }
  return `no node answers: ${failures.join(', ')}`;
}
