import { describe, expect, it } from 'vitest';
import { runOnDeadlines } from './deadline-loop.js';

/** A clock that only moves when the loop sleeps or an action takes time. */
function fakeClock() {
  let ms = 0;
  return {
    now: () => ms,
    advance: (by: number) => void (ms += by),
    sleep: async (by: number) => void (ms += by),
  };
}

describe('runOnDeadlines', () => {
  it('acts 1200 times in an hour at a 3 s period even when each action takes time', async () => {
    const clock = fakeClock();
    const stop = new AbortController();
    const times: number[] = [];
    await runOnDeadlines({
      timeScale: 1,
      signal: stop.signal,
      now: clock.now,
      sleep: clock.sleep,
      nextGapS: () => 3,
      act: async () => {
        times.push(clock.now());
        clock.advance(700); // a slow round trip must not push the schedule back
        if (clock.now() >= 3_600_000) stop.abort();
      },
    });
    expect(times.filter((t) => t < 3_600_000)).toHaveLength(1200);
    expect(times.slice(0, 3)).toEqual([0, 3000, 6000]);
  });

  it('scales model seconds to wall time', async () => {
    const clock = fakeClock();
    const stop = new AbortController();
    const times: number[] = [];
    await runOnDeadlines({
      timeScale: 0.01,
      signal: stop.signal,
      now: clock.now,
      sleep: clock.sleep,
      nextGapS: () => 10,
      act: async () => {
        times.push(clock.now());
        if (times.length === 3) stop.abort();
      },
    });
    expect(times).toEqual([0, 100, 200]);
  });

  it('catches up without sleeping when an action overran its slot', async () => {
    const clock = fakeClock();
    const stop = new AbortController();
    const times: number[] = [];
    let sleeps = 0;
    await runOnDeadlines({
      timeScale: 1,
      signal: stop.signal,
      now: clock.now,
      sleep: async (ms) => {
        sleeps++;
        clock.advance(ms);
      },
      nextGapS: () => 1,
      act: async () => {
        times.push(clock.now());
        if (times.length === 1) clock.advance(2500);
        if (times.length === 5) stop.abort();
      },
    });
    expect(times).toEqual([0, 2500, 2500, 3000, 4000]);
    expect(sleeps).toBe(2);
  });

  it('stops after the current action when the signal aborts during it', async () => {
    const stop = new AbortController();
    let actions = 0;
    await runOnDeadlines({
      timeScale: 1,
      signal: stop.signal,
      nextGapS: () => 3600,
      act: async () => {
        actions++;
        stop.abort();
      },
    });
    expect(actions).toBe(1);
  });

  it('waits the first offset before the first action, then keeps the period', async () => {
    const clock = fakeClock();
    const stop = new AbortController();
    const times: number[] = [];
    await runOnDeadlines({
      timeScale: 0.5,
      signal: stop.signal,
      now: clock.now,
      sleep: clock.sleep,
      firstAfterS: 1.5,
      nextGapS: () => 3,
      act: async () => {
        times.push(clock.now());
        if (times.length === 3) stop.abort();
      },
    });
    expect(times).toEqual([750, 2250, 3750]);
  });
});
