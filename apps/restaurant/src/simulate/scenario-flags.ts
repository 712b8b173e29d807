import { settings, type OptionSpecs } from '@restaurant/service';
import { z } from 'zod';
import type { ScenarioRun } from './scenario-run.js';

/**
 * The options every scenario-running command shares (simulate, sweep), declared once. A command
 * may give one another default (model hours, replications) by spreading it with its own.
 */
export const SCENARIO_OPTIONS = {
  'producer-period': { schema: settings.positiveNumber('the period'), default: '3', describe: "model seconds between a cook's meals" },
  'consumer-min': { schema: settings.wholeNumber(0, 86_400), default: '3', describe: "fewest whole model seconds between a customer's visits" },
  'consumer-max': { schema: settings.wholeNumber(1, 86_400), default: '10', describe: "most whole model seconds between a customer's visits" },
  'cook-start': {
    schema: settings.cookStart,
    default: 'together',
    describe: 'together (every cook at 0, period, ...: the original model) or staggered (cooks take turns)',
  },
  'model-hours': { schema: settings.positiveNumber('the model duration in hours'), describe: 'model hours per replication' },
  engine: {
    schema: z.enum(['virtual', 'redis'], { message: 'must be virtual or redis' }),
    default: 'virtual',
    describe: 'virtual (in-process discrete-event model) or redis (real processes on a fresh queue)',
  },
  seed: {
    schema: settings.wholeNumber(0, 2 ** 32 - 1),
    defaultText: 'random, printed in the report',
    describe: 'seed of the random numbers; replication r uses seed + r',
  },
  replications: { schema: settings.wholeNumber(1, 1000), describe: 'independent runs per scenario, for means and 95% confidence intervals' },
  'time-scale': { schema: settings.positiveNumber('the time scale'), default: '0.005', describe: 'redis engine: wall seconds per model second' },
  'redis-url': {
    schema: settings.redisUrl.optional(),
    defaultText: 'REDIS_URL, else redis://127.0.0.1:6379; started here if none answers',
    describe: 'redis engine: the Redis to use',
  },
  'redis-cluster-nodes': {
    schema: settings.clusterNodes.optional(),
    defaultText: 'REDIS_CLUSTER_NODES, else none',
    describe: 'redis engine: host:port,... of a Redis Cluster to use instead (the URL gives user, password, TLS)',
  },
} satisfies OptionSpecs;

/** The given flags over what a command computes for the options whose default depends on the run. */
export function scenarioGiven(flags: Record<string, string>, env: Record<string, string | undefined>, modelHours: { virtual: string; redis: string }) {
  return {
    'model-hours': flags.engine === 'redis' ? modelHours.redis : modelHours.virtual,
    seed: randomSeed(),
    'redis-url': env.REDIS_URL || undefined,
    'redis-cluster-nodes': env.REDIS_CLUSTER_NODES || undefined,
    ...flags,
  };
}

type ScenarioFlagValues = {
  'producer-period': number;
  'consumer-min': number;
  'consumer-max': number;
  'cook-start': ScenarioRun['cookStart'];
  'model-hours': number;
  engine: ScenarioRun['engine'];
  seed: number;
  replications: number;
  'time-scale': number;
};

/** The shared options' values as the part of a scenario that is not the grid (who and how many). */
export function scenarioBase(values: ScenarioFlagValues): Omit<ScenarioRun, 'producers' | 'consumers' | 'capacity'> {
  return {
    producerPeriodS: values['producer-period'],
    consumerMinS: values['consumer-min'],
    consumerMaxS: values['consumer-max'],
    cookStart: values['cook-start'],
    modelHours: values['model-hours'],
    engine: values.engine,
    timeScale: values['time-scale'],
    seed: values.seed,
    replications: values.replications,
  };
}

/** A customer's shortest wait may not exceed the longest; added to each command's schema. */
export function checkConsumerWaits(values: { 'consumer-min': number; 'consumer-max': number }, context: z.RefinementCtx): void {
  if (values['consumer-min'] > values['consumer-max']) {
    context.addIssue({
      code: 'custom',
      path: ['consumer-min'],
      message: `must not be greater than --consumer-max (${values['consumer-max']})`,
    });
  }
}

/** More processes than this would measure the machine, not the restaurant. */
export const MAX_LIVE_PROCESSES = 64;

/** The redis engine runs one process per actor; added to each command's schema. */
export function checkLiveProcesses(most: { engine: string; actors: number }, context: z.RefinementCtx): void {
  if (most.engine === 'redis' && most.actors > MAX_LIVE_PROCESSES) {
    context.addIssue({
      code: 'custom',
      path: ['producers'],
      message: `the redis engine runs one process per actor: at most ${MAX_LIVE_PROCESSES} cooks and customers together`,
    });
  }
}

/** A fresh random seed, for runs the user did not seed; the report prints it so they can repeat it. */
export function randomSeed(): string {
  return String(Math.floor(Math.random() * 2 ** 32));
}
