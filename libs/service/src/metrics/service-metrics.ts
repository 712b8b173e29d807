import { collectDefaultMetrics, Registry } from 'prom-client';
import { CellCounter, CellHistogram, type CounterCell, type HistogramCell } from './metric-cells.js';

export type OfferOutcome = 'ready' | 'full' | 'duplicate' | 'error';
export type TakeOutcome = 'taken' | 'empty' | 'error';
/** The queue operations whose round trip to Redis is timed. */
export type QueueCommand = 'offer' | 'take' | 'ack' | 'dead_letter';

const OFFER_OUTCOMES: readonly OfferOutcome[] = ['ready', 'full', 'duplicate', 'error'];
const TAKE_OUTCOMES: readonly TakeOutcome[] = ['taken', 'empty', 'error'];

/**
 * What a cook or customer counts as it works, for Prometheus. Recording adds to numbers made
 * for each label set in advance: nothing on the hot path waits for, or hashes, anything.
 */
export interface QueueMetrics {
  offered(outcome: OfferOutcome, roundTripS: number): void;
  took(outcome: TakeOutcome, roundTripS: number): void;
  roundTrip(command: QueueCommand, seconds: number): void;
  reclaimed(count: number): void;
  deadLettered(count: number): void;
}

/** A process's metrics: one registry, and the counters of each queue it serves. */
export interface ServiceMetrics {
  readonly registry: Registry;
  forQueue(queue: string): QueueMetrics;
}

/** Round trips of a few hundred microseconds to a few seconds (a stalled Redis). */
const ROUND_TRIP_BUCKETS_S = [0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** The metrics of one process, in a registry of its own, labelled with its role, and each with its queue. */
export function createServiceMetrics({ role }: { role: string }): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ role });
  collectDefaultMetrics({ register: registry });
  const offers = new CellCounter('restaurant_offers_total', 'Offers by outcome', registry);
  const takes = new CellCounter('restaurant_takes_total', 'Takes by outcome', registry);
  const reclaimed = new CellCounter('restaurant_reclaimed_total', 'Meals returned to the queue from customers that died or stopped', registry);
  const deadLettered = new CellCounter('restaurant_dead_lettered_total', 'Items set aside in the dead-letter list', registry);
  const roundTrips = new CellHistogram('restaurant_redis_roundtrip_seconds', 'Time from sending a queue command to its reply', registry, ROUND_TRIP_BUCKETS_S);

  const queues = new Map<string, QueueMetrics>();
  const metricsOf = (queue: string): QueueMetrics => {
    const cellsOf = <Key extends string, Cell>(keys: readonly Key[], make: (key: Key) => Cell) =>
      Object.fromEntries(keys.map((key) => [key, make(key)])) as Record<Key, Cell>;
    const offerCells = cellsOf<OfferOutcome, CounterCell>(OFFER_OUTCOMES, (outcome) => offers.cell({ queue, outcome }));
    const takeCells = cellsOf<TakeOutcome, CounterCell>(TAKE_OUTCOMES, (outcome) => takes.cell({ queue, outcome }));
    // a command's series appears with its first round trip, as prom-client's own histograms do
    const roundTripCells: Partial<Record<QueueCommand, HistogramCell>> = {};
    const roundTrip = (command: QueueCommand, seconds: number): void => (roundTripCells[command] ??= roundTrips.cell({ queue, command })).observe(seconds);
    const reclaimedCell = reclaimed.cell({ queue });
    const deadLetteredCell = deadLettered.cell({ queue });
    return {
      offered(outcome, roundTripS) {
        offerCells[outcome].value++;
        roundTrip('offer', roundTripS);
      },
      took(outcome, roundTripS) {
        takeCells[outcome].value++;
        roundTrip('take', roundTripS);
      },
      roundTrip,
      reclaimed: (count) => void (reclaimedCell.value += count),
      deadLettered: (count) => void (deadLetteredCell.value += count),
    };
  };
  // one set of series per queue, however often it is asked for
  const forQueue = (queue: string): QueueMetrics => {
    let metrics = queues.get(queue);
    if (!metrics) queues.set(queue, (metrics = metricsOf(queue)));
    return metrics;
  };
  return { registry, forQueue };
}
