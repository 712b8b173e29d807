import type { ConnectionOptions } from 'node:tls';
import { connectRedis, readableFile, readTlsFiles, REDIS_TLS_ENV, tlsSettingProblems, whenReady, type ClusterNode, type RedisClient, type RedisTlsFiles } from '@restaurant/queue';
import { ConfigError, type ConfigProblem } from '@restaurant/service';

/** Where a command's Redis is: one server at `url`, or a Redis Cluster (the URL then gives user, password and TLS). */
export interface RedisTarget {
  url: string;
  clusterNodes?: readonly ClusterNode[];
  /** CA, certificate and key of a rediss:// URL, from REDIS_TLS_* as the services read them. */
  tls?: ConnectionOptions;
}

/**
 * The target of a command's flags, with the REDIS_TLS_* files of its environment, so that a
 * command reaches the same TLS Redis (or cluster) as the services. Throws a ConfigError.
 */
export function redisTargetOf(url: string, clusterNodes: readonly ClusterNode[] | undefined, env: Record<string, string | undefined>): RedisTarget {
  const files: RedisTlsFiles = Object.fromEntries(Object.entries(REDIS_TLS_ENV).map(([field, name]) => [field, env[name] || undefined]));
  const problems: ConfigProblem[] = tlsSettingProblems(url, files).map(({ name, message }) => ({ name, value: env[name], allowed: message }));
  for (const name of Object.values(REDIS_TLS_ENV)) {
    const path = env[name];
    if (path && !readableFile.safeParse(path).success) problems.push({ name, value: path, allowed: 'must be a file this process can read' });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { url, clusterNodes, tls: readTlsFiles(files) };
}

/** A connection to the target, ready to use; a command's own, not a service's. */
export async function openRedis(target: RedisTarget, connectionName = 'restaurant'): Promise<RedisClient> {
  const redis = connectRedis({ url: target.url, clusterNodes: target.clusterNodes, tls: target.tls, mode: 'fail-fast', connectionName });
  try {
    await whenReady(redis, AbortSignal.timeout(10_000));
  } catch (error) {
    redis.disconnect();
    throw error;
  }
  return redis;
}

/** The variables that point a service at the target (its REDIS_TLS_* files come with the environment). */
export function targetEnv(target: RedisTarget): Record<string, string> {
  const nodes = target.clusterNodes?.map(({ host, port }) => `${host}:${port}`).join(',');
  return { REDIS_URL: target.url, ...(nodes ? { REDIS_CLUSTER_NODES: nodes } : {}) };
}
