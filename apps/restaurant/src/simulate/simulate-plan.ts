import { flagOptions, objectSchema, parseFlagValues, settings, withDefaults, type FlagSpec, type OptionSpecs, type ParsedFlags } from '@restaurant/service';
import { checkConsumerWaits, checkLiveProcesses, SCENARIO_OPTIONS, scenarioBase, scenarioGiven } from './scenario-flags.js';
import { DEFAULT_REDIS_URL } from '../start/ensure-redis.js';
import { redisTargetOf, type RedisTarget } from '../start/redis-target.js';
import type { ScenarioRun } from './scenario-run.js';

export const SIMULATE_OPTIONS = {
  producers: { schema: settings.wholeNumber(0, 1000), default: '1', describe: 'number of cooks' },
  consumers: { schema: settings.wholeNumber(0, 1000), default: '2', describe: 'number of customers' },
  capacity: { schema: settings.wholeNumber(1, 100_000), default: '3', describe: 'queue capacity' },
  ...SCENARIO_OPTIONS,
  'model-hours': { ...SCENARIO_OPTIONS['model-hours'], defaultText: '1000 virtual, 1 redis' },
  replications: { ...SCENARIO_OPTIONS.replications, default: '1' },
} satisfies OptionSpecs;

export const simulateFlags: FlagSpec = {
  options: flagOptions(SIMULATE_OPTIONS),
  switches: { json: 'print the report as one JSON object' },
};

const simulateSchema = objectSchema(SIMULATE_OPTIONS)
  .superRefine(checkConsumerWaits)
  .superRefine((values, context) => checkLiveProcesses({ engine: values.engine, actors: values.producers + values.consumers }, context));

export interface SimulatePlan {
  scenario: ScenarioRun;
  redis: RedisTarget;
  json: boolean;
}

/** Flags to a scenario, with every problem (unknown flags included) in one ConfigError. */
export function planSimulation(flags: ParsedFlags, env: Record<string, string | undefined>): SimulatePlan {
  const raw = withDefaults(SIMULATE_OPTIONS, scenarioGiven(flags.values, env, { virtual: '1000', redis: '1' }));
  const values = parseFlagValues(simulateSchema, raw, flags);
  return {
    scenario: { producers: values.producers, consumers: values.consumers, capacity: values.capacity, ...scenarioBase(values) },
    redis: redisTargetOf(values['redis-url'] ?? DEFAULT_REDIS_URL, values['redis-cluster-nodes'], env),
    json: flags.switches.has('json'),
  };
}
