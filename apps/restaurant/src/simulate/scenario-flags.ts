import { settings } from '@restaurant/service';
import { z } from 'zod';
import type { ScenarioRun } from './scenario-run.js';

/** Flags every scenario-running command shares (simulate, sweep), with their help text. */
export const SCENARIO_FLAG_HELP = {
  'producer-period': 'model seconds between a cook\'s meals (3)',
  'consumer-min': 'fewest whole model seconds between a customer\'s visits (3)',
  'consumer-max': 'most whole model seconds between a customer\'s visits (10)',
  'cook-start': 'together (every cook at 0, period, ...: the original model) or staggered (cooks take turns) (together)',
  'model-hours': 'model hours per replication',
  engine: 'virtual (in-process discrete-event model) or redis (real processes on a fresh queue) (virtual)',
  seed: 'seed of the random numbers; replication r uses seed + r (random, printed in the report)',
  replications: 'independent runs per scenario, for means and 95% confidence intervals',
  'time-scale': 'redis engine: wall seconds per model second (0.005)',
  'redis-url': 'redis engine: Redis to use (REDIS_URL, else redis://127.0.0.1:6379; started here if none answers)',
} as const;

export const SCENARIO_DEFAULTS = {
  'producer-period': '3',
  'consumer-min': '3',
  'consumer-max': '10',
  'cook-start': 'together',
  engine: 'virtual',
  'time-scale': '0.005',
} as const;

/** The zod shape of the shared flags; every value arrives as a string. */
export const scenarioFlagShape = {
  'producer-period': settings.positiveNumber('the period'),
  'consumer-min': settings.wholeNumber(0, 86_400),
  'consumer-max': settings.wholeNumber(1, 86_400),
  'cook-start': settings.cookStart,
  'model-hours': settings.positiveNumber('the model duration in hours'),
  engine: z.enum(['virtual', 'redis'], { message: 'must be virtual or redis' }),
  seed: settings.wholeNumber(0, 2 ** 32 - 1),
  replications: settings.wholeNumber(1, 1000),
  'time-scale': settings.positiveNumber('the time scale'),
  'redis-url': settings.redisUrl.optional(),
};

type ScenarioFlagValues = z.output<z.ZodObject<typeof scenarioFlagShape>>;

/** The shared flags' values as the part of a scenario that is not the grid (who and how many). */
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

/** A fresh random seed, for runs the user did not seed; the report prints it so they can repeat it. */
export function randomSeed(): string {
  return String(Math.floor(Math.random() * 2 ** 32));
}
