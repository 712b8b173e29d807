import { EventEmitter } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { countStalls, NO_STALLS, probeMachineStalls, STALL_PROBE_COMMAND, sumStalls, type MachineStalls } from './machine-stalls.js';

/** A clock that moves 0.1 ms a reading, and jumps by the given ms at the given readings. */
function clockWithJumps(jumps: Record<number, number>): () => number {
  let readings = 0;
  let now = 1_000;
  return () => {
    now += jumps[readings] ?? 0.1;
    readings++;
    return now;
  };
}

const stalls = (over: Partial<MachineStalls>): MachineStalls => ({ ...NO_STALLS, loops: 1, ...over });

describe('countStalls', () => {
  it('counts the gaps of 1 ms or more between readings, those of 2 ms or more, the time they took and the longest', () => {
    const counted = countStalls(10, clockWithJumps({ 5: 1.5, 20: 3, 30: 0.9 }));
    expect(counted).toMatchObject({ loops: 1, atLeast1Ms: 2, atLeast2Ms: 1, longestMs: 3 });
    expect(counted.lostMs).toBeCloseTo(4.5);
    // The loop ends at the first reading at or past its end, 10 ms after the first.
    expect(counted.loopedMs).toBeGreaterThanOrEqual(10);
    expect(counted.loopedMs).toBeLessThan(10.1 + 1e-9);
  });

  it('loops on the real clock for as long as it was told', () => {
    const counted = countStalls(30);
    expect(counted.loopedMs).toBeGreaterThanOrEqual(30);
    expect(counted.lostMs).toBeLessThanOrEqual(counted.loopedMs);
  });
});

describe('sumStalls', () => {
  it('adds loops, counts and times, and keeps the longest stall', () => {
    expect(
      sumStalls([
        stalls({ loopedMs: 5_000, atLeast1Ms: 3, atLeast2Ms: 1, lostMs: 6, longestMs: 2.5 }),
        stalls({ loopedMs: 5_001, atLeast1Ms: 4, atLeast2Ms: 2, lostMs: 9, longestMs: 3.5 }),
      ]),
    ).toEqual({ loops: 2, loopedMs: 10_001, atLeast1Ms: 7, atLeast2Ms: 3, lostMs: 15, longestMs: 3.5 });
  });
});

describe('probeMachineStalls', () => {
  /** Starts fake probes that each answer with `answer(index)`, or close without a word when it is null. */
  function fakeProbes(answer: (index: number) => MachineStalls | null): { started: string[][]; start: (entry: string, args: string[]) => ChildProcess } {
    const started: string[][] = [];
    const start = (entry: string, args: string[]): ChildProcess => {
      const child = new EventEmitter();
      const reply = answer(started.length);
      started.push([entry, ...args]);
      setImmediate(() => {
        if (reply) child.emit('message', reply);
        child.emit('close', reply ? 0 : 1, null);
      });
      return child as unknown as ChildProcess;
    };
    return { started, start };
  }

  it('starts one probe per loop at once, each told how long to loop, and sums their counts', async () => {
    const { started, start } = fakeProbes((index) => stalls({ loopedMs: 2_000, atLeast1Ms: index + 1, lostMs: 1 + index, longestMs: 1 + index }));
    const summed = await probeMachineStalls('main.js', 2_000, { loops: 3, start });
    expect(started).toEqual(Array.from({ length: 3 }, () => ['main.js', STALL_PROBE_COMMAND, '2000']));
    expect(summed).toEqual({ loops: 3, loopedMs: 6_000, atLeast1Ms: 6, atLeast2Ms: 0, lostMs: 6, longestMs: 3 });
  });

  it('fails when a probe ends without its count', async () => {
    const { start } = fakeProbes((index) => (index === 1 ? null : stalls({ loopedMs: 100 })));
    await expect(probeMachineStalls('main.js', 100, { loops: 2, start })).rejects.toThrow('a stall probe exited (1) without its count');
  });
});
