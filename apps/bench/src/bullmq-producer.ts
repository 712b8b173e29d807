import { createRandom, deriveSeed } from '@restaurant/service';
import { Queue } from 'bullmq';
import { newBenchItem } from './bench-item.js';
import type { PrepareWorker } from './run-worker.js';

/** BullMQ's own connection to the benchmark's Redis; its workers require no retry limit. */
export const bullmqConnection = (redisUrl: string) => ({ url: redisUrl, maxRetriesPerRequest: null });

/**
 * BullMQ's producer with the same payload: Queue.add per item, or Queue.addBulk per batch.
 * Finished jobs are removed at once, BullMQ's lightest setting and the closest to a queue
 * whose items are gone once taken.
 */
export const prepareBullmqProducer: PrepareWorker = async (job, tally) => {
  const name = `producer_${job.index + 1}`;
  const queue = new Queue(job.queueName, {
    connection: bullmqConnection(job.redisUrl),
    defaultJobOptions: { removeOnComplete: true, removeOnFail: true },
  });
  await queue.waitUntilReady();
  const random = createRandom(deriveSeed(job.index, name));
  let remaining = job.items;

  const addLoop = async (): Promise<void> => {
    while (remaining > 0) {
      const size = Math.min(job.batch, remaining);
      remaining -= size;
      if (job.batch === 1) await queue.add('meal', newBenchItem(random, name));
      else await queue.addBulk(Array.from({ length: size }, () => ({ name: 'meal', data: newBenchItem(random, name) })));
      tally.count(size);
    }
  };

  return {
    async run() {
      tally.begin();
      await Promise.all(Array.from({ length: job.inFlight }, addLoop));
    },
    close: () => queue.close(),
  };
};
