import { BoundedQueue, closeRedis, readAccounting, type RedisClient } from '@restaurant/queue';
import { freePort, spawnNode, startRedisCluster, uniqueQueueName, type ChildHarness, type RedisCluster } from '@restaurant/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRIES } from '../entries.js';
import { connectToCluster } from './cluster-client.js';
import { failOver, masterOf } from './master-of.js';

let cluster: RedisCluster;
let admin: RedisClient;
const running: ChildHarness[] = [];
beforeAll(async () => {
  cluster = await startRedisCluster({ nodeTimeoutMs: 1000 });
  admin = await connectToCluster(cluster);
}, 60_000);
afterAll(async () => {
  running.forEach((child) => child.kill('SIGKILL'));
  await closeRedis(admin);
  await cluster?.stop();
});

function service(entry: string, env: Record<string, string>): ChildHarness {
  const child = spawnNode(entry, {
    env: { ...process.env, REDIS_URL: 'redis://127.0.0.1', REDIS_CLUSTER_NODES: cluster.seedList, LOG_FORMAT: 'json', TIME_SCALE: '0.01', ...env },
  });
  running.push(child);
  return child;
}

const readyLines = (child: ChildHarness) => child.stdoutLines.filter((line) => line.includes('"event":"ready"')).length;

describe('cooks and customers on a Redis Cluster', () => {
  it('go on through a failover of their queue\'s master, and the accounting says what happened', async () => {
    const queue = uniqueQueueName('failover');
    const env = { QUEUE_NAME: queue, QUEUE_CAPACITY: '50', DELIVERY: 'reliable', RECLAIM_AFTER_S: '2', CONSUMER_MIN_S: '1', CONSUMER_MAX_S: '2' };
    const cook = service(ENTRIES.producer, { ...env, ROLE_NAME: 'producer_1', PRODUCER_PERIOD_S: '1' });
    const customers = [1, 2].map((n) => service(ENTRIES.consumer, { ...env, ROLE_NAME: `consumer_${n}` }));
    await cook.waitForLine(/"event":"ready"/, 20_000);
    await customers[0].waitForLine(/"event":"(taken|empty)"/, 20_000);

    const master = await masterOf(cluster, queue);
    // A replica takes over after the node timeout (1 s) and a vote.
    expect(await failOver(cluster, queue)).not.toBe(master);

    const readyBefore = readyLines(cook);
    const until = Date.now() + 20_000;
    while (readyLines(cook) < readyBefore + 5 && Date.now() < until) await sleep(200);
    expect(readyLines(cook)).toBeGreaterThanOrEqual(readyBefore + 5);
    for (const child of [cook, ...customers]) expect(child.pid > 0 && (await Promise.race([child.exited.then(() => 'exited'), sleep(10, 'running')]))).toBe('running');

    for (const child of [cook, ...customers]) child.kill('SIGTERM');
    for (const child of [cook, ...customers]) expect((await child.exited).code).toBe(0);
    const accounting = await readAccounting(admin, new BoundedQueue(admin, queue, 50).keys);
    // The identity holds on the new master: each script's effects replicate whole, or not at all.
    expect(accounting.lost).toBe(0);
    // What the cook was told it had queued, against what the cluster kept: a failover may drop
    // writes the old master acknowledged but had not yet replicated.
    const acknowledged = readyLines(cook);
    expect(accounting.accepted).toBeLessThanOrEqual(acknowledged);
    expect(acknowledged - accounting.accepted).toBeLessThan(5);
  }, 120_000);
});

describe('a wrong REDIS_CLUSTER_NODES', () => {
  it.each([
    ['no node answers', async () => `127.0.0.1:${await freePort()}`, /REDIS_CLUSTER_NODES=".*": no node answers: 127\.0\.0\.1:\d+/],
    ['a Redis without cluster mode', async () => `127.0.0.1:${new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379').port || 6379}`, /is a Redis without cluster mode, not a cluster node/],
    ['not host:port', async () => 'redis-1,redis-2', /REDIS_CLUSTER_NODES="redis-1,redis-2": must be host:port of one or more cluster nodes/],
  ])('%s: one line, exit 2, before anything runs', async (_, nodes, expected) => {
    const child = spawnNode(ENTRIES.producer, { env: { ...process.env, REDIS_CLUSTER_NODES: await nodes(), REDIS_URL: 'redis://127.0.0.1' } });
    const { code } = await child.exited;
    expect(code).toBe(2);
    expect(child.stderrLines.join('\n')).toMatch(expected);
    expect(child.stdoutLines).toEqual([]);
  });
});
