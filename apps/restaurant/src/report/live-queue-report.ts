import { buildRunReport, countersBetween, figuresOf, type RunReport, type RunScenario } from '@restaurant/sim';
import { type QueueSnapshot } from '@restaurant/queue';
import { type CookStart } from '@restaurant/service';

/** The error a queue that nobody has used gets: there is nothing to report. */
export class UnknownQueueError extends Error {
  constructor(queueName: string) {
    super(`queue "${queueName}" has no capacity stored in Redis: no cook or customer has used it (check --queue and --redis-url)`);
    this.name = 'UnknownQueueError';
  }
}

/**
 * The report of a live queue from one snapshot of its counters: everything since the queue's
 * first change of length, up to now. `simulate --engine redis` stores its scenario with the
 * queue; for other queues (npm start, docker compose) who is connected is unknown (null).
 */
export function liveQueueReport(snapshot: QueueSnapshot, timeScaleFlag: number | undefined): RunReport {
  const capacity = Number(snapshot.meta.capacity);
  if (!Number.isInteger(capacity) || capacity < 1) throw new UnknownQueueError(snapshot.queueName);
  const stored = storedScenario(snapshot.meta.scenario);
  const timeScale = timeScaleFlag ?? stored?.timeScale ?? 1;
  const counters = countersBetween(undefined, snapshot, timeScale);
  const scenario: RunScenario = {
    producers: stored?.producers ?? null,
    consumers: stored?.consumers ?? null,
    capacity,
    producerPeriodS: stored?.producerPeriodS ?? null,
    consumerMinS: stored?.consumerMinS ?? null,
    consumerMaxS: stored?.consumerMaxS ?? null,
    cookStart: stored?.cookStart ?? null,
    modelHours: counters.modelSeconds / 3600,
    engine: 'redis',
    timeScale,
    seed: stored?.seed ?? null,
    replications: 1,
  };
  return buildRunReport(scenario, [figuresOf(counters, capacity)], {
    events: counters.ready + counters.full + counters.taken + counters.empty,
    wallS: counters.modelSeconds * timeScale,
  });
}

type StoredScenario = Partial<Record<'producers' | 'consumers' | 'producerPeriodS' | 'consumerMinS' | 'consumerMaxS' | 'timeScale' | 'seed', number>> & {
  cookStart?: CookStart;
};

function storedScenario(json: string | undefined): StoredScenario | undefined {
  if (json === undefined) return undefined;
  try {
    const value = JSON.parse(json) as Record<string, unknown>;
    const numbers = Object.entries(value).filter(([, field]) => typeof field === 'number' && Number.isFinite(field));
    const cookStart: { cookStart?: CookStart } =
      value.cookStart === 'together' || value.cookStart === 'staggered' ? { cookStart: value.cookStart } : {};
    return { ...(Object.fromEntries(numbers) as StoredScenario), ...cookStart };
  } catch {
    return undefined;
  }
}
