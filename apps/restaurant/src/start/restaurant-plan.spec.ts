import { ConfigError, parseFlags } from '@restaurant/service';
import { describe, expect, it } from 'vitest';
import { planRestaurant, startFlags } from './restaurant-plan.js';

const plan = (args: string[], env: Record<string, string> = {}) => planRestaurant(parseFlags(args, startFlags), env, 7);

function problemsOf(args: string[], env: Record<string, string>): string[] {
  try {
    plan(args, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((problem) => `${problem.name}=${String(problem.value)}`);
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('planRestaurant', () => {
  it('takes a service setting from its flag, else from the environment, so the launcher prepares the queue the services use', () => {
    expect(plan([], { QUEUE_NAME: 'diner' }).service.queueName).toBe('diner');
    expect(plan(['--queue', 'bistro'], { QUEUE_NAME: 'diner' }).service.queueName).toBe('bistro');
    expect(plan([], {}).service.queueName).toBe('kitchen');
    expect(plan([], { SEED: '12' }).serviceEnv.SEED).toBe('12');
    expect(plan([]).serviceEnv.SEED).toBe('7');
  });

  it('names a bad value after where it came from', () => {
    expect(problemsOf(['--capacity', '0'], {})).toEqual(['--capacity=0']);
    expect(problemsOf([], { QUEUE_CAPACITY: '0' })).toEqual(['QUEUE_CAPACITY=0']);
  });
});
