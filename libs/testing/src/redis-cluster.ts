import { execFile } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { freePort, startRedisServer, type RedisServerProcess } from '@restaurant/process';

const run = promisify(execFile);

export interface RedisClusterNode {
  readonly port: number;
  readonly server: RedisServerProcess;
}

export interface RedisCluster {
  readonly nodes: readonly RedisClusterNode[];
  /** `127.0.0.1:<port>,...`: every node, as REDIS_CLUSTER_NODES takes them. */
  readonly seedList: string;
  /** The nodes that serve slots now, by port (changes after a failover). */
  masterPorts(): Promise<number[]>;
  stop(): Promise<void>;
}

export interface StartRedisClusterOptions {
  masters?: number;
  replicasPerMaster?: number;
  /** Milliseconds until a master that does not answer is failed over. */
  nodeTimeoutMs?: number;
}

/**
 * A real Redis Cluster of throw-away redis-server processes on loopback (3 masters with a
 * replica each unless told), made with `redis-cli --cluster create`, ready when every node
 * says `cluster_state:ok` and every master's replicas are in sync.
 */
export async function startRedisCluster(options: StartRedisClusterOptions = {}): Promise<RedisCluster> {
  const { masters = 3, replicasPerMaster = 1, nodeTimeoutMs = 2000 } = options;
  const count = masters * (1 + replicasPerMaster);
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  const nodes: RedisClusterNode[] = [];
  const stop = async (): Promise<void> => void (await Promise.all(nodes.map((node) => node.server.stop())));
  try {
    for (const port of ports) {
      const extraArgs = ['--cluster-enabled', 'yes', '--cluster-node-timeout', String(nodeTimeoutMs), '--appendonly', 'yes'];
      nodes.push({ port, server: await startRedisServer({ port, extraArgs }) });
    }
    const addresses = ports.map((port) => `127.0.0.1:${port}`);
    await run('redis-cli', ['--cluster', 'create', ...addresses, '--cluster-replicas', String(replicasPerMaster), '--cluster-yes']);
    await untilEveryNodeIsOk(ports);
    await untilReplicasAreOnline(await masterPortsOf(ports), replicasPerMaster);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    nodes,
    seedList: ports.map((port) => `127.0.0.1:${port}`).join(','),
    masterPorts: () => masterPortsOf(ports),
    stop,
  };
}

async function untilEveryNodeIsOk(ports: number[], timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const states = await Promise.all(ports.map((port) => withNode(port, (redis) => redis.cluster('INFO'))));
    if (states.every((info) => /cluster_state:ok/.test(String(info)))) return;
    if (Date.now() > deadline) throw new Error(`the cluster did not become ok within ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** Replicas sync in the background after `--cluster create`; until then a failover would find none. */
async function untilReplicasAreOnline(masters: number[], replicas: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const infos = await Promise.all(masters.map((port) => withNode(port, (redis) => redis.info('replication'))));
    if (infos.every((info) => (info.match(/^slave\d+:.*state=online/gm) ?? []).length >= replicas)) return;
    if (Date.now() > deadline) throw new Error(`the replicas were not online within ${timeoutMs} ms`);
    await sleep(200);
  }
}

async function masterPortsOf(ports: number[]): Promise<number[]> {
  for (const port of ports) {
    try {
      const slots = await withNode(port, (redis) => redis.cluster('SLOTS'));
      return [...new Set(slots.map(([, , master]) => Number(master[1])))].sort((a, b) => a - b);
    } catch {
      // that node is down: ask the next
    }
  }
  throw new Error('no node of the cluster answers');
}

async function withNode<T>(port: number, use: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return await use(redis);
  } finally {
    redis.disconnect();
  }
}
