import { BoundedQueue, closeRedis, newFoodItem, offerNaively, readAccounting } from '@restaurant/queue';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { startOwnRedis, uniqueQueueName } from './fault-harness.js';
import { recordFaultOutcome } from './fault-summary.js';

const CAPACITY = 5;
const PRODUCERS = 50;
const OFFERS_EACH = 20;

/** 50 cooks, each on its own connection, offering as fast as they can while the length is sampled. */
async function race(url: string, admission: 'atomic' | 'naive') {
  const queue = uniqueQueueName(`race-${admission}`);
  const connections = Array.from({ length: PRODUCERS }, () => new Redis(url));
  const observer = new Redis(url);
  const queues = connections.map((redis) => new BoundedQueue(redis, queue, CAPACITY));
  await queues[0].claimCapacity();
  let racing = true;
  let longest = 0;
  const sampling = (async () => {
    while (racing) longest = Math.max(longest, await observer.llen(queues[0].keys.items));
  })();
  await Promise.all(
    queues.map(async (bounded, i) => {
      for (let n = 0; n < OFFERS_EACH; n++) {
        const item = newFoodItem('Fried Rice', `producer_${i + 1}`);
        if (admission === 'naive') await offerNaively(connections[i], bounded.keys, CAPACITY, item);
        else await bounded.offer(item);
      }
    }),
  );
  racing = false;
  await sampling;
  const final = await observer.llen(queues[0].keys.items);
  const accounting = await readAccounting(observer, queues[0].keys);
  await Promise.all([...connections, observer].map((redis) => closeRedis(redis)));
  return { longest: Math.max(longest, final), final, accounting };
}

describe('fault: 50 producers racing for a queue of capacity 5', () => {
  it('never overfills with the atomic Lua offer', async () => {
    const { server } = await startOwnRedis();
    try {
      const { longest, final, accounting } = await race(server.url, 'atomic');
      expect(longest).toBeLessThanOrEqual(CAPACITY);
      expect(final).toBe(CAPACITY);
      expect(accounting).toMatchObject({ accepted: CAPACITY, queued: CAPACITY, lost: 0 });
      recordFaultOutcome({ fault: '50 racing producers, atomic admission', accounting });
    } finally {
      await server.stop();
    }
  });

  it('overfills with the naive LLEN-then-LPUSH admission (--admission naive), which is why it is not the default', async () => {
    const { server } = await startOwnRedis();
    try {
      const { longest, accounting } = await race(server.url, 'naive');
      expect(longest).toBeGreaterThan(CAPACITY);
      expect(accounting.lost).toBe(0);
      recordFaultOutcome({ fault: '50 racing producers, naive admission (overfilled)', accounting });
    } finally {
      await server.stop();
    }
  });
});
