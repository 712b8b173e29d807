import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { ConnectionOptions } from 'node:tls';
import type { ClusterNode } from './cluster-nodes.js';
import { redactUrl } from './redact-url.js';
import type { RedisClient } from './redis-client.js';

export interface ConnectOptions {
  url: string;
  /**
   * `patient` (customers): commands wait while the connection is down and go out after the
   * reconnect. `fail-fast` (cooks): a command while disconnected fails at once, so nothing is
   * buffered without bound; the cook's schedule goes on.
   */
  mode: 'patient' | 'fail-fast';
  /** Told about every retry, with a sentence fit for the log. */
  onRetry?: (message: string) => void;
  connectionName?: string;
  /** CA, certificate and key for a rediss:// URL (ioredis's `tls` option). */
  tls?: ConnectionOptions;
  /**
   * The nodes of a Redis Cluster to start from; the cluster tells the rest. The URL then gives
   * only the user, the password and whether to use TLS.
   */
  clusterNodes?: readonly ClusterNode[];
}

const MAX_BACKOFF_MS = 2000;

/** Reconnect delay after `attempt` failures: 50 ms doubling up to 2 s. */
export function backoffMs(attempt: number): number {
  return Math.min(MAX_BACKOFF_MS, 50 * 2 ** Math.min(attempt - 1, 10));
}

/**
 * A connection that retries with backoff forever until `disconnect()`. Each retry is reported
 * with the reason of the last failure (refused, WRONGPASS, a certificate the CA does not sign),
 * with the URL redacted and the URL's password masked should a message ever carry it.
 */
export function connectRedis(options: ConnectOptions): RedisClient {
  const where = options.clusterNodes ? `the cluster at ${options.clusterNodes.map(({ host, port }) => `${host}:${port}`).join(',')}` : redactUrl(options.url);
  let lastFailure = '';
  const retry = (attempt: number): number => {
    const delay = backoffMs(attempt);
    const reason = lastFailure ? `: ${maskPassword(lastFailure, options.url)}` : '';
    options.onRetry?.(`Redis not answering at ${where}; retrying in ${delay} ms (attempt ${attempt})${reason}`);
    return delay;
  };
  const patient = options.mode === 'patient';
  const redis = options.clusterNodes ? connectCluster(options, options.clusterNodes, retry) : new Redis(options.url, {
    connectionName: options.connectionName,
    tls: options.tls,
    enableOfflineQueue: patient,
    maxRetriesPerRequest: patient ? null : 1,
    connectTimeout: 2000,
    retryStrategy: retry,
  });
  redis.on('error', (error: Error) => (lastFailure = error.message));
  redis.on('ready', () => (lastFailure = ''));
  return redis;
}

/**
 * A Redis Cluster client. During a failover the cluster refuses a slot for a moment
 * (CLUSTERDOWN, TRYAGAIN, a MOVED to the new master): a patient connection waits and retries, a
 * fail-fast one reports the failure as it would a broken connection.
 */
function connectCluster(options: ConnectOptions, nodes: readonly ClusterNode[], retry: (attempt: number) => number): Cluster {
  const url = new URL(options.url);
  const patient = options.mode === 'patient';
  const redisOptions: RedisOptions = {
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    tls: url.protocol === 'rediss:' ? (options.tls ?? {}) : undefined,
    connectionName: options.connectionName,
    connectTimeout: 2000,
    maxRetriesPerRequest: patient ? null : 1,
  };
  const cluster = new Cluster(nodes.map(({ host, port }) => ({ host, port })), {
    redisOptions,
    enableOfflineQueue: patient,
    clusterRetryStrategy: retry,
    retryDelayOnFailover: 200,
    retryDelayOnClusterDown: 300,
    retryDelayOnTryAgain: 200,
  });
  // A node that went away (a failover) is reported here; the cluster's own retry handles it.
  cluster.on('node error', () => undefined);
  return cluster;
}

function maskPassword(message: string, url: string): string {
  const password = URL.canParse(url) ? decodeURIComponent(new URL(url).password) : '';
  return password ? message.replaceAll(password, '***') : message;
}

/**
 * Resolves when the connection is ready; rejects when the signal aborts first, or when the
 * connection is closed for good (`disconnect()`, or no more retries).
 */
export function whenReady(redis: RedisClient, signal?: AbortSignal): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  if (redis.status === 'end') return Promise.reject(new Error(CONNECTION_CLOSED));
  return new Promise((resolve, reject) => {
    const settle = (): void => {
      redis.off('ready', onReady);
      redis.off('end', onEnd);
      signal?.removeEventListener('abort', onAbort);
    };
    const onReady = (): void => {
      settle();
      resolve();
    };
    const onEnd = (): void => {
      settle();
      reject(new Error(CONNECTION_CLOSED));
    };
    const onAbort = (): void => {
      settle();
      reject(signal?.reason ?? new Error('aborted'));
    };
    redis.once('ready', onReady);
    redis.once('end', onEnd);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const CONNECTION_CLOSED = 'Connection is closed.';

/** Closes politely (QUIT) within the deadline, then by force. Safe to call twice. */
export async function closeRedis(redis: RedisClient, deadlineMs = 500): Promise<void> {
  if (redis.status === 'end') return;
  if (redis.status !== 'ready') {
    redis.disconnect();
    return;
  }
  const timer = setTimeout(() => redis.disconnect(), deadlineMs);
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  } finally {
    clearTimeout(timer);
  }
}
