import { setTimeout } from 'node:timers/promises';
import { modelSecondsToWallMs } from './time-scale.js';

export interface DeadlineLoopOptions {
  /** One action of the actor: a cook's offer or a customer's take. */
  act: () => Promise<void>;
  /** Model seconds from this action to the next one. */
  nextGapS: () => number;
  /** Model seconds before the first action (0: act at once). */
  firstAfterS?: number;
  timeScale: number;
  signal: AbortSignal;
  /** Monotonic milliseconds and an abortable sleep: the real ones unless a test brings its own. */
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/**
 * Acts at t=0 and then on deadlines measured from the start, never from the end of the last
 * action, so the time an action takes does not accumulate into drift: a cook with a 3 s period
 * offers exactly 1200 times an hour. Returns when the signal aborts, after the current action.
 * Time scale 0 means no pacing at all.
 */
export async function runOnDeadlines(options: DeadlineLoopOptions): Promise<void> {
  const { act, nextGapS, timeScale, signal } = options;
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? sleepUnlessAborted;
  let deadline = now() + modelSecondsToWallMs(options.firstAfterS ?? 0, timeScale);
  const firstWait = deadline - now();
  if (firstWait > 0) await sleep(firstWait, signal);
  while (!signal.aborted) {
    await act();
    deadline += modelSecondsToWallMs(nextGapS(), timeScale);
    const wait = Math.max(0, deadline - now());
    if (wait > 0 && !signal.aborted) await sleep(wait, signal);
  }
}

/** Sleeps, or returns early when the signal aborts. */
export async function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  try {
    await setTimeout(ms, undefined, { signal });
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error;
  }
}
