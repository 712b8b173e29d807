import { parseFlagValues, settings, type FlagSpec } from '@restaurant/service';
import { z } from 'zod';
import { defineCommand } from '../cli/define-command.js';
import { DEFAULT_REDIS_URL } from '../start/ensure-redis.js';
import { redisTargetOf } from '../start/redis-target.js';
import { jobQueueWhere } from '../sweep/job-queue-connection.js';
import { startSweepWorker } from '../sweep/start-sweep-worker.js';
import { DEFAULT_JOB_QUEUE, jobQueueName } from '../sweep/sweep-job.js';

const sweepWorkerFlags: FlagSpec = {
  options: {
    'redis-url': 'Redis of the job queue, and of redis-engine runs (REDIS_URL, else redis://127.0.0.1:6379)',
    'redis-cluster-nodes': 'host:port,... of a Redis Cluster instead (REDIS_CLUSTER_NODES; the URL gives user, password, TLS)',
    'job-queue': `the BullMQ queue to take jobs from, as the sweep's --job-queue (${DEFAULT_JOB_QUEUE})`,
    concurrency: 'jobs at once; a virtual-engine job keeps one core busy, so 1 per core (1)',
    'lock-ms': "a job's lock in milliseconds; a job whose worker died runs again about this long after (30000)",
    'stalled-check-ms': 'milliseconds between looks for jobs whose worker died (30000)',
  },
};

const sweepWorkerSchema = z.object({
  'redis-url': settings.redisUrl,
  'redis-cluster-nodes': settings.clusterNodes.optional(),
  'job-queue': jobQueueName,
  concurrency: settings.wholeNumber(1, 64),
  'lock-ms': settings.wholeNumber(100, 3_600_000),
  'stalled-check-ms': settings.wholeNumber(100, 3_600_000),
});

export const sweepWorkerCommand = defineCommand({
  summary: 'run the jobs of sweeps started with --workers bullmq, until stopped',
  usage: `Usage: npm run sweep-worker -- [options]

Takes jobs from the BullMQ queue that \`sweep --workers bullmq\` fills (each one replication of
one cell of the grid), runs them and hands each result back. Start as many as you like, on any
machines that reach the Redis; they share the jobs. If a worker dies mid-job, another one runs
that job again once its lock expires. SIGTERM or Ctrl-C finishes the jobs in hand and exits 0.`,
  flags: sweepWorkerFlags,
  plan(flags, io) {
    const raw = {
      'redis-url': io.env.REDIS_URL || DEFAULT_REDIS_URL,
      'redis-cluster-nodes': io.env.REDIS_CLUSTER_NODES || undefined,
      'job-queue': DEFAULT_JOB_QUEUE,
      concurrency: '1',
      'lock-ms': '30000',
      'stalled-check-ms': '30000',
      ...flags.values,
    };
    const values = parseFlagValues(sweepWorkerSchema, raw, flags);
    return { ...values, target: redisTargetOf(values['redis-url'], values['redis-cluster-nodes'], io.env) };
  },
  async execute(plan, io) {
    const redis = plan.target;
    const log = (line: string) => io.stderr.write(`sweep-worker: ${line}\n`);
    const worker = startSweepWorker({
      redis,
      jobQueue: plan['job-queue'],
      concurrency: plan.concurrency,
      lockMs: plan['lock-ms'],
      stalledCheckMs: plan['stalled-check-ms'],
      live: { nodePath: io.execPath, env: io.env },
      log,
    });
    log(`taking jobs from queue ${plan['job-queue']} at ${jobQueueWhere(redis)}. Ctrl-C stops.`);
    await new Promise<void>((resolve) => io.onStopSignal(resolve));
    log('stopping after the jobs in hand');
    await worker.close();
    log(`stopped; ran ${worker.completed()} job(s)`);
    return 0;
  },
});
