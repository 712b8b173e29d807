import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeRedis, type RedisClient } from '@restaurant/queue';
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
