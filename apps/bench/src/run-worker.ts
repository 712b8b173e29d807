import { watchGcPauses } from './gc-pauses.js';
import { WorkTally } from './work-tally.js';
import type { FromWorker, ToWorker, WorkerJob } from './worker-protocol.js';
import { WORKER_ROLES } from './worker-roles.js';

/** What a worker needs from its process; only main.ts builds it. */
export interface WorkerPort {
  /** Resolves once the message has left the process. */
  send(message: FromWorker): Promise<void>;
  onMessage(handler: (message: ToWorker) => void): void;
  rssBytes(): number;
  cpuMs(): number;
}

const PROGRESS_EVERY_MS = 50;

/**
 * One worker process of the benchmark: connect, say ready, wait for the common start, work,
 * report. Returns the exit code.
 */
export async function runWorker(job: WorkerJob, port: WorkerPort): Promise<number> {
  const tally = new WorkTally(job, port.rssBytes);
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
    const gc = watchGcPauses();
    const progress = setInterval(() => void port.send({ type: 'progress', handled: tally.handled }), PROGRESS_EVERY_MS);
    try {
      await session.run(stop.signal);
    } finally {
      clearInterval(progress);
    }
    const gcPauses = gc.stop();
    await session.close();
    // Only the work counts: loading modules and connecting would swamp short runs.
    await port.send({ type: 'finished', result: tally.result(port.cpuMs() - cpuAtStartMs, gcPauses) });
    return 0;
  } catch (error) {
    await port.send({ type: 'failed', message: (error as Error).message });
    return 1;
  }
}
