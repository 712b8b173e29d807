import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue, QueueEvents } from 'bullmq';
import { closeRedis, whenReady } from '@restaurant/queue';
import { combineReplications, type ReplicationResult } from '../simulate/combine-replications.js';
import type { RedisTarget } from '../start/redis-target.js';
import { connectJobQueue, jobQueueWhere } from './job-queue-connection.js';
import type { SweepCell } from './sweep-cell.js';
import { sweepScenarios } from './sweep-grid.js';
import { describeSweepJob, SWEEP_JOB_PREFIX, type SweepJob } from './sweep-job.js';
import type { SweepPlan } from './sweep-plan.js';

export interface WorkersSweepOptions {
  redis: RedisTarget;
  jobQueue: string;
  onProgress: (done: number, total: number) => void;
  /** Aborted (Ctrl-C): the sweep stops waiting and takes its waiting jobs off the queue. */
  signal?: AbortSignal;
}

export interface WorkersSweepOutcome {
  cells: SweepCell[];
  /** Jobs that ran again because their worker stopped answering (BullMQ's stalled jobs). */
  rerun: number;
}

/** Raised when a worker failed a job; the message is the line the command prints. */
export class SweepJobFailed extends Error {
  constructor(
    readonly jobId: string,
    message: string,
  ) {
    super(message);
  }
}

/** How many jobs go to Redis in one call: small enough that the events stream never trims unread events. */
const ADD_CHUNK = 500;
const CONNECT_TIMEOUT_MS = 10_000;
/** Longest wait for taking the jobs off the queue, so that a Redis gone away cannot hold the exit. */
const CLEANUP_TIMEOUT_MS = 5_000;

/**
 * Puts every replication of every cell on the BullMQ queue `jobQueue` as one job and waits for
 * the workers (`sweep-worker`) to run them, then combines each cell's replications exactly as a
 * local sweep does. A job a worker failed stops the sweep with its reason; its other jobs are
 * taken off the queue.
 */
export async function runSweepOnWorkers(plan: SweepPlan, options: WorkersSweepOptions): Promise<WorkersSweepOutcome> {
  const scenarios = sweepScenarios(plan);
  const runId = randomBytes(6).toString('hex');
  const jobs = new Map<string, { cell: number; job: SweepJob }>();
  scenarios.forEach((scenario, cell) => {
    for (let replication = 0; replication < scenario.replications; replication++) {
      jobs.set(`${runId}-${cell}-${replication}`, { cell, job: { scenario, replication } });
    }
  });
  const results = scenarios.map((scenario) => new Array<ReplicationResult | undefined>(scenario.replications));
  const connection = connectJobQueue(options.redis, 'sweep');
  let queue: Queue | undefined;
  let events: QueueEvents | undefined;
  try {
    await whenReady(connection, AbortSignal.timeout(CONNECT_TIMEOUT_MS)).catch(() => {
      throw new Error(`no Redis answers at ${jobQueueWhere(options.redis)} for the job queue`);
    });
    queue = new Queue(options.jobQueue, { connection, prefix: SWEEP_JOB_PREFIX });
    // The patient connection retries on its own; an error event between retries is no news.
    queue.on('error', () => undefined);
    // Listen from the stream's current end, read before adding: no job can finish unheard.
    const [last] = await connection.xrevrange(queue.keys.events, '+', '-', 'COUNT', 1);
    events = new QueueEvents(options.jobQueue, { connection, prefix: SWEEP_JOB_PREFIX, lastEventId: last?.[0] ?? '0-0' });
    events.on('error', () => undefined);
    const finished = collect(events, jobs, results, options);
    // A job may fail while later chunks are still being added; it is awaited below, not lost.
    finished.done.catch(() => undefined);
    await finished.ready;
    const entries = [...jobs];
    for (let start = 0; start < entries.length; start += ADD_CHUNK) {
      const chunk = entries.slice(start, start + ADD_CHUNK);
      await queue.addBulk(
        chunk.map(([jobId, { job }]) => ({
          name: 'replication',
          data: job,
          // The result travels in the completed event; a failed job stays a week for a look.
          opts: { jobId, attempts: 1, removeOnComplete: true, removeOnFail: { age: 7 * 24 * 3600 } },
        })),
      );
    }
    try {
      const rerun = await finished.done;
      return {
        cells: scenarios.map((scenario, cell) => ({
          producers: scenario.producers,
          consumers: scenario.consumers,
          capacity: scenario.capacity,
          report: combineReplications(scenario, results[cell] as ReplicationResult[]),
        })),
        rerun,
      };
    } catch (error) {
      const failed = error instanceof SweepJobFailed ? error.jobId : undefined;
      const left = [...jobs].filter(([jobId, { cell, job }]) => results[cell][job.replication] === undefined && jobId !== failed);
      // The failed job stays in the failed set for a look. A job a worker holds is locked and
      // stays; it is removed when it completes.
      const removed = Promise.all(left.map(([jobId]) => queue?.remove(jobId).catch(() => 0)));
      await Promise.race([removed, sleep(CLEANUP_TIMEOUT_MS, undefined, { ref: false })]);
      throw error;
    }
  } finally {
    await events?.close();
    await queue?.close();
    await closeRedis(connection);
  }
}

/** Settles `done` when every job has completed (with the count of rerun jobs), or at the first failed one. */
function collect(
  events: QueueEvents,
  jobs: Map<string, { cell: number; job: SweepJob }>,
  results: Array<Array<ReplicationResult | undefined>>,
  { onProgress, signal }: Pick<WorkersSweepOptions, 'onProgress' | 'signal'>,
): { ready: Promise<void>; done: Promise<number> } {
  let completed = 0;
  let rerun = 0;
  onProgress(0, jobs.size);
  const done = new Promise<number>((resolve, reject) => {
    if (jobs.size === 0) resolve(0);
    const stop = (): void => reject(new Error(`stopped with ${jobs.size - completed} of ${jobs.size} jobs not done; the waiting ones were taken off the queue`));
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop, { once: true });
    events.on('completed', ({ jobId, returnvalue }) => {
      const entry = jobs.get(jobId);
      if (!entry) return;
      const slot = results[entry.cell];
      // A job completes once in BullMQ; the check keeps the count exact even if an event came twice.
      if (slot[entry.job.replication] !== undefined) return;
      slot[entry.job.replication] = returnvalue as unknown as ReplicationResult;
      onProgress(++completed, jobs.size);
      if (completed === jobs.size) resolve(rerun);
    });
    events.on('stalled', ({ jobId }) => {
      if (jobs.has(jobId)) rerun++;
    });
    events.on('failed', ({ jobId, failedReason }) => {
      const entry = jobs.get(jobId);
      if (entry) reject(new SweepJobFailed(jobId, `job ${jobId} (${describeSweepJob(entry.job)}) failed on a worker: ${failedReason}`));
    });
  });
  return { ready: events.waitUntilReady().then(() => undefined), done };
}
