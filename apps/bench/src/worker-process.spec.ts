import { EventEmitter, once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { forkWorker, WORKER_V8_FLAGS, WorkerProcess } from './worker-process.js';
import type { FromWorker, WorkerJob, WorkerResult } from './worker-protocol.js';

const job: WorkerJob = {
  role: 'ours-producer',
  redisUrl: 'redis://127.0.0.1:6379',
  queueName: 'q',
  capacity: 10,
  items: 10,
  batch: 1,
  inFlight: 1,
  metrics: false,
  idleMs: 0,
  index: 0,
};

const result: WorkerResult = {
  role: 'ours-producer',
  handled: 10,
  dropped: 0,
  firstAtMs: 1,
  lastAtMs: 2,
  latency: [],
  warmup: null,
  cpuMs: 3,
};

/** A child process as Node reports it: its events are the test's to emit, in any order. */
function fakeChild(): { child: EventEmitter; worker: WorkerProcess } {
  const child = Object.assign(new EventEmitter(), { connected: true, exitCode: null, signalCode: null, send: () => true });
  const worker = new WorkerProcess(job, 'main.js', () => child as unknown as ChildProcess);
  return { child, worker };
}

const say = (child: EventEmitter, message: FromWorker): boolean => child.emit('message', message);

describe('WorkerProcess', () => {
  it('takes the last message that Node delivers after the exit, before the close', async () => {
    const { child, worker } = fakeChild();
    say(child, { type: 'ready' });
    child.emit('exit', 0, null);
    await new Promise((resolve) => setImmediate(resolve));
    say(child, { type: 'finished', result });
    child.emit('close', 0, null);
    await expect(worker.ready).resolves.toBeUndefined();
    await expect(worker.finished).resolves.toEqual(result);
    expect(worker.handled).toBe(10);
  });

  it('fails when the channel closes before the worker finished, with what the worker said', async () => {
    const { child, worker } = fakeChild();
    say(child, { type: 'ready' });
    say(child, { type: 'failed', message: 'Redis went away' });
    child.emit('exit', 1, null);
    child.emit('close', 1, null);
    await expect(worker.finished).rejects.toThrow('ours-producer 1 exited (1): Redis went away');
    await expect(worker.exited).resolves.toBe('ours-producer 1 exited (1)');
  });

  it('names the signal that ended a worker that never got ready', async () => {
    const { child, worker } = fakeChild();
    child.emit('exit', null, 'SIGKILL');
    child.emit('close', null, 'SIGKILL');
    await expect(worker.ready).rejects.toThrow('ours-producer 1 exited (SIGKILL)');
  });
});

describe('forkWorker', () => {
  it("starts the worker with the parent's Node options and the workers' V8 flags", async () => {
    const entry = join(mkdtempSync(join(tmpdir(), 'fork-worker-')), 'say-exec-argv.cjs');
    writeFileSync(entry, 'process.send(process.execArgv, () => process.exit(0));\n');
    const child = forkWorker(entry, []);
    const [execArgv] = (await once(child, 'message')) as [string[]];
    expect(execArgv).toEqual([...process.execArgv, ...WORKER_V8_FLAGS]);
    expect(WORKER_V8_FLAGS).toContain('--no-allocation-site-pretenuring');
  });
});
