import { describe, expect, it } from 'vitest';
import { BoundedQueue, newFoodItem } from '@restaurant/queue';
import { uniqueQueueName, useTestRedis } from '@restaurant/testing';
import { QueueModel } from './queue-model.js';
import { createRandom } from '@restaurant/service';

const redis = useTestRedis();

describe('QueueModel against the Lua scripts', () => {
  it.each([1, 3, 7])('gives the same replies and counters on one random sequence of operations (capacity %i)', async (capacity) => {
    const queue = new BoundedQueue(redis.client(), uniqueQueueName('model-vs-lua'), capacity);
    await queue.claimCapacity();
    const model = new QueueModel(capacity);
    const random = createRandom(capacity);
    for (let step = 0; step < 1500; step++) {
      // offers slightly more often than takes, so the queue visits empty, full and in between
      if (random.next() < 0.52) {
        const fromLua = await queue.offer(newFoodItem(`step ${step}`, 'producer'));
        const queued = model.offer(step);
        expect({ step, status: fromLua.status, length: fromLua.length }).toEqual({
          step,
          status: queued ? 'ready' : 'full',
          length: model.length,
        });
      } else {
        const fromLua = await queue.take();
        const enqueuedAtStep = model.take(step);
        expect({
          step,
          status: fromLua.status,
          length: fromLua.length,
          item: fromLua.status === 'taken' ? Number((JSON.parse(fromLua.raw) as { meal: string }).meal.split(' ')[1]) : -1,
        }).toEqual({ step, status: enqueuedAtStep === -1 ? 'empty' : 'taken', length: model.length, item: enqueuedAtStep });
      }
    }
    const stats = await redis.client().hgetall(queue.keys.stats);
    expect({
      ready: Number(stats.ready ?? 0),
      full: Number(stats.full ?? 0),
      taken: Number(stats.taken ?? 0),
      empty: Number(stats.empty ?? 0),
      length: await queue.length(),
    }).toEqual({ ready: model.ready, full: model.full, taken: model.taken, empty: model.empty, length: model.length });
    expect(model.full).toBeGreaterThan(0);
    expect(model.empty).toBeGreaterThan(0);
    // the lengths credited with time are the lengths the queue left, in both
    const creditedInLua = Object.keys(stats).filter((key) => key.startsWith('t:')).map((key) => Number(key.slice(2))).sort();
    const creditedInModel = Array.from(model.timeAtLength.keys()).filter((length) => model.timeAtLength[length] > 0);
    expect(creditedInModel.every((length) => creditedInLua.includes(length))).toBe(true);
    await queue.destroy();
  });
});
