import { z } from 'zod';
import type { ScenarioRun } from '../simulate/scenario-run.js';

/**
 * Every key of the sweep's BullMQ queues starts with this hash tag, so that on a Redis Cluster
 * all keys of one queue are in one slot, as BullMQ's scripts need.
 */
export const SWEEP_JOB_PREFIX = '{sweep}';
export const DEFAULT_JOB_QUEUE = 'sweep';
/** BullMQ refuses `:` in a queue name; the rest mirrors the food queues' names. */
export const jobQueueName = z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, { message: 'must be 1-100 letters, digits or _ . -' });

/** One job of a sweep over workers: one replication of one cell. */
export interface SweepJob {
  scenario: ScenarioRun;
  replication: number;
}

const count = z.number().int().nonnegative();
const positive = z.number().positive();

const sweepJobSchema = z.strictObject({
  scenario: z.strictObject({
    producers: count,
    consumers: count,
    capacity: count.min(1),
    producerPeriodS: positive,
    consumerMinS: count,
    consumerMaxS: count,
    cookStart: z.enum(['together', 'staggered']),
    modelHours: positive,
    engine: z.enum(['virtual', 'redis']),
    timeScale: positive,
    seed: count.max(2 ** 32 - 1),
    replications: count.min(1),
  }),
  replication: count,
});

/**
 * A job's data as a SweepJob, or an Error saying what is wrong with it: a job written by another
 * version, or by hand, fails with that reason instead of running something else.
 */
export function readSweepJob(data: unknown): SweepJob {
  const parsed = sweepJobSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'data'}: ${issue.message}`);
    throw new Error(`not a sweep job: ${problems.join('; ')}`);
  }
  if (parsed.data.replication >= parsed.data.scenario.replications) {
    throw new Error(`not a sweep job: replication ${parsed.data.replication} of ${parsed.data.scenario.replications}`);
  }
  return parsed.data;
}

/** The one line that names a job for a person: which cell and which replication. */
export function describeSweepJob({ scenario, replication }: SweepJob): string {
  return `capacity ${scenario.capacity}, ${scenario.producers} cooks, ${scenario.consumers} customers, replication ${replication + 1} of ${scenario.replications}`;
}
