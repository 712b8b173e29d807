import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { childExit, stopChild } from './stop-child.js';

/** A Node.js child that prints `ready` once its SIGTERM handler (if any) is in place. */
function child(script: string) {
  const process_ = spawn(process.execPath, ['-e', `${script}; console.log('ready'); setInterval(() => {}, 1000);`], { stdio: ['ignore', 'pipe', 'ignore'] });
  const ready = new Promise<void>((resolve) => process_.stdout.once('data', () => resolve()));
  return { process: process_, ready };
}

/** Far longer than a test may run: a test that waited for it would time out. */
const NEVER_MS = 10 * 60_000;

describe('stopChild', () => {
  it('lets a child that handles SIGTERM finish and exit with its own code', async () => {
    const { process: proc, ready } = child("process.on('SIGTERM', () => process.exit(0))");
    await ready;
    expect(await stopChild(proc, { graceMs: 5000 })).toEqual({ code: 0, signal: null });
  });

  it('kills a child that ignores SIGTERM once the grace period is over', async () => {
    const { process: proc, ready } = child("process.on('SIGTERM', () => {})");
    await ready;
    const started = performance.now();
    expect(await stopChild(proc, { graceMs: 300 })).toEqual({ code: null, signal: 'SIGKILL' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('is safe to call twice, and on a child that has already exited', async () => {
    const { process: proc, ready } = child('');
    await ready;
    const [first, second] = await Promise.all([stopChild(proc, { graceMs: 5000 }), stopChild(proc, { graceMs: 5000 })]);
    expect(first).toEqual({ code: null, signal: 'SIGTERM' });
    expect(second).toEqual(first);
    expect(await stopChild(proc, { graceMs: 5000 })).toEqual(first);
    expect(await childExit(proc)).toEqual(first);
  });

  it('stops a child once: a second call neither signals again nor brings the kill forward', async () => {
    const { process: proc, ready } = child("process.on('SIGTERM', () => setTimeout(() => process.exit(4), 300))");
    await ready;
    const first = stopChild(proc, { graceMs: NEVER_MS });
    const second = stopChild(proc, { graceMs: 0 });
    expect(await second).toEqual({ code: 4, signal: null });
    expect(await first).toEqual({ code: 4, signal: null });
  });

  it('resolves at once for a child that exited by itself', async () => {
    const { process: proc } = child('process.exit(5)');
    expect(await childExit(proc)).toEqual({ code: 5, signal: null });
    expect(await stopChild(proc, { graceMs: NEVER_MS })).toEqual({ code: 5, signal: null });
  });

  it('resolves for a child that could not be started, rather than waiting for an exit that never comes', async () => {
    const proc = spawn('restaurant-no-such-program', [], { stdio: 'ignore' });
    const error = new Promise((resolve) => proc.once('error', resolve));
    expect(await stopChild(proc, { graceMs: NEVER_MS })).toEqual({ code: expect.any(Number), signal: null });
    expect(await error).toMatchObject({ code: 'ENOENT' });
  });
});
