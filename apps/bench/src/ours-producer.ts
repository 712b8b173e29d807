import { closeRedis, connectRedis, whenReady } from '@restaurant/queue';
import { createRandom, createServiceMetrics, deriveSeed } from '@restaurant/service';
import type { Redis } from 'ioredis';
import { BenchItemEncoder } from './bench-item-encoder.js';
import { newBenchItem } from './bench-item.js';
import { FastQueue } from './fast-path/fast-queue.js';
import type { PrepareWorker } from './run-worker.js';

/**
 * A cook at full speed, with `inFlight` loops: the product's offer() per item (counted with the
 * service metrics when the job asks, as a cook counts it), or offerMany() per batch.
 */
export const prepareOursProducer: PrepareWorker = async (job, tally) => {
  const name = `producer_${job.index + 1}`;
  const redis = connectRedis({ url: job.redisUrl, mode: 'fail-fast', connectionName: name }) as Redis;
  await whenReady(redis, AbortSignal.timeout(10_000));
  const queue = new FastQueue(redis, job.queueName, job.capacity);
  await queue.claimCapacity();
  const metrics = job.metrics ? createServiceMetrics({ role: name }).forQueue(job.queueName) : null;
  const random = createRandom(deriveSeed(job.index, name));
  const items = new BenchItemEncoder(random, name);
  let remaining = job.items;

  const offerOne = async (): Promise<void> => {
    const sent = performance.now();
    const { status } = await queue.offer(newBenchItem(random, name));
    metrics?.offered(status, (performance.now() - sent) / 1000);
    if (status === 'full') tally.dropped++;
  };
  const offerLoop = async (): Promise<void> => {
    while (remaining > 0) {
      const size = Math.min(job.batch, remaining);
      remaining -= size;
      if (job.batch === 1) await offerOne();
      else tally.dropped += (await queue.offerMany(items.batch(size))).dropped;
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
