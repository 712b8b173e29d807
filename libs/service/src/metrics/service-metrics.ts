import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export type OfferOutcome = 'ready' | 'full' | 'duplicate' | 'error';
export type TakeOutcome = 'taken' | 'empty' | 'error';
/** The queue operations whose round trip to Redis is timed. */
export type QueueCommand = 'offer' | 'take' | 'ack' | 'dead_letter';

/**
 * What a cook or customer counts as it works, for Prometheus. Recording is a counter increment
 * and a histogram bucket: nothing on the hot path waits for the metrics.
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
  const offers = new Counter({ name: 'restaurant_offers_total', help: 'Offers by outcome', labelNames: ['queue', 'outcome'], registers: [registry] });
  const takes = new Counter({ name: 'restaurant_takes_total', help: 'Takes by outcome', labelNames: ['queue', 'outcome'], registers: [registry] });
  const reclaimed = new Counter({
    name: 'restaurant_reclaimed_total',
    help: 'Meals returned to the queue from customers that died or stopped',
    labelNames: ['queue'],
    registers: [registry],
  });
  const deadLettered = new Counter({ name: 'restaurant_dead_lettered_total', help: 'Items set aside in the dead-letter list', labelNames: ['queue'], registers: [registry] });
  const roundTrips = new Histogram({
    name: 'restaurant_redis_roundtrip_seconds',
    help: 'Time from sending a queue command to its reply',
    labelNames: ['queue', 'command'],
    buckets: ROUND_TRIP_BUCKETS_S,
    registers: [registry],
  });
  const forQueue = (queue: string): QueueMetrics => {
    for (const outcome of ['ready', 'full', 'duplicate', 'error']) offers.inc({ queue, outcome }, 0);
    for (const outcome of ['taken', 'empty', 'error']) takes.inc({ queue, outcome }, 0);
    reclaimed.inc({ queue }, 0);
    deadLettered.inc({ queue }, 0);
    const roundTrip = (command: QueueCommand, seconds: number): void => roundTrips.observe({ queue, command }, seconds);
    return {
      offered(outcome, roundTripS) {
        offers.inc({ queue, outcome });
        roundTrip('offer', roundTripS);
      },
      took(outcome, roundTripS) {
        takes.inc({ queue, outcome });
        roundTrip('take', roundTripS);
      },
      roundTrip,
      reclaimed: (count) => reclaimed.inc({ queue }, count),
      deadLettered: (count) => deadLettered.inc({ queue }, count),
    };
  };
  return { registry, forQueue };
}
