import { figuresOf, runVirtual, type RunFigures, type RunScenario } from '@restaurant/sim';

/** What the virtual engine expects of a queue's scenario in the long run, beside the live figures. */
export type ModelPrediction =
  | ({ status: 'ok'; modelHours: number; seed: number } & Omit<RunFigures, 'queueLengthTimeShare'>)
  | { status: 'none'; message: string };

/** Enough events for steady figures, few enough to run in a blink on the server's event loop. */
const PREDICTION_EVENTS = 2_000_000;
const MAX_MODEL_HOURS = 1000;

/**
 * Runs the virtual engine once for the scenario stored with a live queue (`npm start` stores
 * it), long enough for the figures to settle. Without a stored scenario there is no prediction.
 */
export function predictScenario(scenario: RunScenario): ModelPrediction {
  const { producers, consumers, producerPeriodS, consumerMinS, consumerMaxS, capacity } = scenario;
  if (producers === null || consumers === null || producerPeriodS === null || consumerMinS === null || consumerMaxS === null) {
    return { status: 'none', message: 'no scenario is stored with this queue (npm start stores one), so there is nothing to predict' };
  }
  const eventsPerSecond = producers / producerPeriodS + (2 * consumers) / (consumerMinS + consumerMaxS);
  const modelSeconds = Math.min(MAX_MODEL_HOURS * 3600, eventsPerSecond > 0 ? PREDICTION_EVENTS / eventsPerSecond : MAX_MODEL_HOURS * 3600);
  const seed = scenario.seed ?? 1;
  try {
    const { counters } = runVirtual({
      producers,
      consumers,
      capacity,
      producerPeriodS,
      consumerMinS,
      consumerMaxS,
      cookStart: scenario.cookStart ?? 'together',
      modelSeconds,
      seed,
    });
    const { perHour, fullFraction, emptyFraction, meanQueueLength, meanWaitS } = figuresOf(counters, capacity);
    return { status: 'ok', modelHours: modelSeconds / 3600, seed, perHour, fullFraction, emptyFraction, meanQueueLength, meanWaitS };
  } catch (error) {
    return { status: 'none', message: `the stored scenario cannot be simulated: ${(error as Error).message}` };
  }
}

/** One prediction per queue and scenario: a queue restarted with another scenario gets a new one. */
export class PredictionCache {
  private readonly byQueue = new Map<string, { key: string; prediction: ModelPrediction }>();

  get(queueName: string, scenario: RunScenario): ModelPrediction {
    // the live run's length and pace are not part of the scenario the model runs
    const key = JSON.stringify({ ...scenario, modelHours: null, timeScale: null });
    const cached = this.byQueue.get(queueName);
    if (cached?.key === key) return cached.prediction;
    const prediction = predictScenario(scenario);
    this.byQueue.set(queueName, { key, prediction });
    return prediction;
  }
}
