import { flagOptions, objectSchema, parseFlagValues, withDefaults, type FlagSpec, type OptionSpecs, type ParsedFlags } from '@restaurant/service';
import { z } from 'zod';
import { checkConsumerWaits, checkLiveProcesses, SCENARIO_OPTIONS, scenarioBase, scenarioGiven } from '../simulate/scenario-flags.js';
import type { ScenarioRun } from '../simulate/scenario-run.js';
import { DEFAULT_REDIS_URL } from '../start/ensure-redis.js';
import { redisTargetOf, type RedisTarget } from '../start/redis-target.js';
import { countListRule, parseCountList } from './count-list.js';
import { DEFAULT_JOB_QUEUE, jobQueueName } from './sweep-job.js';

function countList(min: number, max: number) {
  return z.string().transform((text, context) => {
    const values = parseCountList(text, min, max);
    if (values === undefined) context.addIssue({ code: 'custom', message: countListRule(min, max) });
    return values ?? [];
  });
}

export const SWEEP_OPTIONS = {
  producers: { schema: countList(0, 1000), default: '1..4', describe: 'numbers of cooks: 2, 1,3,5 or 1..4' },
  consumers: { schema: countList(0, 1000), default: '1..8', describe: 'numbers of customers' },
  capacity: { schema: countList(1, 100_000), default: '1,3,5', describe: 'queue capacities' },
  ...SCENARIO_OPTIONS,
  'model-hours': { ...SCENARIO_OPTIONS['model-hours'], defaultText: '100 virtual, 1 redis' },
  replications: { ...SCENARIO_OPTIONS.replications, default: '5', describe: 'runs per cell, for means and 95% confidence intervals' },
  out: { schema: z.string().min(1, { message: 'must name a folder' }), default: 'results', describe: 'folder for results.csv, chart.svg and summary.md' },
  'max-empty': {
    schema: z
      .string()
      .regex(/^(0(\.\d+)?|1(\.0*)?)$/, { message: 'must be a share from 0 to 1, e.g. 0.05' })
      .transform(Number),
    default: '0.05',
    describe: 'the staffing goal: at most this share of visits find no meal',
  },
  'redis-url': { ...SCENARIO_OPTIONS['redis-url'], describe: 'redis engine, and the job queue of --workers bullmq: the Redis to use' },
  'redis-cluster-nodes': {
    ...SCENARIO_OPTIONS['redis-cluster-nodes'],
    describe: 'redis engine and --workers bullmq: host:port,... of a Redis Cluster to use instead (the URL gives user, password, TLS)',
  },
  workers: {
    schema: z.enum(['local', 'bullmq'], { message: 'must be local or bullmq' }),
    default: 'local',
    describe: 'local (every job in this process) or bullmq (each replication a job on a BullMQ queue, run by sweep-worker processes)',
  },
  'job-queue': { schema: jobQueueName, default: DEFAULT_JOB_QUEUE, describe: '--workers bullmq: the BullMQ queue the workers take jobs from' },
} satisfies OptionSpecs;

export const sweepFlags: FlagSpec = { options: flagOptions(SWEEP_OPTIONS) };

const sweepSchema = objectSchema(SWEEP_OPTIONS)
  .superRefine(checkConsumerWaits)
  .superRefine((values, context) =>
    checkLiveProcesses({ engine: values.engine, actors: Math.max(0, ...values.producers) + Math.max(0, ...values.consumers) }, context),
  );

export interface SweepPlan {
  producers: number[];
  consumers: number[];
  capacities: number[];
  /** Everything but the three grid dimensions, which each cell sets. */
  base: Omit<ScenarioRun, 'producers' | 'consumers' | 'capacity'>;
  outDir: string;
  maxEmptyFraction: number;
  redis: RedisTarget;
  workers: 'local' | 'bullmq';
  jobQueue: string;
}

export function planSweep(flags: ParsedFlags, env: Record<string, string | undefined>): SweepPlan {
  const raw = withDefaults(SWEEP_OPTIONS, scenarioGiven(flags.values, env, { virtual: '100', redis: '1' }));
  const values = parseFlagValues(sweepSchema, raw, flags);
  return {
    producers: values.producers,
    consumers: values.consumers,
    capacities: values.capacity,
    base: scenarioBase(values),
    outDir: values.out,
    maxEmptyFraction: values['max-empty'],
    redis: redisTargetOf(values['redis-url'] ?? DEFAULT_REDIS_URL, values['redis-cluster-nodes'], env),
    workers: values.workers,
    jobQueue: values['job-queue'],
  };
}
