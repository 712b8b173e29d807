import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export type OfferOutcome = 'ready' | 'full' | 'duplicate' | 'error';
export type TakeOutcome = 'taken' | 'empty' | 'error';
/** The queue operations whose round trip to Redis is timed. */
export type QueueCommand = 'offer' | 'take' | 'ack' | 'dead_letter';

/**
 * What a cook or customer counts as it works, for Prometheus. Recording is a counter increment
 * and a histogram bucket: nothing on the hot path waits for the metrics.
 */
export interface ServiceMetrics {
  readonly registry: Registry;
  offered(outcome: OfferOutcome, roundTripS: number): void;
  took(outcome: TakeOutcome, roundTripS: number): void;
  roundTrip(command: QueueCommand, seconds: number): void;
  reclaimed(count: number): void;
  deadLettered(count: number): void;
}

/** Round trips of a few hundred microseconds to a few seconds (a stalled Redis). */
const ROUND_TRIP_BUCKETS_S = [0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** The metrics of one process, in a registry of its own, each labelled with the role and the queue. */
export function createServiceMetrics(labels: { role: string; queue: string }): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels(labels);
  collectDefaultMetrics({ register: registry });
  const offers = new Counter({ name: 'restaurant_offers_total', help: 'Offers by outcome', labelNames: ['outcome'], registers: [registry] });
  const takes = new Counter({ name: 'restaurant_takes_total', help: 'Takes by outcome', labelNames: ['outcome'], registers: [registry] });
  const reclaimed = new Counter({ name: 'restaurant_reclaimed_total', help: "Meals returned to the queue from customers that died or stopped", registers: [registry] });
  const deadLettered = new Counter({ name: 'restaurant_dead_lettered_total', help: 'Items set aside in the dead-letter list', registers: [registry] });
  const roundTrips = new Histogram({
    name: 'restaurant_redis_roundtrip_seconds',
    help: 'Time from sending a queue command to its reply',
    labelNames: ['command'],
    buckets: ROUND_TRIP_BUCKETS_S,
    registers: [registry],
  });
  for (const outcome of ['ready', 'full', 'duplicate', 'error']) offers.inc({ outcome }, 0);
  for (const outcome of ['taken', 'empty', 'error']) takes.inc({ outcome }, 0);
  const roundTrip = (command: QueueCommand, seconds: number): void => roundTrips.observe({ command }, seconds);
  return {
    registry,
    offered(outcome, roundTripS) {
      offers.inc({ outcome });
      roundTrip('offer', roundTripS);
    },
    took(outcome, roundTripS) {
      takes.inc({ outcome });
      roundTrip('take', roundTripS);
    },
    roundTrip,
    reclaimed: (count) => reclaimed.inc(count),
    deadLettered: (count) => deadLettered.inc(count),
  };
}
