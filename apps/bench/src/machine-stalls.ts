import { availableParallelism } from 'node:os';
import { forkWorker, type StartChild } from './worker-process.js';

/**
 * How often the machine kept busy loops from running: gaps between two readings of the clock in
 * a loop that does nothing else, while the machine ran its kernel's threads, other services or,
 * on a virtual machine, something else of the hypervisor's on the core.
 */
export interface MachineStalls {
  /** Loops run at once, one per core. */
  loops: number;
  /** How long they looped, summed over the loops. */
  loopedMs: number;
  /** Gaps of at least 1 ms, and of those, of at least 2 ms. */
  atLeast1Ms: number;
  atLeast2Ms: number;
  /** Time lost in the gaps of at least 1 ms. */
  lostMs: number;
  longestMs: number;
}

export const NO_STALLS: MachineStalls = { loops: 0, loopedMs: 0, atLeast1Ms: 0, atLeast2Ms: 0, lostMs: 0, longestMs: 0 };

/** The command line that makes the benchmark's entry point one probe loop (`main.ts`). */
export const STALL_PROBE_COMMAND = 'stall-probe';

/**
 * Busy-loops for `durationMs`, reading the clock, and counts the gaps of 1 ms or more: times the
 * loop was kept from running (it allocates nothing, so its own GC never pauses it).
 */
export function countStalls(durationMs: number, now: () => number = () => performance.now()): MachineStalls {
  const startedAt = now();
  const endAt = startedAt + durationMs;
  const stalls = { ...NO_STALLS, loops: 1 };
  let last = startedAt;
  while (last < endAt) {
    const reading = now();
    const gap = reading - last;
    last = reading;
    if (gap < 1) continue;
    stalls.atLeast1Ms++;
    if (gap >= 2) stalls.atLeast2Ms++;
    stalls.lostMs += gap;
    stalls.longestMs = Math.max(stalls.longestMs, gap);
  }
  stalls.loopedMs = last - startedAt;
  return stalls;
}

/** Several loops' stalls as one: counts and times add up, the longest is the longest. */
export function sumStalls(all: readonly MachineStalls[]): MachineStalls {
  return all.reduce(
    (sum, stalls) => ({
      loops: sum.loops + stalls.loops,
      loopedMs: sum.loopedMs + stalls.loopedMs,
      atLeast1Ms: sum.atLeast1Ms + stalls.atLeast1Ms,
      atLeast2Ms: sum.atLeast2Ms + stalls.atLeast2Ms,
      lostMs: sum.lostMs + stalls.lostMs,
      longestMs: Math.max(sum.longestMs, stalls.longestMs),
    }),
    NO_STALLS,
  );
}

/**
 * One `countStalls` loop per core at once, each in a process of its own started from `entry`
 * with `STALL_PROBE_COMMAND`, while nothing of the benchmark runs: what the machine alone does
 * to a process that never waits, as the polling customer and the unpaced cook never do.
 */
export async function probeMachineStalls(
  entry: string,
  durationMs: number,
  { loops = availableParallelism(), start = forkWorker }: { loops?: number; start?: StartChild } = {},
): Promise<MachineStalls> {
  const probes = Array.from({ length: loops }, () => {
    const child = start(entry, [STALL_PROBE_COMMAND, String(durationMs)]);
    return new Promise<MachineStalls>((resolve, reject) => {
      child.once('message', (stalls: MachineStalls) => resolve(stalls));
      child.once('error', reject);
      // 'close' comes after the last message (worker-process.ts); a probe that closed without one failed.
      child.once('close', (code, signal) => reject(new Error(`a stall probe exited (${signal ?? code}) without its count`)));
    });
  });
  return sumStalls(await Promise.all(probes));
}
