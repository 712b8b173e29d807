import { parseFlagValues, type FlagSpec, type ParsedFlags } from '@restaurant/service';
import { z } from 'zod';
import { checkConsumerWaits, randomSeed, SCENARIO_DEFAULTS, SCENARIO_FLAG_HELP, scenarioBase, scenarioFlagShape } from '../simulate/scenario-flags.js';
import { MAX_LIVE_PROCESSES } from '../simulate/simulate-plan.js';
import type { ScenarioRun } from '../simulate/scenario-run.js';
import { countListRule, parseCountList } from './count-list.js';

export const sweepFlags: FlagSpec = {
  options: {
    producers: 'numbers of cooks: 2, 1,3,5 or 1..4 (1..4)',
    consumers: 'numbers of customers (1..8)',
    capacity: 'queue capacities (1,3,5)',
    ...SCENARIO_FLAG_HELP,
    'model-hours': 'model hours per replication (100 virtual, 1 redis)',
    replications: 'runs per cell, for means and 95% confidence intervals (5)',
    out: 'folder for results.csv, chart.svg and summary.md (results)',
    'max-empty': 'the staffing goal: at most this share of visits find no meal (0.05)',
  },
};

function countList(min: number, max: number) {
  return z.string().transform((text, context) => {
    const values = parseCountList(text, min, max);
    if (values === undefined) context.addIssue({ code: 'custom', message: countListRule(min, max) });
    return values ?? [];
  });
}

const sweepSchema = z
  .object({
    producers: countList(0, 1000),
    consumers: countList(0, 1000),
    capacity: countList(1, 100_000),
    ...scenarioFlagShape,
    out: z.string().min(1, { message: 'must name a folder' }),
    'max-empty': z
      .string()
      .regex(/^(0(\.\d+)?|1(\.0*)?)$/, { message: 'must be a share from 0 to 1, e.g. 0.05' })
      .transform(Number),
  })
  .superRefine(checkConsumerWaits)
  .superRefine((values, context) => {
    const most = Math.max(0, ...values.producers) + Math.max(0, ...values.consumers);
    if (values.engine === 'redis' && most > MAX_LIVE_PROCESSES) {
      context.addIssue({
        code: 'custom',
        path: ['producers'],
        message: `the redis engine runs one process per actor: at most ${MAX_LIVE_PROCESSES} cooks and customers together`,
      });
    }
  });

export interface SweepPlan {
  producers: number[];
  consumers: number[];
  capacities: number[];
  /** Everything but the three grid dimensions, which each cell sets. */
  base: Omit<ScenarioRun, 'producers' | 'consumers' | 'capacity'>;
  outDir: string;
  maxEmptyFraction: number;
  redisUrl: string | undefined;
}

export function planSweep(flags: ParsedFlags, env: Record<string, string | undefined>): SweepPlan {
  const raw = {
    producers: '1..4',
    consumers: '1..8',
    capacity: '1,3,5',
    ...SCENARIO_DEFAULTS,
    'model-hours': flags.values.engine === 'redis' ? '1' : '100',
    replications: '5',
    seed: randomSeed(),
    out: 'results',
    'max-empty': '0.05',
    'redis-url': env.REDIS_URL || undefined,
    ...flags.values,
  };
  const values = parseFlagValues(sweepSchema, raw, flags);
  return {
    producers: values.producers,
    consumers: values.consumers,
    capacities: values.capacity,
    base: scenarioBase(values),
    outDir: values.out,
    maxEmptyFraction: values['max-empty'],
    redisUrl: values['redis-url'],
  };
}
