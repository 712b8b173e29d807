import { ConfigError } from '@restaurant/service';
import { describe, expect, it } from 'vitest';
import { parseBenchOptions } from './bench-options.js';
import { benchPlan } from './bench-plan.js';

const problemsOf = (args: string[]): string[] => {
  try {
    parseBenchOptions(args);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.name}=${String(p.value)}: ${p.allowed}`);
    throw error;
  }
  return [];
};

describe('bench options', () => {
  it('defaults to the whole run', () => {
    expect(parseBenchOptions([])).toEqual({ quick: false, json: false, diagnostics: false, help: false, only: null, items: null });
  });

  it('reads --only and --items with a space or an equals sign, and the switches', () => {
    expect(parseBenchOptions(['--only', 'batched,ceiling,batched', '--items=500000', '--json', '--diagnostics'])).toEqual({
      quick: false,
      json: true,
      diagnostics: true,
      help: false,
      only: ['batched', 'ceiling'],
      items: 500_000,
    });
  });

  it('lists every problem at once', () => {
    expect(problemsOf(['--only', 'batched,fast', '--items', '1e6', '--rounds', '3'])).toEqual([
      '--rounds=3: unknown option; see --help',
      '--only=batched,fast: must be parts of: unbatched, batched, metrics, bullmq, ceiling, comma-separated',
      '--items=1e6: must be a whole number from 1 to 100000000',
    ]);
  });

  it('refuses a flag without its value', () => {
    expect(problemsOf(['--only', '--json'])).toEqual(['--only=undefined: needs a value']);
    expect(problemsOf(['--items', '0'])).toEqual(['--items=0: must be a whole number from 1 to 100000000']);
  });
});

describe('the bench plan', () => {
  const labels = (only: Parameters<typeof benchPlan>[0]['only'], quick = false) => {
    const plan = benchPlan({ quick, only, items: null });
    return {
      rows: plan.scenarios.map((s) => `${s.system} ${s.mode}${s.metrics ? '+metrics' : ''} ${s.producers}/${s.consumers} ${s.batch}`),
      ceilings: plan.ceilings.map((c) => c.depth),
    };
  };

  it('runs every part by default, metrics off and on alternating at 1/1', () => {
    const full = labels(null);
    expect(full.rows).toHaveLength(19);
    expect(full.rows.slice(0, 4)).toEqual(['ours unbatched 1/1 1', 'ours unbatched+metrics 1/1 1', 'ours unbatched 1/1 1', 'ours unbatched+metrics 1/1 1']);
    expect(full.ceilings).toEqual([1, 10, 100]);
  });

  it('keeps only the parts asked for', () => {
    expect(labels(['batched'])).toEqual({
      rows: ['ours batched 1/1 10', 'ours batched 2/4 10', 'ours batched 1/1 100', 'ours batched 2/4 100'],
      ceilings: [],
    });
    expect(labels(['unbatched']).rows).toEqual(['ours unbatched 1/1 1', 'ours unbatched 2/4 1', 'ours unbatched 8/8 1']);
    expect(labels(['metrics']).rows).toHaveLength(6);
    expect(labels(['bullmq']).rows.every((row) => row.startsWith('bullmq '))).toBe(true);
  });

  it('gives every row the items asked for, ten times as many to our batches of 100, and warms up on a tenth', () => {
    const plan = benchPlan({ quick: false, only: null, items: 1234 });
    for (const s of plan.scenarios) {
      expect(s.items).toBe(s.system === 'ours' && s.batch === 100 ? 12_340 : 1234);
      expect(s.warmupItems).toBe(Math.floor(s.items / 10));
    }
    expect(new Set(benchPlan({ quick: true, only: ['unbatched'], items: null }).scenarios.map((s) => s.items))).toEqual(new Set([20_000]));
  });
});
