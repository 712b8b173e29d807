import type { WorkTally } from './work-tally.js';
import type { WorkerJob } from './worker-protocol.js';

/** One worker's work, connected and ready: `run` is timed, `close` is not. */
export interface WorkerSession {
  /** Producers return when their items are offered; consumers when the signal aborts. */
  run(stop: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

export type PrepareWorker = (job: WorkerJob, tally: WorkTally) => Promise<WorkerSession>;
