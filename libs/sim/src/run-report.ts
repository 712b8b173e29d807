import type { QueueCounters } from './queue-counters.js';
import type { CookStart } from '@restaurant/service';
import { ci95HalfWidth } from './student-t.js';

export type EngineName = 'virtual' | 'redis';

/** What was run. Fields a live queue cannot know (who is connected, their seed) are null. */
export interface RunScenario {
  producers: number | null;
  consumers: number | null;
  capacity: number;
  producerPeriodS: number | null;
  consumerMinS: number | null;
  consumerMaxS: number | null;
  cookStart: CookStart | null;
  modelHours: number;
  engine: EngineName;
  /** Wall seconds per model second of a live run; null for the virtual engine. */
  timeScale: number | null;
  seed: number | null;
  replications: number;
}

/** The figures of a run; with replications, each is the mean over them. */
export interface RunFigures {
  perHour: { ready: number; full: number; taken: number; empty: number };
  /** full / (ready + full): the share of meals dropped. */
  fullFraction: number;
  /** empty / (taken + empty): the share of visits that found no meal. */
  emptyFraction: number;
  /** Time-weighted over the run. */
  meanQueueLength: number;
  /** Share of time at length 0..capacity. */
  queueLengthTimeShare: number[];
  /** Model seconds a taken meal waited on the queue. */
  meanWaitS: number;
}

export interface EngineStats {
  /** Cook and customer actions (the virtual engine's events; the counted operations in Redis). */
  events: number;
  wallS: number;
}

/** The report: names are a contract, other tools read them. */
export interface RunReport extends RunFigures {
  scenario: RunScenario;
  /** Half-widths of the 95% confidence intervals, same keys; empty for a single replication. */
  ci95: RunFigures | Record<string, never>;
  engineStats: EngineStats;
}

const SECONDS_PER_HOUR = 3600;

/**
 * The figures of one replication. A ratio with nothing to divide (no cook, no customer, no meal
 * taken) is 0; a span in which the queue never changed counts as time at length 0.
 */
export function figuresOf(counters: QueueCounters, capacity: number): RunFigures {
  const hours = counters.modelSeconds / SECONDS_PER_HOUR;
  const perHour = (count: number): number => (hours > 0 ? count / hours : 0);
  const atLength = Array.from({ length: capacity + 1 }, (_, length) => counters.secondsAtLength[length] ?? 0);
  const observed = atLength.reduce((sum, seconds) => sum + seconds, 0);
  const queueLengthTimeShare = observed > 0 ? atLength.map((seconds) => seconds / observed) : atLength.map((_, i) => (i === 0 ? 1 : 0));
  return {
    perHour: {
      ready: perHour(counters.ready),
      full: perHour(counters.full),
      taken: perHour(counters.taken),
      empty: perHour(counters.empty),
    },
    fullFraction: ratio(counters.full, counters.ready + counters.full),
    emptyFraction: ratio(counters.empty, counters.taken + counters.empty),
    meanQueueLength: queueLengthTimeShare.reduce((sum, share, length) => sum + share * length, 0),
    queueLengthTimeShare,
    meanWaitS: ratio(counters.waitSeconds, counters.waited),
  };
}

/** The report of one or more replications of one scenario: means, and 95% CIs when there are several. */
export function buildRunReport(scenario: RunScenario, replications: readonly RunFigures[], engineStats: EngineStats): RunReport {
  if (replications.length === 0) throw new RangeError('a report needs at least one replication');
  const mean = combine(replications, (values) => values.reduce((sum, value) => sum + value, 0) / values.length);
  return {
    scenario: { ...scenario, replications: replications.length },
    ...mean,
    ci95: replications.length > 1 ? combine(replications, ci95HalfWidth) : {},
    engineStats,
  };
}

/** Applies `reduce` to every figure across replications, keeping the shape. */
function combine(replications: readonly RunFigures[], reduce: (values: number[]) => number): RunFigures {
  const of = (pick: (figures: RunFigures) => number): number => reduce(replications.map(pick));
  const lengths = replications[0].queueLengthTimeShare.length;
  return {
    perHour: {
      ready: of((f) => f.perHour.ready),
      full: of((f) => f.perHour.full),
      taken: of((f) => f.perHour.taken),
      empty: of((f) => f.perHour.empty),
    },
    fullFraction: of((f) => f.fullFraction),
    emptyFraction: of((f) => f.emptyFraction),
    meanQueueLength: of((f) => f.meanQueueLength),
    queueLengthTimeShare: Array.from({ length: lengths }, (_, i) => of((f) => f.queueLengthTimeShare[i])),
    meanWaitS: of((f) => f.meanWaitS),
  };
}

function ratio(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}
