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
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/**
 * Asks a child to stop (SIGTERM, or `signal`) and kills it (SIGKILL) if it has not exited after
 * `graceMs`. Safe to call again and on a child that has exited: it resolves with how it ended.
 */
export async function stopChild(child: ChildProcess, { signal = 'SIGTERM', graceMs }: StopChildOptions): Promise<ChildExit> {
  const exited = childExit(child);
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  child.kill(signal);
  const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  try {
    return await exited;
  } finally {
    clearTimeout(killer);
  }
}
