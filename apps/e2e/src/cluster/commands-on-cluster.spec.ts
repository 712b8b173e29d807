import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeRedis, readAccounting, queueKeys, type RedisClient } from '@restaurant/queue';
import { spawnNode, startRedisCluster, uniqueQueueName, type RedisCluster } from '@restaurant/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRIES } from '../entries.js';
import { connectToCluster } from './cluster-client.js';

let cluster: RedisCluster;
let admin: RedisClient;
beforeAll(async () => {
  cluster = await startRedisCluster();
  admin = await connectToCluster(cluster);
}, 60_000);
afterAll(async () => {
  await closeRedis(admin);
  await cluster?.stop();
});

/** The restaurant CLI pointed at the cluster by its environment, as a user would. */
function cli(args: string[]) {
  return spawnNode(ENTRIES.restaurant, {
    args,
    env: { ...process.env, REDIS_URL: 'redis://127.0.0.1', REDIS_CLUSTER_NODES: cluster.seedList },
  });
}

describe('the restaurant commands on a Redis Cluster', () => {
  it('npm start runs cooks and customers there, and report --json reads the run back with nothing lost', async () => {
    const queue = uniqueQueueName('cluster-start');
    const start = cli(['start', '--queue', queue, '--time-scale', '0.01', '--producers', '2', '--consumers', '2']);
    await start.waitForLine(/TAKEN AWAY/, 30_000);
    const report = cli(['report', '--queue', queue, '--json']);
    expect((await report.exited).code).toBe(0);
    const parsed = JSON.parse(report.stdoutLines.join('\n')) as { scenario: { producers: number; consumers: number }; accounting: { accepted: number; lost: number } };
    expect(parsed.scenario).toMatchObject({ producers: 2, consumers: 2 });
    expect(parsed.accounting.accepted).toBeGreaterThan(0);
    expect(parsed.accounting.lost).toBe(0);
    start.kill('SIGTERM');
    expect((await start.exited).code).toBe(0);
    expect((await readAccounting(admin, queueKeys(queue))).lost).toBe(0);
  }, 60_000);

  it('simulate --engine redis measures a live run there', async () => {
    const run = cli(['simulate', '--engine', 'redis', '--model-hours', '0.05', '--time-scale', '0.005', '--seed', '3', '--json']);
    expect((await run.exited).code).toBe(0);
    const report = JSON.parse(run.stdoutLines.join('\n')) as { scenario: { engine: string }; perHour: { ready: number } };
    expect(report.scenario.engine).toBe('redis');
    expect(report.perHour.ready).toBeGreaterThan(0);
  }, 90_000);

  it('the dashboard answers for a queue there', async () => {
    const queue = uniqueQueueName('cluster-dashboard');
    const start = cli(['start', '--queue', queue, '--time-scale', '0.01', '--dashboard', '--dashboard-port', '0']);
    try {
      const line = await start.waitForLine(/dashboard at (http:\/\/\S+)/, 30_000);
      const page = new URL(/dashboard at (http:\/\/\S+)/.exec(line)?.[1] ?? '');
      await start.waitForLine(/READY/, 30_000);
      const response = await fetch(new URL(`/api/queues/${queue}`, page));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ scenario: { capacity: 3 }, accounting: { lost: 0 } });
    } finally {
      start.kill('SIGTERM');
      expect((await start.exited).code).toBe(0);
    }
  }, 60_000);

  it('a cluster that cannot be used stops a command with one line and exit 2', async () => {
    const report = spawnNode(ENTRIES.restaurant, {
      args: ['report', '--queue', 'kitchen'],
      env: { ...process.env, REDIS_CLUSTER_NODES: `127.0.0.1:${new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379').port || 6379}` },
    });
    expect((await report.exited).code).toBe(2);
    expect(report.stderrLines).toEqual([expect.stringMatching(/^REDIS_CLUSTER_NODES="127\.0\.0\.1:\d+": .* is a Redis without cluster mode/)]);
  });
});

describe('sweep --workers bullmq on a Redis Cluster', () => {
  it("runs its jobs on workers there, the job queue's keys under the {sweep} hash tag, and writes a local sweep's summary", async () => {
    const jobQueue = uniqueQueueName('cluster-sweep');
    const grid = ['--producers', '1..2', '--consumers', '1,2', '--capacity', '3', '--model-hours', '10', '--replications', '2', '--seed', '12'];
    const workers = [cli(['sweep-worker', '--job-queue', jobQueue]), cli(['sweep-worker', '--job-queue', jobQueue])];
    try {
      await Promise.all(workers.map((worker) => worker.waitForLine(/taking jobs from queue/, 30_000)));
      const [distributedOut, localOut] = [mkdtempSync(join(tmpdir(), 'cluster-sweep-')), mkdtempSync(join(tmpdir(), 'cluster-sweep-'))];
      const distributed = cli(['sweep', ...grid, '--workers', 'bullmq', '--job-queue', jobQueue, '--out', distributedOut]);
      expect((await distributed.exited).code, distributed.stderrLines.join('\n')).toBe(0);
      expect(distributed.stderrLines.join('\n')).toContain('8/8 jobs');
      const local = spawnNode(ENTRIES.restaurant, { args: ['sweep', ...grid, '--out', localOut] });
      expect((await local.exited).code).toBe(0);
      const summary = (dir: string) => readFileSync(join(dir, 'summary.md'), 'utf8').replace(/events in [\d.]+ s/, 'events in ? s');
      expect(summary(distributedOut)).toBe(summary(localOut));

      // BullMQ's scripts take many keys at once; a key outside the tag's slot would have been CROSSSLOT.
      expect(await admin.exists(`{sweep}:${jobQueue}:meta`)).toBe(1);
    } finally {
      for (const worker of workers) worker.kill('SIGTERM');
      expect((await Promise.all(workers.map((worker) => worker.exited))).map((exit) => exit.code)).toEqual([0, 0]);
    }
  }, 90_000);
});
