import { runReportSchema, runVirtual, type RunReport } from '@restaurant/sim';
import { describe, expect, it } from 'vitest';
import { fakeCliIo } from '../testing/fake-cli-io.js';
import { simulateCommand } from './simulate.js';

async function simulate(args: string[]) {
  const io = fakeCliIo();
  const code = await simulateCommand.run(args, io);
  return { code, out: io.out(), err: io.err() };
}

const ORIGINAL = ['--producers', '1', '--consumers', '2', '--capacity', '3', '--engine', 'virtual'];

describe('simulate --engine virtual', () => {
  it('prints one JSON report that follows the schema and holds the virtual engine\'s counts', async () => {
    const { code, out } = await simulate([...ORIGINAL, '--model-hours', '100', '--seed', '1', '--json']);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(out) as RunReport;
    expect(runReportSchema.safeParse(report).success).toBe(true);
    expect(report.scenario).toEqual({
      producers: 1, consumers: 2, capacity: 3, producerPeriodS: 3, consumerMinS: 3, consumerMaxS: 10, cookStart: 'together',
      modelHours: 100, engine: 'virtual', timeScale: null, seed: 1, replications: 1,
    });
    const direct = runVirtual({ producers: 1, consumers: 2, capacity: 3, producerPeriodS: 3, consumerMinS: 3, consumerMaxS: 10, cookStart: 'together', modelSeconds: 360_000, seed: 1 });
    expect(report.perHour).toEqual({
      ready: direct.counters.ready / 100,
      full: direct.counters.full / 100,
      taken: direct.counters.taken / 100,
      empty: direct.counters.empty / 100,
    });
    expect(report.engineStats.events).toBe(direct.events);
  });

  it('repeats a seeded run exactly and gives confidence intervals over replications', async () => {
    const args = [...ORIGINAL, '--model-hours', '20', '--seed', '7', '--replications', '4', '--json'];
    const first = JSON.parse((await simulate(args)).out) as RunReport;
    const second = JSON.parse((await simulate(args)).out) as RunReport;
    expect({ ...first, engineStats: null }).toEqual({ ...second, engineStats: null });
    expect(first.scenario.replications).toBe(4);
    expect(Object.keys(first.ci95).sort()).toEqual(
      ['emptyFraction', 'fullFraction', 'meanQueueLength', 'meanWaitS', 'perHour', 'queueLengthTimeShare'],
    );
  });

  it('prints a short table without --json', async () => {
    const { code, out } = await simulate([...ORIGINAL, '--model-hours', '10', '--seed', '1']);
    expect(code).toBe(0);
    expect(out).toMatch(/^1 cook every 3 s, 2 customers every 3-10 s, capacity 3, 10 model hours, virtual engine, seed 1, 1 replication/);
    expect(out).toMatch(/meals dropped \(full\) \/ h +\d+\.\d/);
    expect(out).toMatch(/empty fraction +\d+\.\d\d%/);
    expect(out).toMatch(/time at length +0: [\d.]+% +1: [\d.]+% +2: [\d.]+% +3: [\d.]+%/);
  });

  it('lists every bad value at once and exits 2', async () => {
    const { code, out, err } = await simulate(['--capacity', '0', '--producers', '-1', '--engine', 'warp', '--frobnicate', '1']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('--capacity="0": must be a whole number from 1 to 100000');
    expect(err).toContain('--producers="-1": must be a whole number from 0 to 1000');
    expect(err).toContain('--engine="warp": must be virtual or redis');
    expect(err).toContain('--frobnicate="1": unknown option');
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('refuses a shortest customer wait above the longest, and a customer who never waits', async () => {
    const slower = await simulate(['--consumer-min', '11']);
    expect(slower.code).toBe(2);
    expect(slower.err).toContain('--consumer-min="11": must not be greater than --consumer-max (10)');
    const restless = await simulate(['--consumer-min', '0', '--consumer-max', '0']);
    expect(restless.code).toBe(2);
    expect(restless.err).toContain('--consumer-max="0": must be a whole number from 1 to 86400');
  });

  it('explains itself with --help', async () => {
    const { code, out } = await simulate(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('--engine <value>');
    expect(out).toContain('--model-hours <value>');
  });
});
