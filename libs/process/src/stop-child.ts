import type { ChildProcess } from 'node:child_process';

/** How a child process ended: its exit code, or the signal that ended it. */
export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface StopChildOptions {
  /** Asked first; SIGTERM unless told. */
  signal?: NodeJS.Signals;
  /** How long the child may take to finish before SIGKILL. */
  graceMs: number;
}

/** Resolves when the child has exited: at once when it already has. */
export function childExit(child: ChildProcess): Promise<ChildExit> {
  const ended = (): ChildExit => ({ code: child.exitCode, signal: child.signalCode });
  if (hasExited(child)) return Promise.resolve(ended());
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    // One that could not be started (no such program) never exits: it reports an error, then closes.
    if (child.pid === undefined) child.once('close', () => resolve(ended()));
  });
}

const stopping = new WeakMap<ChildProcess, Promise<ChildExit>>();

/**
 * Asks a child to stop (SIGTERM, or `signal`) and kills it (SIGKILL) if it has not exited after
 * `graceMs`; resolves with how it ended. A child is stopped once: a later call gets the first
 * call's promise, without a second signal or another grace period.
 */
export function stopChild(child: ChildProcess, options: StopChildOptions): Promise<ChildExit> {
  let stopped = stopping.get(child);
  if (!stopped) {
    stopped = stop(child, options);
    stopping.set(child, stopped);
  }
  return stopped;
}

async function stop(child: ChildProcess, { signal = 'SIGTERM', graceMs }: StopChildOptions): Promise<ChildExit> {
  const exited = childExit(child);
  if (hasExited(child)) return exited;
  child.kill(signal);
  const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  try {
    return await exited;
  } finally {
    clearTimeout(killer);
  }
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}
