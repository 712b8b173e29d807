import { execFile } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConnectionOptions } from 'node:tls';
import { Redis } from 'ioredis';
import { clientTls, freePort, startRedisServer, type RedisServerProcess, type RedisServerTls } from '@restaurant/process';
import { makeThrowawayCertificates, type ThrowawayCertificates } from './throwaway-certificates.js';

const run = promisify(execFile);

export interface RedisClusterNode {
  readonly port: number;
  readonly server: RedisServerProcess;
}

export interface RedisCluster {
  readonly nodes: readonly RedisClusterNode[];
  /** `127.0.0.1:<port>,...`: every node, as REDIS_CLUSTER_NODES takes them. */
  readonly seedList: string;
  /** With `tls`: the files a client presents (REDIS_TLS_CA_FILE, ..._CERT_FILE, ..._KEY_FILE). */
  readonly certificates?: ThrowawayCertificates;
  /** The nodes that serve slots now, by port (changes after a failover). */
  masterPorts(): Promise<number[]>;
  stop(): Promise<void>;
}

export interface StartRedisClusterOptions {
  masters?: number;
  replicasPerMaster?: number;
  /** Milliseconds until a master that does not answer is failed over. */
  nodeTimeoutMs?: number;
  /** TLS only, clients and the cluster bus and replication alike, with throw-away certificates. */
  tls?: boolean;
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
  const certificatesDir = options.tls ? await mkdtemp(join(tmpdir(), 'restaurant-cluster-tls-')) : undefined;
  const stop = async (): Promise<void> => {
    await Promise.all(nodes.map((node) => node.server.stop()));
    if (certificatesDir) await rm(certificatesDir, { recursive: true, force: true });
  };
  let certificates: ThrowawayCertificates | undefined;
  let tls: { server: RedisServerTls; client: ConnectionOptions } | undefined;
  try {
    if (certificatesDir) {
      certificates = await makeThrowawayCertificates(certificatesDir);
      const server = serverTls(certificates);
      tls = { server, client: clientTls(server) };
    }
    // the nodes talk to each other (bus, replication) over TLS too, presenting the client certificate
    const tlsArgs = tls ? ['--tls-cluster', 'yes', '--tls-replication', 'yes', '--tls-client-cert-file', tls.server.clientCertFile, '--tls-client-key-file', tls.server.clientKeyFile] : [];
    for (const port of ports) {
      const extraArgs = ['--cluster-enabled', 'yes', '--cluster-node-timeout', String(nodeTimeoutMs), '--appendonly', 'yes', ...tlsArgs];
      nodes.push({ port, server: await startRedisServer({ port, extraArgs, tls: tls?.server }) });
    }
    const addresses = ports.map((port) => `127.0.0.1:${port}`);
    const cliTls = certificates ? ['--tls', '--cacert', certificates.caCert, '--cert', certificates.clientCert, '--key', certificates.clientKey] : [];
    await run('redis-cli', [...cliTls, '--cluster', 'create', ...addresses, '--cluster-replicas', String(replicasPerMaster), '--cluster-yes']);
    await untilEveryNodeIsOk(ports, tls?.client);
    await untilReplicasAreOnline(await masterPortsOf(ports, tls?.client), replicasPerMaster, tls?.client);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    nodes,
    seedList: ports.map((port) => `127.0.0.1:${port}`).join(','),
    certificates,
    masterPorts: () => masterPortsOf(ports, tls?.client),
    stop,
  };
}

function serverTls(certificates: ThrowawayCertificates): RedisServerTls {
  return {
    certFile: certificates.serverCert,
    keyFile: certificates.serverKey,
    caFile: certificates.caCert,
    clientCertFile: certificates.clientCert,
    clientKeyFile: certificates.clientKey,
  };
}

async function untilEveryNodeIsOk(ports: number[], tls: ConnectionOptions | undefined, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const states = await Promise.all(ports.map((port) => withNode(port, tls, (redis) => redis.cluster('INFO'))));
    if (states.every((info) => /cluster_state:ok/.test(String(info)))) return;
    if (Date.now() > deadline) throw new Error(`the cluster did not become ok within ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** Replicas sync in the background after `--cluster create`; until then a failover would find none. */
async function untilReplicasAreOnline(masters: number[], replicas: number, tls: ConnectionOptions | undefined, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const infos = await Promise.all(masters.map((port) => withNode(port, tls, (redis) => redis.info('replication'))));
    if (infos.every((info) => (info.match(/^slave\d+:.*state=online/gm) ?? []).length >= replicas)) return;
    if (Date.now() > deadline) throw new Error(`the replicas were not online within ${timeoutMs} ms`);
    await sleep(200);
  }
}

async function masterPortsOf(ports: number[], tls: ConnectionOptions | undefined): Promise<number[]> {
  for (const port of ports) {
    try {
      const slots = await withNode(port, tls, (redis) => redis.cluster('SLOTS'));
      return [...new Set(slots.map(([, , master]) => Number(master[1])))].sort((a, b) => a - b);
    } catch {
      // that node is down: ask the next
    }
  }
  throw new Error('no node of the cluster answers');
}

async function withNode<T>(port: number, tls: ConnectionOptions | undefined, use: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis({ port, host: '127.0.0.1', tls, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return await use(redis);
  } finally {
    redis.disconnect();
  }
}
