import { connectRedis, FastQueue } from '@restaurant/shared';
import type { Redis } from 'ioredis';
import { latencyOfMs, type BenchItem } from './bench-item.js';
import { wallClockMs } from './bench-clock.js';
import type { WorkTally } from './work-tally.js';
import type { PrepareWorker } from './worker-session.js';

/** How long a blocking take waits before it looks at the stop signal again. */
const BLOCKING_TIMEOUT_S = 1;

/**
 * A customer at full speed: take() per item (polling when empty, as the customer does at time
 * scale 0), takeMany() per batch, or takeManyWaiting() which waits in Redis instead of polling.
 * A blocking take holds its connection, so each blocking loop gets a connection of its own.
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

  const takeOnce = async (queue: FastQueue): Promise<string[]> => {
    if (job.blocking) return (await queue.takeManyWaiting(job.batch, BLOCKING_TIMEOUT_S)).items;
    if (job.batch > 1) return (await queue.takeMany(job.batch)).items;
    const taken = await queue.take();
    return taken.status === 'taken' ? [taken.raw] : [];
  };

  const takeLoop = async (queue: FastQueue, stop: AbortSignal): Promise<void> => {
    while (!stop.aborted) {
      let items: string[];
      try {
        items = await takeOnce(queue);
      } catch (error) {
        if (stop.aborted) return;
        throw error;
      }
      if (items.length > 0) recordTaken(items, tally);
    }
  };

  return {
    async run(stop) {
      const loops = Array.from({ length: job.inFlight }, (_, i) => takeLoop(queues[i % connections].queue, stop));
      // A loop blocked in Redis only notices the stop when its connection goes away.
      stop.addEventListener('abort', () => queues.forEach(({ redis }) => disconnectBlocked(redis, job.blocking)));
      await Promise.all(loops);
    },
    async close() {
      queues.forEach(({ redis }) => redis.disconnect());
    },
  };
};

function recordTaken(items: string[], tally: WorkTally): void {
  const now = wallClockMs();
  for (const raw of items) tally.latency.recordMs(latencyOfMs(JSON.parse(raw) as BenchItem, now));
  tally.count(items.length, now);
}

function disconnectBlocked(redis: Redis, blocking: boolean): void {
  if (blocking) redis.disconnect();
}
