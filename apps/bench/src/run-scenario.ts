import { availableParallelism } from 'node:os';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { rowMode, type Scenario } from './bench-plan.js';
import type { Measurement } from './bench-row.js';
import { bullmqConnection } from './bullmq-producer.js';
import { FastQueue } from './fast-path/fast-queue.js';
import { measuredPart } from './measured-part.js';
import { commandCosts, redisCpuSeconds } from './redis-stats.js';
import { WorkerProcess } from './worker-process.js';
import type { WorkerJob, WorkerResult } from './worker-protocol.js';

export interface ScenarioContext {
  redisUrl: string;
  /** The built main.js: a worker is this file started with `worker <job as JSON>`. */
  workerEntry: string;
  /** Share of the items taken so far, 0..1. */
  onProgress(fraction: number): void;
}

/** A scenario gives up when no item moves for this long. */
const STALL_MS = 60_000;
const POLL_MS = 20;
/** Workers leave by themselves after reporting; a stuck one is killed after this. */
const EXIT_GRACE_MS = 3000;

/** Runs one scenario in fresh worker processes on a fresh queue, and measures it. */
export async function runScenario(scenario: Scenario, context: ScenarioContext): Promise<Measurement> {
  const queueName = `bench-${scenario.system}-${scenario.mode}-${randomBytes(4).toString('hex')}`;
  const admin = new Redis(context.redisUrl, { maxRetriesPerRequest: 1 });
  const workers = workerJobs(scenario, queueName, context.redisUrl).map((job) => new WorkerProcess(job, context.workerEntry));
  try {
    await Promise.all(workers.map((worker) => worker.ready));
    await admin.config('RESETSTAT');
    const cpuBefore = await redisCpuSeconds(admin);
    workers.forEach((worker) => worker.send({ type: 'start' }));
    const consumers = workers.filter((worker) => worker.job.role.endsWith('consumer'));
    await waitUntilAllTaken(scenario, workers, consumers, context.onProgress);
    consumers.forEach((worker) => worker.send({ type: 'stop' }));
    const results = await Promise.all(workers.map((worker) => worker.finished));
    const redisCpuS = (await redisCpuSeconds(admin)) - cpuBefore;
    const measured = measuredPart(results);
    return {
      row: {
        system: scenario.system,
        mode: rowMode(scenario),
        producers: scenario.producers,
        consumers: scenario.consumers,
        batch: scenario.batch,
        items: scenario.items,
        itemsPerSec: measured.items / (measured.spanMs / 1000),
        p50Ms: measured.latency.percentileMs(0.5),
        p99Ms: measured.latency.percentileMs(0.99),
      },
      warmedUp: measured.warmedUp,
      problem: await checkCounts(scenario, admin, queueName, results),
      p99WithWarmupMs: measured.latencyWithWarmup.percentileMs(0.99),
      redisCpuUsPerItem: (redisCpuS * 1e6) / scenario.items,
      clientCpuUsPerItem: (results.reduce((sum, result) => sum + result.cpuMs, 0) * 1000) / scenario.items,
      topCommands: (await commandCosts(admin)).slice(0, 4),
    };
  } finally {
    await Promise.race([Promise.all(workers.map((worker) => worker.exited)), sleep(EXIT_GRACE_MS)]);
    workers.forEach((worker) => worker.kill());
    await removeQueue(scenario, queueName, context.redisUrl, admin);
    admin.disconnect();
  }
}

function workerJobs(scenario: Scenario, queueName: string, redisUrl: string): WorkerJob[] {
  const { system, items, producers, consumers, batch, metrics } = scenario;
  // Spinning on an empty queue costs nothing while every process has a core; beyond that, a
  // customer's empty takes run on the core a cook needs.
  const idleMs = producers + consumers > availableParallelism() ? 1 : 0;
  const base = { redisUrl, queueName, capacity: items, batch, metrics, idleMs };
  const share = (index: number): number => Math.floor(items / producers) + (index < items % producers ? 1 : 0);
  return [
    ...Array.from({ length: producers }, (_, index) => ({ ...base, role: `${system}-producer` as const, items: share(index), index, inFlight: scenario.producerInFlight })),
    ...Array.from({ length: consumers }, (_, index) => ({ ...base, role: `${system}-consumer` as const, items: 0, index, inFlight: scenario.consumerInFlight })),
  ];
}

/**
 * Polls the consumers' progress until every item is taken; once the warm-up's share is taken,
 * tells the consumers that what they take from then on is measured.
 */
async function waitUntilAllTaken(
  { items, warmupItems }: Scenario,
  workers: WorkerProcess[],
  consumers: WorkerProcess[],
  onProgress: (fraction: number) => void,
): Promise<void> {
  // Rejects as soon as any worker fails; consumers only finish after the stop.
  const failure = Promise.all(workers.map((worker) => worker.finished));
  let taken = 0;
  let lastChange = Date.now();
  let warmedUp = false;
  while (taken < items) {
    await Promise.race([sleep(POLL_MS), failure]);
    const now = consumers.reduce((sum, worker) => sum + worker.handled, 0);
    if (now !== taken) lastChange = Date.now();
    taken = now;
    if (!warmedUp && taken >= warmupItems) {
      warmedUp = true;
      consumers.forEach((worker) => worker.send({ type: 'measure' }));
    }
    onProgress(Math.min(1, taken / items));
    if (Date.now() - lastChange > STALL_MS) throw new Error(`stalled at ${taken} of ${items} items taken`);
  }
}

/** Every item offered once, taken once, nothing dropped, nothing left: or what went wrong. */
async function checkCounts(scenario: Scenario, admin: Redis, queueName: string, results: WorkerResult[]): Promise<string | null> {
  const taken = results.filter((r) => r.role.endsWith('consumer')).reduce((sum, r) => sum + r.handled, 0);
  const dropped = results.reduce((sum, r) => sum + r.dropped, 0);
  const problems: string[] = [];
  if (taken !== scenario.items) problems.push(`consumers took ${taken} of ${scenario.items}`);
  if (dropped > 0) problems.push(`${dropped} dropped`);
  if (scenario.system === 'ours') {
    const queue = new FastQueue(admin, queueName, scenario.items);
    const stats = await admin.hgetall(queue.keys.stats);
    const left = await queue.length();
    if (Number(stats.ready) !== scenario.items) problems.push(`READY ${stats.ready}`);
    if (Number(stats.taken) !== scenario.items) problems.push(`TAKEN ${stats.taken}`);
    if (left !== 0) problems.push(`${left} left in the list`);
  }
  return problems.length > 0 ? problems.join(', ') : null;
}

async function removeQueue(scenario: Scenario, queueName: string, redisUrl: string, admin: Redis): Promise<void> {
  if (scenario.system === 'ours') return new FastQueue(admin, queueName, scenario.items).destroy();
  const queue = new Queue(queueName, { connection: bullmqConnection(redisUrl) });
  await queue.obliterate({ force: true });
  await queue.close();
}
