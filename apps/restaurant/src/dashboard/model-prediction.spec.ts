import type { RunScenario } from '@restaurant/sim';
import { describe, expect, it } from 'vitest';
import { PredictionCache, predictScenario } from './model-prediction.js';

const original: RunScenario = {
  producers: 1,
  consumers: 2,
  capacity: 3,
  producerPeriodS: 3,
  consumerMinS: 3,
  consumerMaxS: 10,
  cookStart: 'together',
  modelHours: 0.5,
  engine: 'redis',
  timeScale: 0.01,
  seed: 4,
  replications: 1,
};

describe('the model\'s prediction for a live queue', () => {
  it('runs the stored scenario long enough to settle: one cook offers 1200 meals a model hour', () => {
    const prediction = predictScenario(original);
    if (prediction.status !== 'ok') throw new Error(prediction.message);
    expect(prediction.modelHours).toBeGreaterThan(500);
    expect(prediction.seed).toBe(4);
    expect(prediction.perHour.ready + prediction.perHour.full).toBeCloseTo(1200, 0);
    // two customers visit every 6.5 s on average: about 1108 visits an hour
    expect(prediction.perHour.taken + prediction.perHour.empty).toBeGreaterThan(1090);
    expect(prediction.perHour.taken + prediction.perHour.empty).toBeLessThan(1125);
    expect(prediction.meanQueueLength).toBeGreaterThan(0);
    expect(prediction.meanQueueLength).toBeLessThan(3);
  });

  it('says there is none when the queue has no stored scenario', () => {
    const prediction = predictScenario({ ...original, producers: null, consumers: null, producerPeriodS: null, consumerMinS: null, consumerMaxS: null });
    expect(prediction).toEqual({ status: 'none', message: expect.stringContaining('no scenario is stored') });
  });

  it('is run once per queue and scenario, and again when the queue gets another scenario', () => {
    const cache = new PredictionCache();
    const first = cache.get('kitchen', original);
    expect(cache.get('kitchen', { ...original, modelHours: 2 })).toBe(first); // the live run went on
    const busier = cache.get('kitchen', { ...original, producers: 2 });
    expect(busier).not.toBe(first);
    expect(busier.status === 'ok' && busier.perHour.ready + busier.perHour.full).toBeCloseTo(2400, 0);
  });
});
