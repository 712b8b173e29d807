import { connectRedis, redactUrl, type RedisClient } from '@restaurant/queue';
import type { RedisTarget } from '../start/redis-target.js';

/**
 * A connection for BullMQ: patient (BullMQ's blocking commands need `maxRetriesPerRequest:
 * null`, and a worker should wait out a Redis restart rather than exit). BullMQ duplicates it
 * for its blocking reads, so it works on one Redis and on a Redis Cluster alike.
 */
export function connectJobQueue(target: RedisTarget, connectionName: string, onRetry?: (message: string) => void): RedisClient {
  return connectRedis({ url: target.url, clusterNodes: target.clusterNodes, tls: target.tls, mode: 'patient', connectionName, onRetry });
}

/** Where the job queue is, for a message. */
export function jobQueueWhere(target: RedisTarget): string {
  return target.clusterNodes ? `the cluster at ${target.clusterNodes.map(({ host, port }) => `${host}:${port}`).join(',')}` : redactUrl(target.url);
}
