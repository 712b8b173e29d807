import { connectRedis, FastQueue } from '@restaurant/shared';
import type { Redis } from 'ioredis';
import { runAdaptiveTakes, type TakeOutcome } from './adaptive-takes.js';
import { benchClockUs } from './bench-clock.js';
import { sentAtUsOf } from './sent-at.js';
import type { WorkTally } from './work-tally.js';
import type { PrepareWorker } from './worker-session.js';

/** How long a blocking take waits before it looks at the stop signal again. */
const BLOCKING_TIMEOUT_S = 1;

/**
 * A customer at full speed: take() per item (polling when empty, as the customer does at time
 * scale 0) or takeMany() per batch, with up to `inFlight` takes as the queue needs them; or
 * `inFlight` loops of takeManyWaiting(), which waits in Redis instead of polling. A blocking
 * take holds its connection, so each blocking loop gets a connection of its own. Batches come
 * as Buffers: the customer reads only each item's stamp, and decoding every item cost it about a
 * tenth of its CPU at batch 100 (docs/bench.md, round 7).
 */
export const prepareOursConsumer: PrepareWorker = async (job, tally) => {
  const name = `consumer_${job.index + 1}`;
  const connections = job.blocking ? job.inFlight : 1;
  const queues = await Promise.all(
    Array.from({ length: connections }, async () => {
      const redis = connectRedis({ url: job.redisUrl, mode: 'patient', connectionName: name });
      const queue = new FastQueue(redis, job.queueName, job.capacity);
      await queue.claimCapacity();
      return { redis, queue };
    }),
  );
  const onItems = (items: TakeOutcome['items']): void => recordTaken(items, tally);

  const poll = async (queue: FastQueue): Promise<TakeOutcome> => {
    if (job.batch > 1) return queue.takeMany(job.batch, 'buffer');
    const taken = await queue.take();
    return taken.status === 'taken' ? { items: [taken.raw], length: taken.length } : { items: [], length: 0 };
  };

  const waitingLoop = async (queue: FastQueue, stop: AbortSignal): Promise<void> => {
    let left = 0;
    while (!stop.aborted) {
      let taken: TakeOutcome;
      try {
        taken = await queue.takeManyWaiting(job.batch, BLOCKING_TIMEOUT_S, left === 0, 'buffer');
      } catch (error) {
        if (stop.aborted) return;
        throw error;
      }
      if (taken.items.length > 0) onItems(taken.items);
      left = taken.length;
    }
  };

  return {
    async run(stop) {
      if (!job.blocking) {
        const { queue } = queues[0];
        await runAdaptiveTakes({ take: () => poll(queue), onItems, max: job.inFlight, perTake: job.batch, stop });
        return;
      }
      const loops = queues.map(({ queue }) => waitingLoop(queue, stop));
      // A loop blocked in Redis only notices the stop when its connection goes away.
      stop.addEventListener('abort', () => queues.forEach(({ redis }) => disconnect(redis)));
      await Promise.all(loops);
    },
    async close() {
      queues.forEach(({ redis }) => disconnect(redis));
    },
  };
};

function recordTaken(items: TakeOutcome['items'], tally: WorkTally): void {
  const nowUs = benchClockUs();
  for (const raw of items) tally.latency.recordMs((nowUs - sentAtUsOf(raw)) / 1000);
  tally.count(items.length, nowUs / 1000);
}

function disconnect(redis: Redis): void {
  redis.disconnect();
}
