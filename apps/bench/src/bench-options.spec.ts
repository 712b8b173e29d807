import { describe, expect, it } from 'vitest';
import { BENCH_PARTS, parseBenchOptions } from './bench-options.js';
import { benchPlan } from './bench-plan.js';

describe('bench options', () => {
  it('defaults to the whole run', () => {
    expect(parseBenchOptions([])).toEqual({ ok: true, options: { quick: false, json: false, help: false, only: null, items: null, rounds: 1 } });
  });

  it('reads --only and --items with a space or an equals sign', () => {
    const parsed = parseBenchOptions(['--only', 'batched,ceiling', '--items=500000', '--json']);
    expect(parsed).toEqual({ ok: true, options: { quick: false, json: true, help: false, only: ['batched', 'ceiling'], items: 500_000, rounds: 1 } });
    expect(parseBenchOptions(['--only=memory', '--items', '10'])).toMatchObject({ ok: true, options: { only: ['memory'], items: 10 } });
    expect(parseBenchOptions(['--rounds', '3'])).toMatchObject({ ok: true, options: { rounds: 3 } });
    expect(parseBenchOptions(['--rounds=51'])).toMatchObject({ ok: false });
  });

  it('lists every problem at once', () => {
    const parsed = parseBenchOptions(['--only', 'batched,fast', '--items', '1e6', '--rounds', '0', '--turbo']);
    expect(parsed).toEqual({
      ok: false,
      problems: [
        `--only has unknown parts "fast" (choose from: ${BENCH_PARTS.join(', ')})`,
        '--items="1e6": must be a whole number from 1 to 100000000',
        '--rounds="0": must be a whole number from 1 to 50',
        'unknown option "--turbo" (allowed: --quick, --json, --only, --items, --rounds, --help)',
      ],
    });
  });

  it('refuses a flag without its value', () => {
    expect(parseBenchOptions(['--only', '--json'])).toMatchObject({ ok: false, problems: [expect.stringMatching(/^--only needs a value/)] });
    expect(parseBenchOptions(['--items'])).toMatchObject({ ok: false, problems: [expect.stringMatching(/^--items="": must be/)] });
    expect(parseBenchOptions(['--items', '0'])).toMatchObject({ ok: false });
  });
});

describe('the bench plan', () => {
  const labels = (only: Parameters<typeof benchPlan>[0]['only'], quick = false) => {
    const plan = benchPlan({ quick, only, items: null });
    return {
      rows: plan.scenarios.map((s) => `${s.system} ${s.mode} ${s.producers}/${s.consumers} ${s.batch}`),
      ceilings: plan.ceilings.map((c) => c.depth),
      memory: plan.memory !== null,
    };
  };

  it('runs every part by default, the memory check only in a full run', () => {
    const full = labels(null);
    expect(full.rows).toHaveLength(18);
    expect(full.ceilings).toEqual([1, 10, 100]);
    expect(full.memory).toBe(true);
    expect(labels(null, true).memory).toBe(false);
  });

  it('keeps only the parts asked for', () => {
    expect(labels(['batched', 'ceiling'])).toEqual({
      rows: ['ours batched 1/1 10', 'ours batched 2/4 10', 'ours batched 1/1 100', 'ours batched 2/4 100'],
      ceilings: [1, 10, 100],
      memory: false,
    });
    const bullmq = labels(['bullmq']);
    expect(bullmq.rows.every((row) => row.startsWith('bullmq '))).toBe(true);
    expect(bullmq.rows).toHaveLength(7);
    expect(labels(['memory'])).toEqual({ rows: [], ceilings: [], memory: true });
  });

  it('uses --items for every row but the memory check', () => {
    const plan = benchPlan({ quick: false, only: null, items: 1234 });
    expect(new Set(plan.scenarios.map((s) => s.items))).toEqual(new Set([1234]));
    expect(plan.memory?.scenario.items).toBe(1_000_000);
  });

  it('warms every row up on its first tenth of items, the memory check too', () => {
    const plan = benchPlan({ quick: false, only: null, items: 1234 });
    expect(new Set(plan.scenarios.map((s) => s.warmupItems))).toEqual(new Set([123]));
    expect(plan.memory?.scenario.warmupItems).toBe(100_000);
  });
});
