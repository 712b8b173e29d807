import { runReportSchema, type RunReport } from '@restaurant/sim';
import { useTestRedis } from '@restaurant/testing';
import { describe, expect, it } from 'vitest';
import { simulateCommand } from '../commands/simulate.js';
import { fakeCliIo } from '../testing/fake-cli-io.js';

const redis = useTestRedis();

async function simulate(engineArgs: string[]): Promise<RunReport> {
  const io = fakeCliIo({ REDIS_URL: redis.url });
  const code = await simulateCommand.run(['--producers', '1', '--consumers', '2', '--capacity', '3', '--seed', '1', '--json', ...engineArgs], io);
  expect(code, io.err()).toBe(0);
  const report = JSON.parse(io.out()) as RunReport;
  expect(runReportSchema.safeParse(report).success).toBe(true);
  return report;
}

const within = (actual: number, expected: number, relative: number) => Math.abs(actual - expected) <= relative * expected;

describe('the virtual and the redis engine on the same scenario', () => {
  it('agree on the rates (a short live run of the real services)', { timeout: 40_000 }, async () => {
    const virtual = await simulate(['--engine', 'virtual', '--model-hours', '1000']);
    // 0.75 model hours at time scale 0.005: 13.5 s of wall time
    const live = await simulate(['--engine', 'redis', '--model-hours', '0.75', '--time-scale', '0.005']);
    expect(live.scenario).toMatchObject({ engine: 'redis', timeScale: 0.005, producers: 1, consumers: 2 });
    expect(live.engineStats.wallS).toBeGreaterThan(13);

    // What the actors do is fixed by their timetables: offers and visits per hour within 5%.
    expect(within(live.perHour.ready + live.perHour.full, virtual.perHour.ready + virtual.perHour.full, 0.05)).toBe(true);
    expect(within(live.perHour.taken + live.perHour.empty, virtual.perHour.taken + virtual.perHour.empty, 0.05)).toBe(true);
    // How they meet at the queue; a 45-minute run has only ~80 drops, hence the wider margins.
    expect(within(live.perHour.ready, virtual.perHour.ready, 0.08)).toBe(true);
    expect(within(live.perHour.taken, virtual.perHour.taken, 0.08)).toBe(true);
    expect(Math.abs(live.fullFraction - virtual.fullFraction)).toBeLessThan(0.08);
    expect(Math.abs(live.emptyFraction - virtual.emptyFraction)).toBeLessThan(0.08);
    expect(live.queueLengthTimeShare.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });
});
