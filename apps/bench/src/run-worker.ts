import { prepareBullmqConsumer } from './bullmq-consumer.js';
import { prepareBullmqProducer } from './bullmq-producer.js';
import { prepareOursConsumer } from './ours-consumer.js';
import { prepareOursProducer } from './ours-producer.js';
import { WorkTally } from './work-tally.js';
import type { FromWorker, ToWorker, WorkerJob, WorkerRole } from './worker-protocol.js';

/** One worker's work, connected and ready: `run` is timed, `close` is not. */
export interface WorkerSession {
  /** Producers return when their items are offered; consumers when the signal aborts. */
  run(stop: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

export type PrepareWorker = (job: WorkerJob, tally: WorkTally) => Promise<WorkerSession>;

const WORKER_ROLES: Record<WorkerRole, PrepareWorker> = {
  'ours-producer': prepareOursProducer,
  'ours-consumer': prepareOursConsumer,
  'bullmq-producer': prepareBullmqProducer,
  'bullmq-consumer': prepareBullmqConsumer,
};

/** What a worker needs from its process; only main.ts builds it. */
export interface WorkerPort {
  /** Resolves once the message has left the process. */
  send(message: FromWorker): Promise<void>;
  onMessage(handler: (message: ToWorker) => void): void;
  cpuMs(): number;
}

const PROGRESS_EVERY_MS = 50;

/**
 * One worker process of the benchmark: connect, say ready, wait for the common start, work,
 * report. Returns the exit code.
 */
export async function runWorker(job: WorkerJob, port: WorkerPort): Promise<number> {
  const tally = new WorkTally(job.role);
  const stop = new AbortController();
  let start!: () => void;
  const started = new Promise<void>((resolve) => (start = resolve));
  port.onMessage((message) => {
    if (message.type === 'start') start();
    else if (message.type === 'measure') tally.endWarmup();
    else stop.abort();
  });
  try {
    const session = await WORKER_ROLES[job.role](job, tally);
    await port.send({ type: 'ready' });
    await started;
    const cpuAtStartMs = port.cpuMs();
    const progress = setInterval(() => void port.send({ type: 'progress', handled: tally.handled }), PROGRESS_EVERY_MS);
    try {
      await session.run(stop.signal);
    } finally {
      clearInterval(progress);
    }
    await session.close();
    // Only the work counts: loading modules and connecting would swamp short runs.
    await port.send({ type: 'finished', result: tally.result(port.cpuMs() - cpuAtStartMs) });
    return 0;
  } catch (error) {
    await port.send({ type: 'failed', message: (error as Error).message });
    return 1;
  }
}
