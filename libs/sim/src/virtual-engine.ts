import { consumerRoles, createRandom, deriveSeed, type Random } from '@restaurant/service';
import type { QueueCounters } from './queue-counters.js';
import { QueueModel } from './queue-model.js';
import type { Staffing } from '@restaurant/service';

export interface VirtualRunOptions extends Staffing {
  /** Actions at model time t < modelSeconds happen; the run is observed over [0, modelSeconds]. */
  modelSeconds: number;
  seed: number;
}

export interface VirtualRunResult {
  counters: QueueCounters;
  /** Cook and customer actions processed. */
  events: number;
  wallS: number;
}

/** Cook times are rounded to this many steps per model second so that 30 × 0.1 s ties with 3 s. */
const TIME_STEPS_PER_S = 1e6;

/**
 * A discrete-event run of the exact model. Every cook acts at 0, period, 2·period, ...; every
 * customer acts at 0 and then after a whole number of seconds drawn from [min, max] with its own
 * random stream (the stream its service process would use: `deriveSeed(seed, role)`). At the same
 * instant cooks act before customers.
 *
 * With `cookStart: 'staggered'` cook i first acts at i × period / cooks instead (see staffing.ts).
 *
 * No general event heap is needed: all cooks share one timetable, and customers only ever act on
 * whole seconds at most `max` seconds ahead, so they live in a calendar ring of `max + 1` one-second
 * buckets (linked lists in typed arrays). The order of customers within one second cannot change
 * any counter (each takes the oldest meal or finds none; their random streams do not depend on the
 * outcome), so a bucket is a plain stack.
 */
export function runVirtual(options: VirtualRunOptions): VirtualRunResult {
  validate(options);
  const started = performance.now();
  const { producers, consumers, consumerMinS: min, consumerMaxS: max, producerPeriodS: period, modelSeconds: end } = options;
  const queue = new QueueModel(options.capacity);
  // Together, every cook acts on each tick of the period; staggered, the cooks take turns, one
  // per tick of period / cooks (cook i first acts at i × period / cooks).
  const staggered = options.cookStart === 'staggered';
  const cooksPerTick = staggered ? Math.min(producers, 1) : producers;
  const tick = staggered && producers > 0 ? period / producers : period;

  const ringSize = max + 1;
  const bucketHead = new Int32Array(ringSize).fill(-1);
  const nextInBucket = new Int32Array(Math.max(consumers, 1));
  const randoms: Random[] = consumerRoles(consumers).map((role) => createRandom(deriveSeed(options.seed, role)));
  for (let j = consumers - 1; j >= 0; j--) {
    nextInBucket[j] = bucketHead[0];
    bucketHead[0] = j;
  }

  let events = 0;
  let cookTick = 0;
  let cookTime = producers > 0 ? 0 : Number.POSITIVE_INFINITY;
  let second = 0;
  let bucket = 0;
  for (;;) {
    let customerTime = Number.POSITIVE_INFINITY;
    if (consumers > 0) {
      // Every customer is always booked at most `max` seconds ahead, so this finds one.
      while (bucketHead[bucket] === -1) {
        second++;
        bucket = bucket + 1 === ringSize ? 0 : bucket + 1;
      }
      customerTime = second;
    }
    if (cookTime <= customerTime) {
      if (cookTime >= end) break;
      for (let i = 0; i < cooksPerTick; i++) queue.offer(cookTime);
      events += cooksPerTick;
      cookTick++;
      cookTime = Math.round(cookTick * tick * TIME_STEPS_PER_S) / TIME_STEPS_PER_S;
    } else {
      if (customerTime >= end) break;
      // A customer whose wait is 0 goes back into this very bucket and acts again now.
      for (let j = bucketHead[bucket]; j !== -1; j = bucketHead[bucket]) {
        bucketHead[bucket] = nextInBucket[j];
        queue.take(second);
        events++;
        let later = bucket + randoms[j].intBetween(min, max);
        if (later >= ringSize) later -= ringSize;
        nextInBucket[j] = bucketHead[later];
        bucketHead[later] = j;
      }
    }
  }

  const secondsAtLength = Array.from(queue.timeAtLengthUntil(end));
  // Before the first change of length (none at all without cooks) the queue was empty.
  secondsAtLength[0] += Number.isNaN(queue.since) ? end : queue.since;
  return {
    counters: {
      ready: queue.ready,
      full: queue.full,
      taken: queue.taken,
      empty: queue.empty,
      secondsAtLength,
      waitSeconds: queue.waitSum,
      waited: queue.waited,
      modelSeconds: end,
    },
    events,
    wallS: (performance.now() - started) / 1000,
  };
}

function validate(options: VirtualRunOptions): void {
  const { producers, consumers, capacity, producerPeriodS, consumerMinS, consumerMaxS, modelSeconds } = options;
  const problems: string[] = [];
  if (!Number.isInteger(producers) || producers < 0) problems.push('producers must be a whole number >= 0');
  if (!Number.isInteger(consumers) || consumers < 0) problems.push('consumers must be a whole number >= 0');
  if (!Number.isInteger(capacity) || capacity < 1) problems.push('capacity must be a whole number >= 1');
  if (!(producerPeriodS > 0) || !Number.isFinite(producerPeriodS)) problems.push('producerPeriodS must be > 0');
  if (!Number.isInteger(consumerMinS) || consumerMinS < 0) problems.push('consumerMinS must be a whole number >= 0');
  if (!Number.isInteger(consumerMaxS) || consumerMaxS < Math.max(consumerMinS, 1)) {
    problems.push('consumerMaxS must be a whole number >= 1 and >= consumerMinS');
  }
  if (!(modelSeconds >= 0) || !Number.isFinite(modelSeconds)) problems.push('modelSeconds must be a finite number >= 0');
  if (problems.length > 0) throw new RangeError(`invalid virtual run: ${problems.join('; ')}`);
}
