import { settings, parseFlagValues, type FlagSpec, type ParsedFlags } from '@restaurant/service';
import { z } from 'zod';
import { checkConsumerWaits, randomSeed, SCENARIO_DEFAULTS, SCENARIO_FLAG_HELP, scenarioBase, scenarioFlagShape } from './scenario-flags.js';
import type { ScenarioRun } from './scenario-run.js';

export const simulateFlags: FlagSpec = {
  options: {
    producers: 'number of cooks (1)',
    consumers: 'number of customers (2)',
    capacity: 'queue capacity (3)',
    ...SCENARIO_FLAG_HELP,
    'model-hours': 'model hours per replication (1000 virtual, 1 redis)',
    replications: 'independent runs, for means and 95% confidence intervals (1)',
  },
  switches: { json: 'print the report as one JSON object' },
};

/** More processes than this would measure the machine, not the restaurant. */
export const MAX_LIVE_PROCESSES = 64;

const simulateSchema = z
  .object({
    producers: settings.wholeNumber(0, 1000),
    consumers: settings.wholeNumber(0, 1000),
    capacity: settings.wholeNumber(1, 100_000),
    ...scenarioFlagShape,
  })
  .superRefine(checkConsumerWaits)
  .superRefine((values, context) => {
    if (values.engine === 'redis' && values.producers + values.consumers > MAX_LIVE_PROCESSES) {
      context.addIssue({
        code: 'custom',
        path: ['producers'],
        message: `the redis engine runs one process per actor: at most ${MAX_LIVE_PROCESSES} cooks and customers together`,
      });
    }
  });

export interface SimulatePlan {
  scenario: ScenarioRun;
  redisUrl: string | undefined;
  json: boolean;
}

/** Flags to a scenario, with every problem (unknown flags included) in one ConfigError. */
export function planSimulation(flags: ParsedFlags, env: Record<string, string | undefined>): SimulatePlan {
  const raw = {
    producers: '1',
    consumers: '2',
    capacity: '3',
    ...SCENARIO_DEFAULTS,
    'model-hours': flags.values.engine === 'redis' ? '1' : '1000',
    replications: '1',
    seed: randomSeed(),
    'redis-url': env.REDIS_URL || undefined,
    ...flags.values,
  };
  const values = parseFlagValues(simulateSchema, raw, flags);
  return {
    scenario: { producers: values.producers, consumers: values.consumers, capacity: values.capacity, ...scenarioBase(values) },
    redisUrl: values['redis-url'],
    json: flags.switches.has('json'),
  };
}
