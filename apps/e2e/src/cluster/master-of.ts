import { queueKeys } from '@restaurant/queue';
import type { RedisCluster } from '@restaurant/testing';
import { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';

/** The port of the master that serves a queue's slot now. */
export async function masterOf(cluster: RedisCluster, queueName: string): Promise<number> {
  const [port] = await cluster.masterPorts();
  const node = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  node.on('error', () => undefined);
  try {
    const slot = Number(await node.call('CLUSTER', 'KEYSLOT', queueKeys(queueName).items));
    const range = (await node.cluster('SLOTS')).find(([from, to]) => slot >= from && slot <= to);
    return Number(range?.[2][1]);
  } finally {
    node.disconnect();
  }
}

/** Kills the master of a queue's slot with SIGKILL and waits until a replica serves the slot. */
export async function failOver(cluster: RedisCluster, queueName: string, timeoutMs = 20_000): Promise<number> {
  const master = await masterOf(cluster, queueName);
  await cluster.nodes.find(({ port }) => port === master)?.server.stop({ signal: 'SIGKILL' });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = await masterOf(cluster, queueName).catch(() => master);
    if (now !== master) return now;
    if (Date.now() > deadline) throw new Error(`no replica took over from ${master} within ${timeoutMs} ms`);
    await sleep(100);
  }
}
