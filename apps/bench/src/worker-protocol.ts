/** What the benchmark asks of one worker process, and what the worker says back (over IPC). */

export type WorkerRole = 'ours-producer' | 'ours-consumer' | 'bullmq-producer' | 'bullmq-consumer';

export interface WorkerJob {
  role: WorkerRole;
  redisUrl: string;
  queueName: string;
  capacity: number;
  /** A producer's share of the items; consumers run until told to stop. */
  items: number;
  /** Items per round trip (1 = the one-item scripts, or Queue.add for BullMQ). */
  batch: number;
  /** Round trips in flight at once in this process (BullMQ: multiplies the worker's concurrency). */
  inFlight: number;
  /** Customers wait in Redis (BLMOVE) instead of polling. */
  blocking: boolean;
  /** Resident memory is sampled when this process has handled these many items. */
  rssAtItems: number[];
  /** Distinguishes the producers' names and random streams. */
  index: number;
}

export interface RssSample {
  items: number;
  rssBytes: number;
}

export interface WorkerResult {
  role: WorkerRole;
  /** Items offered (producers) or taken (consumers). */
  handled: number;
  dropped: number;
  /** Bench-clock ms (bench-clock.ts: one monotonic clock for every process on the machine). */
  firstAtMs: number | null;
  lastAtMs: number | null;
  /** Enqueue-to-dequeue latencies, consumers only, as sparse histogram buckets. */
  latency: Array<[number, number]>;
  rss: RssSample[];
  cpuMs: number;
}

export type ToWorker = { type: 'start' } | { type: 'stop' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; handled: number }
  | { type: 'finished'; result: WorkerResult }
  | { type: 'failed'; message: string };
