export { startTestRedis, uniqueQueueName, type TestRedis } from './test-redis.js';
export { startRedisServer, freePort, type RedisServerProcess } from '@restaurant/process';
export { isAlive, spawnNode, type ChildHarness, type SpawnNodeOptions } from './child-harness.js';
export { makeThrowawayCertificates, type ThrowawayCertificates } from './throwaway-certificates.js';
export { startTlsRedisServer, type TlsRedisServer } from './tls-redis-server.js';
export { useTestRedis } from './use-test-redis.js';
export { measuredSleepUs } from './measured-sleep.js';
export { startReplyCuttingProxy, type ReplyCuttingProxy } from './reply-cutting-proxy.js';
export { startRedisCluster, type RedisCluster, type RedisClusterNode } from './redis-cluster.js';
