import { connectRedis } from '@restaurant/queue';
import { FastQueue } from './fast-path/fast-queue.js';
import type { Redis } from 'ioredis';
import { runAdaptiveTakes, type TakeOutcome } from './adaptive-takes.js';
import { benchClockUs } from './bench-clock.js';
import { sentAtUsOf } from './sent-at.js';
import type { WorkTally } from './work-tally.js';
import type { PrepareWorker } from './worker-session.js';

/** How long a blocking customer waits in Redis before it looks at the stop signal again. */
const BLOCKING_TIMEOUT_S = 1;

/**
 * A customer at full speed: take() per item or takeMany() per batch, with up to `inFlight`
 * takes as the queue needs them (adaptive-takes.ts). When the queue runs empty, a polling
 * customer takes again at once, as the customer does at time scale 0; a blocking one waits in
 * Redis for the next item instead, on a second connection (a blocked connection serves nobody
 * else), and takes with takeMany() even one item at a time, since only that can leave an empty
 * take uncounted: waiting is not a miss. Batches come as Buffers: the customer reads only each item's
 * stamp, and decoding every item cost it about a tenth of its CPU at batch 100 (docs/bench.md,
 * round 7).
 */
export const prepareOursConsumer: PrepareWorker = async (job, tally) => {
  const name = `consumer_${job.index + 1}`;
  const connect = async (): Promise<{ redis: Redis; queue: FastQueue }> => {
    const redis = connectRedis({ url: job.redisUrl, mode: 'patient', connectionName: name }) as Redis;
    const queue = new FastQueue(redis, job.queueName, job.capacity);
    await queue.claimCapacity();
    return { redis, queue };
  };
  const taker = await connect();
  const waiter = job.blocking ? await connect() : null;
  const connections = waiter ? [taker, waiter] : [taker];

  const { queue } = taker;
  const take = async (): Promise<TakeOutcome> => {
    if (job.batch > 1 || waiter) return queue.takeMany(job.batch, 'buffer', !waiter);
    const taken = await queue.take();
    return taken.status === 'taken' ? { items: [taken.raw], length: taken.length } : { items: [], length: 0 };
  };
  const whenEmpty = waiter
    ? async (): Promise<void> => {
        await waiter.queue.waitForItems(BLOCKING_TIMEOUT_S);
      }
    : undefined;
  const disconnectAll = (): void => connections.forEach(({ redis }) => redis.disconnect());

  return {
    async run(stop) {
      // A wait blocked in Redis only notices the stop when its connection goes away.
      if (waiter) stop.addEventListener('abort', disconnectAll);
      await runAdaptiveTakes({
        take,
        onItems: (items) => recordTaken(items, tally),
        max: job.inFlight,
        perTake: job.batch,
        stop,
        whenEmpty,
      });
    },
    async close() {
      disconnectAll();
    },
  };
};

function recordTaken(items: TakeOutcome['items'], tally: WorkTally): void {
  const nowUs = benchClockUs();
  for (const raw of items) tally.latency.recordMs((nowUs - sentAtUsOf(raw)) / 1000);
  tally.count(items.length, nowUs / 1000);
}
