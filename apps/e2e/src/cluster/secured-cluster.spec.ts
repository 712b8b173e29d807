import { spawnNode, startRedisCluster, uniqueQueueName, type ChildHarness, type RedisCluster } from '@restaurant/testing';
import { Redis } from 'ioredis';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRIES } from '../entries.js';

// A cluster that speaks TLS only (clients, bus and replication), with ACL users made by the CLI.
let cluster: RedisCluster;
let tlsEnv: Record<string, string>;
const running: ChildHarness[] = [];

beforeAll(async () => {
  cluster = await startRedisCluster({ tls: true });
  const files = cluster.certificates;
  if (!files) throw new Error('a TLS cluster has certificates');
  tlsEnv = { REDIS_TLS_CA_FILE: files.caCert, REDIS_TLS_CERT_FILE: files.clientCert, REDIS_TLS_KEY_FILE: files.clientKey };
}, 90_000);
afterAll(async () => {
  running.forEach((child) => child.kill('SIGKILL'));
  await cluster?.stop();
});

/** A process of the project pointed at the cluster as a user would: the environment only. */
function run(entry: string, redisUrl: string, env: Record<string, string> = {}, args: string[] = []): ChildHarness {
  const child = spawnNode(entry, {
    args,
    env: { ...process.env, ...tlsEnv, REDIS_URL: redisUrl, REDIS_CLUSTER_NODES: cluster.seedList, TIME_SCALE: '0.01', ...env },
  });
  running.push(child);
  return child;
}

function nodeAs(port: number): Redis {
  const tls = { ca: readFileSync(tlsEnv.REDIS_TLS_CA_FILE), cert: readFileSync(tlsEnv.REDIS_TLS_CERT_FILE), key: readFileSync(tlsEnv.REDIS_TLS_KEY_FILE) };
  return new Redis({ host: '127.0.0.1', port, tls, maxRetriesPerRequest: 1 });
}

describe('a Redis Cluster with TLS and ACL users', () => {
  it('acl --apply puts the users on every node; cooks and customers run under them over TLS, each only in its role; report reads it', async () => {
    const queue = uniqueQueueName('secured');
    const passwords = { ACL_PRODUCER_PASSWORD: 'cook-pw', ACL_CONSUMER_PASSWORD: 'customer-pw' };
    const acl = run(ENTRIES.restaurant, 'rediss://127.0.0.1', passwords, ['acl', '--apply', '--queue', queue]);
    expect((await acl.exited).code).toBe(0);
    expect(acl.stdoutLines.join('\n')).toMatch(/applied at every node of the cluster at 127\.0\.0\.1:\d+,/);
    const usersByNode = await Promise.all(
      cluster.nodes.map(async ({ port }) => {
        const node = nodeAs(port);
        const users = (await node.call('ACL', 'USERS')) as string[];
        node.disconnect();
        return users;
      }),
    );
    expect(usersByNode).toEqual(cluster.nodes.map(() => ['cook', 'customer', 'default']));

    const cook = run(ENTRIES.producer, 'rediss://cook:cook-pw@127.0.0.1', { QUEUE_NAME: queue });
    const customer = run(ENTRIES.consumer, 'rediss://customer:customer-pw@127.0.0.1', { QUEUE_NAME: queue, DELIVERY: 'reliable' });
    await cook.waitForLine(/READY$/, 30_000);
    await customer.waitForLine(/TAKEN AWAY$/, 30_000);

    // the cook's user cannot take: a customer running as the cook is refused by the server
    const intruder = run(ENTRIES.consumer, 'rediss://cook:cook-pw@127.0.0.1', { QUEUE_NAME: queue, ROLE_NAME: 'intruder' });
    await intruder.waitForLine(/could not take a meal: .*can't run this command/, 30_000);
    intruder.kill('SIGKILL');
    expect([...intruder.stdoutLines, ...intruder.stderrLines].join('\n')).not.toMatch(/TAKEN AWAY/);

    cook.kill('SIGTERM');
    customer.kill('SIGTERM');
    expect((await cook.exited).code).toBe(0);
    expect((await customer.exited).code).toBe(0);
    const report = run(ENTRIES.restaurant, 'rediss://127.0.0.1', {}, ['report', '--queue', queue, '--json']);
    expect((await report.exited).code).toBe(0);
    const { accounting } = JSON.parse(report.stdoutLines.join('\n')) as { accounting: { accepted: number; taken: number; lost: number } };
    expect(accounting.accepted).toBeGreaterThan(0);
    expect(accounting.taken).toBeGreaterThan(0);
    expect(accounting.lost).toBe(0);
  }, 120_000);

  it('without the client certificate, nothing gets in: one line and exit code 2 before anything runs', async () => {
    const child = run(ENTRIES.producer, 'rediss://127.0.0.1', { REDIS_TLS_CERT_FILE: '', REDIS_TLS_KEY_FILE: '' });
    expect((await child.exited).code).toBe(2);
    expect(child.stderrLines.join('\n')).toMatch(/^REDIS_CLUSTER_NODES=".*": no node answers/m);
  }, 60_000);
});
