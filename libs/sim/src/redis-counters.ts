import type { QueueCounters } from './queue-counters.js';
import type { QueueSnapshot } from '@restaurant/queue';

interface Cumulative {
  ready: number;
  full: number;
  taken: number;
  empty: number;
  /** Microseconds at each length up to the snapshot, the current stretch included. */
  usAtLength: Map<number, number>;
  /** Since when time is counted: the first change of length, or the snapshot itself if none. */
  sinceUs: number;
}

/**
 * The counters between two snapshots of a queue (or, without `before`, since the queue's first
 * change of length), converted from the server's wall microseconds to model seconds.
 */
export function countersBetween(before: QueueSnapshot | undefined, after: QueueSnapshot, timeScale: number): QueueCounters {
  if (!(timeScale > 0)) throw new RangeError(`the time scale must be > 0 to convert wall time to model time, got ${timeScale}`);
  const end = cumulative(after);
  const start = before ? cumulative(before) : undefined;
  const toModelS = (us: number): number => us / 1_000_000 / timeScale;
  const minus = (pick: (c: Cumulative) => number): number => pick(end) - (start ? pick(start) : 0);
  const longest = Math.max(0, ...end.usAtLength.keys());
  const secondsAtLength = Array.from({ length: longest + 1 }, (_, length) =>
    toModelS((end.usAtLength.get(length) ?? 0) - (start?.usAtLength.get(length) ?? 0)),
  );
  const taken = minus((c) => c.taken);
  return {
    ready: minus((c) => c.ready),
    full: minus((c) => c.full),
    taken,
    empty: minus((c) => c.empty),
    secondsAtLength,
    // Little's law: every meal adds its time on the queue to the area under the queue length,
    // so the area is the meals' total wait and needs no per-meal stamp. The meals still queued
    // at either edge of the span add their part inside it; over a run of many meals that is noise.
    waitSeconds: secondsAtLength.reduce((area, seconds, length) => area + length * seconds, 0),
    waited: taken,
    modelSeconds: toModelS(after.nowUs - (before ? before.nowUs : end.sinceUs)),
  };
}

function cumulative(snapshot: QueueSnapshot): Cumulative {
  const { stats } = snapshot;
  const field = (name: string): number => Number(stats[name] ?? 0);
  const usAtLength = new Map<number, number>();
  for (const [name, value] of Object.entries(stats)) {
    if (name.startsWith('t:')) usAtLength.set(Number(name.slice(2)), Number(value));
  }
  if (stats.at !== undefined) {
    // the stretch since the last change has not been credited by the scripts yet
    usAtLength.set(snapshot.length, (usAtLength.get(snapshot.length) ?? 0) + snapshot.nowUs - Number(stats.at));
  }
  return {
    ready: field('ready'),
    full: field('full'),
    taken: field('taken'),
    empty: field('empty'),
    usAtLength,
    sinceUs: stats.since !== undefined ? Number(stats.since) : snapshot.nowUs,
  };
}
