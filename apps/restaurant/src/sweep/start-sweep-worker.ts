import { UnrecoverableError, Worker } from 'bullmq';
import { closeRedis } from '@restaurant/queue';
import type { ReplicationResult } from '../simulate/combine-replications.js';
import { runReplication, type LiveRunContext } from '../simulate/run-replication.js';
import type { RedisTarget } from '../start/redis-target.js';
import { connectJobQueue } from './job-queue-connection.js';
import { readSweepJob, SWEEP_JOB_PREFIX } from './sweep-job.js';

export interface SweepWorkerOptions {
  redis: RedisTarget;
  jobQueue: string;
  /** Jobs run at once. A virtual-engine job holds the CPU, so more than 1 helps the redis engine only. */
  concurrency: number;
  /** How long a job's lock lasts without renewal: a killed worker's job runs again after about this. */
  lockMs: number;
  /** How often this worker looks for jobs whose worker stopped renewing the lock. */
  stalledCheckMs: number;
  /** For redis-engine jobs: how this worker starts the cook and customer processes. */
  live: Omit<LiveRunContext, 'redis'>;
  log: (line: string) => void;
}

export interface SweepWorker {
  /** Finishes the jobs in hand, takes no more, closes Redis. Safe to call twice. */
  close(): Promise<void>;
  completed(): number;
}

/** A BullMQ worker that runs sweep jobs: each one replication, its result the job's return value. */
export function startSweepWorker(options: SweepWorkerOptions): SweepWorker {
  const connection = connectJobQueue(options.redis, 'sweep-worker', options.log);
  let completed = 0;
  const worker = new Worker<unknown, ReplicationResult>(
    options.jobQueue,
    async (job) => {
      let sweepJob;
      try {
        sweepJob = readSweepJob(job.data);
      } catch (error) {
        // Running it again would fail again: straight to the failed set, with the reason.
        throw new UnrecoverableError((error as Error).message);
      }
      return runReplication(sweepJob.scenario, sweepJob.replication, { ...options.live, redis: options.redis });
    },
    {
      connection,
      prefix: SWEEP_JOB_PREFIX,
      concurrency: options.concurrency,
      lockDuration: options.lockMs,
      stalledInterval: options.stalledCheckMs,
    },
  );
  worker.on('completed', () => completed++);
  worker.on('failed', (job, error) => options.log(`job ${job?.id ?? '?'} failed: ${error.message}`));
  // The patient connection retries and says so through `log`; the error events add nothing.
  worker.on('error', () => undefined);
  let closing: Promise<void> | undefined;
  return {
    close: () =>
      (closing ??= (async () => {
        await worker.close();
        await closeRedis(connection);
      })()),
    completed: () => completed,
  };
}
