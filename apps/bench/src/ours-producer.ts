import { closeRedis, connectRedis, whenReady } from '@restaurant/queue';
import type { Redis } from 'ioredis';
import { createRandom, deriveSeed } from '@restaurant/service';
import { FastQueue } from './fast-path/fast-queue.js';
import { BenchItemEncoder } from './bench-item-encoder.js';
import { newBenchItem } from './bench-item.js';
import type { PrepareWorker } from './worker-session.js';

/** A cook at full speed: offer() per item, or offerMany() per batch, with `inFlight` loops. */
export const prepareOursProducer: PrepareWorker = async (job, tally) => {
  const name = `producer_${job.index + 1}`;
  const redis = connectRedis({ url: job.redisUrl, mode: 'fail-fast', connectionName: name }) as Redis;
  await whenReady(redis, AbortSignal.timeout(10_000));
  const queue = new FastQueue(redis, job.queueName, job.capacity);
  await queue.claimCapacity();
  const random = createRandom(deriveSeed(job.index, name));
  const items = new BenchItemEncoder(random, name);
  let remaining = job.items;

  const offerLoop = async (): Promise<void> => {
    while (remaining > 0) {
      const size = Math.min(job.batch, remaining);
      remaining -= size;
      if (job.batch === 1) {
        const { status } = await queue.offer(newBenchItem(random, name));
        if (status === 'full') tally.dropped++;
      } else {
        tally.dropped += (await queue.offerMany(items.batch(size))).dropped;
      }
      tally.count(size);
    }
  };

  return {
    async run() {
      tally.begin();
      await Promise.all(Array.from({ length: job.inFlight }, offerLoop));
    },
    close: () => closeRedis(redis),
  };
};
