import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { spawnNode, uniqueQueueName, useTestRedis, type ChildHarness } from '@restaurant/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeCliIo } from '../testing/fake-cli-io.js';
import { sweepCommand } from './sweep.js';

const CLI = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const FILES = ['results.csv', 'summary.md', 'chart.svg'] as const;

describe('sweep --workers bullmq', () => {
  const redis = useTestRedis();
  const workers: ChildHarness[] = [];
  afterEach(async () => {
    for (const worker of workers.splice(0)) {
      worker.kill('SIGKILL');
      await worker.exited;
    }
  });

  function startWorker(jobQueue: string, ...extra: string[]): ChildHarness {
    const worker = spawnNode(CLI, { args: ['sweep-worker', '--redis-url', redis.url, '--job-queue', jobQueue, ...extra] });
    workers.push(worker);
    return worker;
  }

  async function sweep(grid: string[], extra: string[] = []) {
    const out = mkdtempSync(join(tmpdir(), 'sweep-workers-'));
    const io = fakeCliIo();
    const code = await sweepCommand.run([...grid, '--out', out, '--redis-url', redis.url, ...extra], io);
    const files = Object.fromEntries(FILES.map((name) => [name, code === 0 ? readFileSync(join(out, name), 'utf8') : '']));
    return { code, err: io.err(), files };
  }

  /** Waits until `count` of the job queue's keys `list` hold at least `atLeast` entries. */
  async function untilListHolds(jobQueue: string, list: 'wait' | 'active', atLeast: number): Promise<void> {
    const client = redis.client();
    while ((await client.llen(`{sweep}:${jobQueue}:${list}`)) < atLeast) await sleep(20);
  }

  function expectSameFiles(distributed: Record<string, string>, local: Record<string, string>): void {
    for (const name of FILES) expect(distributed[name], name).toBe(local[name]);
  }

  it('writes the same results.csv, summary.md and chart.svg as a local sweep with the same seed, and workers stop on SIGTERM', async () => {
    const jobQueue = uniqueQueueName('sweep-jobs');
    const grid = ['--producers', '1..2', '--consumers', '1,3', '--capacity', '2,5', '--model-hours', '20', '--replications', '3', '--seed', '4000000001'];
    const ready = [startWorker(jobQueue), startWorker(jobQueue)];
    await Promise.all(ready.map((worker) => worker.waitForLine(/taking jobs from queue/)));

    const distributed = await sweep(grid, ['--workers', 'bullmq', '--job-queue', jobQueue]);
    const local = await sweep(grid);

    expect(distributed.code, distributed.err).toBe(0);
    expect(local.code).toBe(0);
    // the shared progress bar counts jobs: 2 × 2 × 2 cells × 3 replications
    expect(distributed.err).toContain('24/24 jobs');
    expectSameFiles(distributed.files, local.files);
    expect(distributed.files['results.csv'].trim().split('\n')).toHaveLength(1 + 8);

    for (const worker of ready) worker.kill('SIGTERM');
    const exits = await Promise.all(ready.map((worker) => worker.exited));
    expect(exits.map((exit) => exit.code)).toEqual([0, 0]);
    const ran = ready.map((worker) => Number(/ran (\d+) job/.exec(worker.stderrLines.join('\n'))?.[1]));
    expect(ran[0] + ran[1]).toBe(24);
  });

  it("runs a SIGKILLed worker's job again on another worker, with no cell missing or counted twice", async () => {
    const jobQueue = uniqueQueueName('sweep-jobs');
    // Long enough jobs (about a second each) that the worker is surely killed inside one.
    const grid = ['--producers', '1', '--consumers', '1,2', '--capacity', '3', '--model-hours', '4000', '--replications', '1', '--seed', '77'];
    // Short lock and check: BullMQ lets one stalled check per interval run across all workers.
    const doomed = startWorker(jobQueue, '--lock-ms', '1000', '--stalled-check-ms', '200');
    await doomed.waitForLine(/taking jobs from queue/);

    const distributed = sweep(grid, ['--workers', 'bullmq', '--job-queue', jobQueue]);
    await untilListHolds(jobQueue, 'active', 1);
    doomed.kill('SIGKILL');
    expect((await doomed.exited).signal).toBe('SIGKILL');
    // The survivor looks for jobs without a live lock every 200 ms instead of every 30 s.
    startWorker(jobQueue, '--stalled-check-ms', '200');

    const result = await distributed;
    expect(result.code, result.err).toBe(0);
    expect(result.err).toContain('sweep: 1 job(s) ran again after their worker stopped answering');
    expect(result.err).toContain('2/2 jobs');
    const local = await sweep(grid);
    expectSameFiles(result.files, local.files);
  });

  it('fails a job it cannot read into BullMQ\'s failed set, and the sweep says so in one line and exits 1', async () => {
    const jobQueue = uniqueQueueName('sweep-jobs');
    const client = redis.client();
    const grid = ['--producers', '1', '--consumers', '1,2', '--capacity', '3', '--model-hours', '5', '--replications', '2', '--seed', '5'];
    const running = sweep(grid, ['--workers', 'bullmq', '--job-queue', jobQueue]);
    await untilListHolds(jobQueue, 'wait', 4);
    // A job as another version, or a hand, might have written it.
    const [victim] = await client.lrange(`{sweep}:${jobQueue}:wait`, 0, 0);
    await client.hset(`{sweep}:${jobQueue}:${victim}`, 'data', JSON.stringify({ scenario: 'soup', replication: 0 }));
    startWorker(jobQueue);

    const result = await running;
    expect(result.code).toBe(1);
    const lines = result.err.trim().split('\n').filter((line) => line.startsWith('sweep:'));
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^sweep: job ${victim} \\(capacity 3, .*\\) failed on a worker: not a sweep job: scenario: `))]);
    expect(await client.zrange(`{sweep}:${jobQueue}:failed`, 0, -1)).toEqual([victim]);
    expect(await client.hget(`{sweep}:${jobQueue}:${victim}`, 'failedReason')).toMatch(/^not a sweep job: scenario: /);
  });

  it('on Ctrl-C takes its waiting jobs off the queue, says so in one line and exits 1', async () => {
    const jobQueue = uniqueQueueName('sweep-jobs');
    const client = redis.client();
    let stop: (() => void) | undefined;
    const io = { ...fakeCliIo(), onStopSignal: (handler: () => void) => void (stop = handler) };
    const out = mkdtempSync(join(tmpdir(), 'sweep-workers-'));
    const grid = ['--producers', '1', '--consumers', '1..3', '--capacity', '3', '--model-hours', '5', '--replications', '2', '--seed', '6'];
    const running = sweepCommand.run([...grid, '--workers', 'bullmq', '--job-queue', jobQueue, '--redis-url', redis.url, '--out', out], io);
    await untilListHolds(jobQueue, 'wait', 6);
    stop?.();
    expect(await running).toBe(1);
    expect(io.err().split('\n').filter((line) => line.startsWith('sweep:'))).toEqual(['sweep: stopped with 6 of 6 jobs not done; the waiting ones were taken off the queue']);
    expect(await client.llen(`{sweep}:${jobQueue}:wait`)).toBe(0);
  });

  it('refuses an unknown --workers value with one line and exit code 2', async () => {
    const io = fakeCliIo();
    expect(await sweepCommand.run(['--workers', 'threads'], io)).toBe(2);
    const problems = io.err().trim().split('\n').filter((line) => line.startsWith('  '));
    expect(problems).toEqual(['  --workers="threads": must be local or bullmq']);
  });
});
