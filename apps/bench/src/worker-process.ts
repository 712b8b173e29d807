import { fork, type ChildProcess } from 'node:child_process';
import type { FromWorker, ToWorker, WorkerJob, WorkerResult } from './worker-protocol.js';

/** Starts the worker's process: `entry` run with `args`, with an IPC channel to this one. */
export type StartChild = (entry: string, args: string[]) => ChildProcess;

/**
 * V8 flags of every worker, ours and BullMQ's alike. Allocation-site pretenuring at random put
 * one of the hot path's object sites in the old generation, whose dead objects then kept young
 * ones alive through every scavenge: pauses of 3-6 ms where 7-13 KB survive without it.
 */
export const WORKER_V8_FLAGS = ['--no-allocation-site-pretenuring'];

/** Forks `entry` with the parent's Node options and `WORKER_V8_FLAGS`, and an IPC channel. */
export const forkWorker: StartChild = (entry, args) =>
  fork(entry, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [...process.execArgv, ...WORKER_V8_FLAGS] });

/** A benchmark worker in its own Node process, as the parent sees it. */
export class WorkerProcess {
  /** The worker's latest count of items handled. */
  handled = 0;
  readonly ready: Promise<void>;
  readonly finished: Promise<WorkerResult>;
  readonly exited: Promise<string>;
  private readonly child: ChildProcess;

  constructor(
    readonly job: WorkerJob,
    entry: string,
    start: StartChild = forkWorker,
  ) {
    this.child = start(entry, ['worker', JSON.stringify(job)]);
    // 'close', not 'exit': Node may report the exit before it has read the child's last
    // messages (a worker sends `finished` and exits at once, and a full run lost one that way);
    // 'close' waits for the end of the IPC channel, which comes after every message.
    const exited = (this.exited = new Promise<string>((resolve) =>
      this.child.once('close', (code: number | null, signal: NodeJS.Signals | null) =>
        resolve(`${job.role} ${job.index + 1} exited (${signal ?? code})`),
      ),
    ));
    let failure = '';
    const messages = (type: FromWorker['type']): Promise<FromWorker> =>
      new Promise((resolve, reject) => {
        this.child.on('message', (message: FromWorker) => {
          if (message.type === 'failed') failure = message.message;
          if (message.type === type) resolve(message);
        });
        void exited.then((why) => reject(new Error(failure ? `${why}: ${failure}` : why)));
      });
    this.child.on('message', (message: FromWorker) => {
      if (message.type === 'progress') this.handled = message.handled;
      if (message.type === 'finished') this.handled = message.result.handled;
    });
    this.ready = messages('ready').then(() => undefined);
    this.finished = messages('finished').then((message) => (message as { result: WorkerResult }).result);
    // Both are awaited later; a rejection before that must not count as unhandled.
    this.ready.catch(() => undefined);
    this.finished.catch(() => undefined);
  }

  send(message: ToWorker): void {
    if (this.child.connected) this.child.send(message);
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}
