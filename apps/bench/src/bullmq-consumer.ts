import { Worker, type Job } from 'bullmq';
import { latencyOfMs, type BenchItem } from './bench-item.js';
import { bullmqConnection } from './bullmq-producer.js';
import type { PrepareWorker } from './run-worker.js';

/**
 * BullMQ's Worker with its concurrency matched to what one of our customers holds at once
 * (batch × in-flight); it fetches jobs with blocking waits.
 */
export const prepareBullmqConsumer: PrepareWorker = async (job, tally) => {
  const worker = new Worker(
    job.queueName,
    async (taken: Job<BenchItem>) => {
      tally.latency.recordMs(latencyOfMs(taken.data));
      tally.count(1);
    },
    { connection: bullmqConnection(job.redisUrl), concurrency: job.batch * job.inFlight, autorun: false },
  );
  await worker.waitUntilReady();

  return {
    async run(stop) {
      const running = worker.run();
      await new Promise<void>((resolve) => stop.addEventListener('abort', () => resolve(), { once: true }));
      await worker.close();
      await running;
    },
    close: async () => undefined,
  };
};
