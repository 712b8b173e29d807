import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { runAdaptiveTakes, type TakeOutcome } from './adaptive-takes.js';

/** A queue that, like Redis, takes from the front when the command is served (next turn). */
function fakeQueue(batch: number) {
  const items: string[] = [];
  const state = { inFlight: 0, maxInFlight: 0, takes: 0, emptyTakes: 0 };
  const take = async (): Promise<TakeOutcome> => {
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    await nextTurn();
    state.inFlight--;
    state.takes++;
    const got = items.splice(0, batch);
    if (got.length === 0) state.emptyTakes++;
    return { items: got, length: items.length };
  };
  return { items, state, take };
}

describe('adaptive takes', () => {
  for (const batch of [1, 10]) {
    it(`hand every item over once, first in first out, never more than max in flight (batch ${batch})`, async () => {
      const queue = fakeQueue(batch);
      const stop = new AbortController();
      const sent = Array.from({ length: 3000 }, (_, i) => `item ${i}`);
      const received: Array<string | Buffer> = [];
      const taking = runAdaptiveTakes({
        take: queue.take,
        onItems: (items) => {
          received.push(...items);
          if (received.length === sent.length) stop.abort();
        },
        max: 4,
        perTake: batch,
        stop: stop.signal,
      });
      // A cook that bursts (a backlog builds) and pauses (the queue runs dry).
      for (let i = 0; i < sent.length; ) {
        const burst = i % 600 < 300 ? 3 * batch + 4 : 1;
        queue.items.push(...sent.slice(i, i + burst));
        i += burst;
        await nextTurn();
      }
      await taking;
      expect(received).toEqual(sent);
      expect(queue.state.maxInFlight).toBe(4);
      expect(queue.state.inFlight).toBe(0);
    });
  }

  it('keeps one take in flight while the queue is empty', async () => {
    const queue = fakeQueue(1);
    const stop = new AbortController();
    queue.items.push(...Array.from({ length: 50 }, (_, i) => `item ${i}`));
    const taking = runAdaptiveTakes({ take: queue.take, onItems: () => undefined, max: 4, perTake: 1, stop: stop.signal, idleMs: 0 });
    for (let turn = 0; turn < 100; turn++) await nextTurn();
    expect(queue.items).toEqual([]);
    const before = queue.state.emptyTakes;
    for (let turn = 0; turn < 20; turn++) {
      await nextTurn();
      expect(queue.state.inFlight).toBe(1);
    }
    expect(queue.state.emptyTakes - before).toBeGreaterThanOrEqual(15);
    stop.abort();
    await taking;
  });

  it('waits after eight empty takes in a row instead of spinning, and the stop ends the wait', async () => {
    const queue = fakeQueue(1);
    const stop = new AbortController();
    const taking = runAdaptiveTakes({ take: queue.take, onItems: () => undefined, max: 4, perTake: 1, stop: stop.signal, idleMs: 60_000 });
    for (let turn = 0; turn < 100; turn++) await nextTurn();
    expect(queue.state.emptyTakes).toBe(8);
    stop.abort();
    await taking;
    expect(queue.state.takes).toBe(8);
  });

  it('fails with a take that fails before the stop, and ends quietly after it', async () => {
    const failing = runAdaptiveTakes({
      take: async () => Promise.reject(new Error('connection lost')),
      onItems: () => undefined,
      max: 2,
      perTake: 1,
      stop: new AbortController().signal,
    });
    await expect(failing).rejects.toThrow('connection lost');

    const stop = new AbortController();
    const stopping = runAdaptiveTakes({
      take: async () => {
        stop.abort();
        throw new Error('disconnected by the stop');
      },
      onItems: () => undefined,
      max: 2,
      perTake: 1,
      stop: stop.signal,
    });
    await expect(stopping).resolves.toBeUndefined();
  });
});

describe('adaptive takes, racing', () => {
  it('never stop taking when several takes find the queue empty at once', async () => {
    const queue = fakeQueue(1);
    const stop = new AbortController();
    let received = 0;
    const taking = runAdaptiveTakes({ take: queue.take, onItems: (items) => (received += items.length), max: 4, perTake: 1, stop: stop.signal, idleMs: 0 });
    for (let round = 0; round < 20; round++) {
      queue.items.push(...Array.from({ length: 40 }, (_, i) => `item ${round}.${i}`));
      for (let turn = 0; turn < 60; turn++) await nextTurn();
      expect(queue.state.inFlight).toBe(1);
    }
    expect(received).toBe(800);
    stop.abort();
    await taking;
  });
});
