import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { runReportJsonSchema, runReportSchema } from './report-schema.js';
import { buildRunReport, figuresOf, type RunScenario } from './run-report.js';
import { studentT975 } from './student-t.js';
import { runVirtual } from './virtual-engine.js';

const SCENARIO: RunScenario = {
  producers: 1,
  consumers: 2,
  capacity: 3,
  producerPeriodS: 3,
  consumerMinS: 3,
  consumerMaxS: 10,
  cookStart: 'together',
  modelHours: 10,
  engine: 'virtual',
  timeScale: null,
  seed: 1,
  replications: 1,
};

function virtualReport(replications: number) {
  const runs = Array.from({ length: replications }, (_, r) =>
    runVirtual({ ...SCENARIO, cookStart: 'together', producers: 1, consumers: 2, producerPeriodS: 3, consumerMinS: 3, consumerMaxS: 10, modelSeconds: 36_000, seed: 1 + r }),
  );
  return buildRunReport(
    SCENARIO,
    runs.map((run) => figuresOf(run.counters, SCENARIO.capacity)),
    { events: runs.reduce((sum, run) => sum + run.events, 0), wallS: runs.reduce((sum, run) => sum + run.wallS, 0) },
  );
}

const validateJson = new Ajv2020({ allErrors: true, strict: false }).compile(runReportJsonSchema());

describe('the run report', () => {
  it('turns counters into rates per model hour, fractions and the time-weighted length', () => {
    const figures = figuresOf(
      { ready: 30, full: 10, taken: 24, empty: 6, secondsAtLength: [1800, 900, 900, 0], waitSeconds: 48, waited: 24, modelSeconds: 3600 },
      3,
    );
    expect(figures).toEqual({
      perHour: { ready: 30, full: 10, taken: 24, empty: 6 },
      fullFraction: 0.25,
      emptyFraction: 0.2,
      meanQueueLength: 0.25 * 1 + 0.25 * 2,
      queueLengthTimeShare: [0.5, 0.25, 0.25, 0],
      meanWaitS: 2,
    });
  });

  it('has the contract\'s keys in order and validates against its schema, as zod and as JSON Schema', () => {
    const report = virtualReport(1);
    expect(Object.keys(report)).toEqual([
      'scenario', 'perHour', 'fullFraction', 'emptyFraction', 'meanQueueLength', 'queueLengthTimeShare', 'meanWaitS', 'ci95', 'engineStats',
    ]);
    expect(report.ci95).toEqual({});
    expect(runReportSchema.safeParse(report).success).toBe(true);
    const json = JSON.parse(JSON.stringify(report)) as unknown;
    expect(validateJson(json), JSON.stringify(validateJson.errors)).toBe(true);
  });

  it('gives means and Student-t 95% half-widths over replications', () => {
    const report = virtualReport(5);
    expect(report.scenario.replications).toBe(5);
    expect(runReportSchema.safeParse(report).success).toBe(true);
    expect(validateJson(JSON.parse(JSON.stringify(report)))).toBe(true);
    expect('perHour' in report.ci95).toBe(true);
    if (!('perHour' in report.ci95)) return;
    expect(report.ci95.emptyFraction).toBeGreaterThan(0);
    expect(report.ci95.perHour.ready).toBeGreaterThan(0);
    expect(report.ci95.queueLengthTimeShare).toHaveLength(4);
  });

  it('computes the half-width by hand for a small sample', () => {
    const figures = [1, 2, 3].map((taken) =>
      figuresOf({ ready: 0, full: 0, taken, empty: 0, secondsAtLength: [3600, 0], waitSeconds: 0, waited: 0, modelSeconds: 3600 }, 1),
    );
    const report = buildRunReport({ ...SCENARIO, capacity: 1 }, figures, { events: 6, wallS: 0 });
    expect(report.perHour.taken).toBe(2);
    // sample sd 1, n 3: t(0.975, 2) / sqrt(3)
    expect('perHour' in report.ci95 && report.ci95.perHour.taken).toBeCloseTo(4.302653 / Math.sqrt(3), 6);
  });

  it('rejects reports that break the contract', () => {
    const report = virtualReport(1);
    expect(runReportSchema.safeParse({ ...report, queueLengthTimeShare: [1, 0] }).success).toBe(false);
    expect(runReportSchema.safeParse({ ...report, extra: 1 }).success).toBe(false);
    expect(runReportSchema.safeParse({ ...report, scenario: { ...report.scenario, replications: 2 } }).success).toBe(false);
    expect(validateJson({ ...report, fullFraction: 2 })).toBe(false);
  });
});

describe('studentT975', () => {
  it('matches the tables for small samples and tends to the normal quantile', () => {
    expect(studentT975(4)).toBeCloseTo(2.776445, 6);
    expect(studentT975(40)).toBeCloseTo(2.021075, 4);
    expect(studentT975(1000)).toBeCloseTo(1.962339, 4);
  });
});
