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
  /** Ours: count every offer and take with the services' metrics. */
  metrics: boolean;
  /** Ours, consumers: how long to wait after a run of empty takes (adaptive-takes.ts); 0 spins on. */
  idleMs: number;
  /** Distinguishes the producers' names and random streams. */
  index: number;
}

export interface WorkerResult {
  role: WorkerRole;
  /** Items offered (producers) or taken (consumers). */
  handled: number;
  dropped: number;
  /** Bench-clock ms (bench-clock.ts: one clock for every process on the machine). */
  firstAtMs: number | null;
  lastAtMs: number | null;
  /** Enqueue-to-dequeue latencies of the measured items, consumers only, as sparse histogram buckets. */
  latency: Array<[number, number]>;
  /** The warm-up: when measuring began, items handled and latencies before it; null when the run ended first. */
  warmup: { endedAtMs: number; handled: number; latency: Array<[number, number]> } | null;
  cpuMs: number;
}

/** `measure` ends the warm-up: what the worker handles from then on is what the row reports. */
export type ToWorker = { type: 'start' } | { type: 'measure' } | { type: 'stop' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; handled: number }
  | { type: 'finished'; result: WorkerResult }
  | { type: 'failed'; message: string };
