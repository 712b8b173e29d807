import { connectRedis } from '@restaurant/queue';
import { createServiceMetrics } from '@restaurant/service';
import type { Redis } from 'ioredis';
import { runAdaptiveTakes, type TakeOutcome } from './adaptive-takes.js';
import { benchClockUs } from './bench-clock.js';
import { FastQueue } from './fast-path/fast-queue.js';
import type { PrepareWorker } from './run-worker.js';
import { sentAtUsOf } from './sent-at.js';

/**
 * A customer at full speed: the product's take() per item (counted with the service metrics when
 * the job asks, as a customer counts it) or takeMany() per batch, with up to `inFlight` takes as
 * the queue needs them (adaptive-takes.ts). An empty queue is polled again at once. Batches come
 * as Buffers: the customer reads only each item's stamp, and decoding cost it a tenth of its CPU.
 */
export const prepareOursConsumer: PrepareWorker = async (job, tally) => {
  const name = `consumer_${job.index + 1}`;
  const redis = connectRedis({ url: job.redisUrl, mode: 'patient', connectionName: name }) as Redis;
  const queue = new FastQueue(redis, job.queueName, job.capacity);
  await queue.claimCapacity();
  const metrics = job.metrics ? createServiceMetrics({ role: name }).forQueue(job.queueName) : null;

  const takeOne = async (): Promise<TakeOutcome> => {
    const sent = performance.now();
    const taken = await queue.take();
    metrics?.took(taken.status, (performance.now() - sent) / 1000);
    return taken.status === 'taken' ? { items: [taken.raw], length: taken.length } : { items: [], length: 0 };
  };
  const take = job.batch > 1 ? () => queue.takeMany(job.batch, 'buffer') : takeOne;
  const onItems = (items: TakeOutcome['items']): void => {
    const nowUs = benchClockUs();
    for (const raw of items) tally.latency.recordMs((nowUs - sentAtUsOf(raw)) / 1000);
    tally.count(items.length, nowUs / 1000);
  };

  return {
    run: (stop) => runAdaptiveTakes({ take, onItems, max: job.inFlight, perTake: job.batch, stop, idleMs: job.idleMs }),
    async close() {
      redis.disconnect();
    },
  };
};
